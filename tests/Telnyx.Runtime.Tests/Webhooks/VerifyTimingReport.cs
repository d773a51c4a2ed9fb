using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using Telnyx.Runtime.Webhooks;
using Xunit.Abstractions;

namespace Telnyx.Runtime.Tests.Webhooks;

/// <summary>
/// Not a performance assertion: prints the time of one verification (1 KB message) for the managed implementation,
/// for libsodium, and for a whole <see cref="TelnyxWebhookVerifier.Verify(ReadOnlySpan{byte}, string?, string?)"/> call.
/// Rounds alternate between the contestants so that load from other processes hits both alike.
/// Meaningful numbers need a Release build: <c>dotnet test -c Release --filter FullyQualifiedName~VerifyTimingReport</c>.
/// </summary>
public class VerifyTimingReport(ITestOutputHelper output)
{
    [Fact]
    public void ReportVerifyTimes()
    {
        var (pk, sk) = Libsodium.GenerateKeyPair();
        byte[] message = new byte[1024];
        new Random(1024).NextBytes(message);
        byte[] signature = Libsodium.Sign(message, sk);

        string timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        byte[] signedBody = [.. Encoding.UTF8.GetBytes(timestamp + "|"), .. message];
        string signatureHeader = Convert.ToBase64String(Libsodium.Sign(signedBody, sk));
        var verifier = new TelnyxWebhookVerifier(pk);

        Func<bool>[] contestants =
        [
            () => Ed25519.Verify(pk, message, signature),
            () => Libsodium.Verify(pk, message, signature),
            () => verifier.TryVerify(message, timestamp, signatureHeader, out _),
        ];
        Assert.All(contestants, verify => Assert.True(verify()));

        // Warm up for a second so tiered compilation has promoted the hot methods to optimized code.
        var warmUp = Stopwatch.StartNew();
        while (warmUp.ElapsedMilliseconds < 1000)
        {
            foreach (Func<bool> verify in contestants)
            {
                verify();
            }
        }

        const int Rounds = 31, PerRound = 20;
        double[][] samples = [new double[Rounds], new double[Rounds], new double[Rounds]];
        for (int round = 0; round < Rounds; round++)
        {
            for (int c = 0; c < contestants.Length; c++)
            {
                long start = Stopwatch.GetTimestamp();
                for (int i = 0; i < PerRound; i++)
                {
                    contestants[c]();
                }

                samples[c][round] = Stopwatch.GetElapsedTime(start).TotalMicroseconds / PerRound;
            }
        }

        double[] ratios = [.. Enumerable.Range(0, Rounds).Select(r => samples[0][r] / samples[1][r])];
        bool optimized = typeof(Ed25519).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled != true;
        output.WriteLine($"Ed25519 verify of a 1 KB message, {Rounds} rounds x {PerRound} ({(optimized ? "optimized build" : "DEBUG build: not representative")}):");
        output.WriteLine($"  managed Ed25519.Verify:        median {Median(samples[0]),7:F1} µs, min {samples[0].Min(),7:F1} µs");
        output.WriteLine($"  libsodium {Libsodium.Version,-8} verify:      median {Median(samples[1]),7:F1} µs, min {samples[1].Min(),7:F1} µs");
        output.WriteLine($"  TelnyxWebhookVerifier.Verify:  median {Median(samples[2]),7:F1} µs, min {samples[2].Min(),7:F1} µs");
        output.WriteLine($"  managed / libsodium:           median ratio {Median(ratios):F2}x");
    }

    private static double Median(double[] values)
    {
        double[] sorted = [.. values.Order()];
        return sorted[sorted.Length / 2];
    }
}
