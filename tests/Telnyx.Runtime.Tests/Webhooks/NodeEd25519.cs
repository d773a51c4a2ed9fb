using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace Telnyx.TestSupport;

/// <summary>
/// Runs <c>ed25519-node.mjs</c> (Node's crypto, i.e. OpenSSL) once over a batch of cases: one child process per batch,
/// never one per case. Node must be on PATH (the contract tests need it too); a missing node fails the test.
/// </summary>
internal static class NodeEd25519
{
    /// <summary>OpenSSL's verdict per case: true, false, or null when OpenSSL refused the input ("E").</summary>
    public static bool?[] Verify(IReadOnlyList<(byte[] PublicKey, byte[] Message, byte[] Signature)> cases)
    {
        string[] answers = Run("verify", cases.Select(c => $"{Hex(c.PublicKey)} {Hex(c.Message)} {Hex(c.Signature)}"), cases.Count);
        return [.. answers.Select(a => a switch
        {
            "1" => true,
            "0" => (bool?)false,
            "E" => null,
            _ => throw new InvalidOperationException($"unexpected answer from node: '{a}'"),
        })];
    }

    /// <summary>Node's public key and signature for each (32-byte seed, message).</summary>
    public static (byte[] PublicKey, byte[] Signature)[] Sign(IReadOnlyList<(byte[] Seed, byte[] Message)> cases)
    {
        string[] answers = Run("sign", cases.Select(c => $"{Hex(c.Seed)} {Hex(c.Message)}"), cases.Count);
        return [.. answers.Select(a => a.Split(' ') is [string pk, string sig]
            ? (Convert.FromHexString(pk), Convert.FromHexString(sig))
            : throw new InvalidOperationException($"unexpected answer from node: '{a}'"))];
    }

    private static string[] Run(string mode, IEnumerable<string> lines, int count)
    {
        string input = Path.Combine(Path.GetTempPath(), $"telnyx-ed25519-{mode}-{Guid.NewGuid():N}.txt");
        File.WriteAllLines(input, lines);
        try
        {
            var start = new ProcessStartInfo("node")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ed25519-node.mjs"));
            start.ArgumentList.Add(mode);
            start.ArgumentList.Add(input);
            using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("node did not finish within 2 minutes");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"node exited with {process.ExitCode}: {stderr.Result}");
            }

            string[] answers = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return answers.Length == count
                ? answers
                : throw new InvalidOperationException($"node answered {answers.Length} of {count} cases: {stderr.Result}");
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
