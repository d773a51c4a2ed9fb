using System;
using System.Diagnostics;
using System.Reflection;
using Telnyx.Runtime.Webhooks;
using Xunit.Abstractions;

namespace Telnyx.Runtime.Tests.Webhooks;

/// <summary>
/// Not a performance assertion: prints the median time of one verification (1 KB message) for the managed
/// implementation and for libsodium. Meaningful numbers need a Release build: <c>dotnet test -c Release</c>.
/// </summary>
public class VerifyTimingReport(ITestOutputHelper output)
{
    [Fact]
    public void ReportMedianVerifyTimes()
    {
        var (pk, sk) = Libsodium.GenerateKeyPair();
        byte[] message = new byte[1024];
        new Random(1024).NextBytes(message);
        byte[] signature = Libsodium.Sign(message, sk);
        Assert.True(Ed25519.Verify(pk, message, signature));

        const int Rounds = 15, PerRound = 40;
        double ours = Median(() => Ed25519.Verify(pk, message, signature), Rounds, PerRound);
        double sodium = Median(() => Libsodium.Verify(pk, message, signature), Rounds, PerRound);

        bool optimized = typeof(Ed25519).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled != true;
        output.WriteLine($"Ed25519 verify, 1 KB message, median of {Rounds} rounds x {PerRound}:");
        output.WriteLine($"  managed:   {ours,8:F1} µs ({(optimized ? "optimized build" : "DEBUG build: not representative")})");
        output.WriteLine($"  libsodium: {sodium,8:F1} µs ({Libsodium.Version})");
        output.WriteLine($"  ratio:     {ours / sodium,8:F2}x");
    }

    private static double Median(Func<bool> verify, int rounds, int perRound)
    {
        // Warm up for half a second so tiered compilation has promoted the hot methods to optimized code.
        long warmUpStart = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(warmUpStart).TotalMilliseconds < 500)
        {
            verify();
        }

        var samples = new double[rounds];
        for (int r = 0; r < rounds; r++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < perRound; i++)
            {
                verify();
            }

            samples[r] = Stopwatch.GetElapsedTime(start).TotalMicroseconds / perRound;
        }

        Array.Sort(samples);
        return samples[rounds / 2];
    }
}
