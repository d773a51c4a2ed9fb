using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace Telnyx.Benchmarks;

/// <summary>
/// <c>--interleaved</c>: a cross-check of both benchmark classes for a noisy machine. BenchmarkDotNet measures one
/// benchmark after the other, so a change in background load between them shows up as a ratio; here the variants
/// take turns in blocks (order reversed every round), the ratio to the baseline is taken per round, under the same
/// load, and its median over 60 rounds is printed. <c>--interleaved --webhook</c> runs only the webhook comparison,
/// <c>--interleaved --telemetry</c> only the create-conference call with and without telemetry listeners (attached
/// around each of their blocks, outside the timed loop).
/// </summary>
public static class InterleavedCheck
{
    private const int Rounds = 60;

    public static void RunTelemetry()
    {
        var bench = new TelemetryOverheadBenchmarks();
        bench.Setup(listeners: null);
        try
        {
            Action call = () => bench.NoListener().GetAwaiter().GetResult();
            Compare("CreateConference with telemetry listeners (1,000 calls per block)", 1000,
            [
                ("no listener (baseline)", call, static () => null),
                ("Activity + Meter listeners", call, static () => new TelemetryListeners()),
                ("diag: + HttpClient spans", call, static () => new TelemetryListeners(httpClientSpans: true)),
            ]);
        }
        finally
        {
            bench.Cleanup();
        }
    }

    public static void Run(bool webhookOnly = false)
    {
        var webhook = new WebhookBenchmarks();
        webhook.Setup();
        try
        {
            Compare("Webhook (200 calls per block)", 200,
            [
                ("NSec Ed25519.Verify (baseline)", () => webhook.NSecVerify()),
                ("verifier (verify + window)", () => webhook.VerifierOnly()),
                ("client.Webhooks.Unwrap", () => webhook.Unwrap()),
                ("diag: typed parse alone", () => webhook.ParseOnly()),
            ]);
        }
        finally
        {
            webhook.Cleanup();
        }

        if (webhookOnly)
        {
            return;
        }

        var create = new CreateConferenceBenchmarks();
        create.Setup();
        try
        {
            Compare("CreateConference (1,000 calls per block)", 1000,
            [
                ("hand-written (baseline)", () => create.HandWrittenHttpClientStj().GetAwaiter().GetResult()),
                ("generated", () => create.GeneratedSdk().GetAwaiter().GetResult()),
                ("diag: hand-written + 60 s CTS", () => create.HandWrittenWithTimeout().GetAwaiter().GetResult()),
                ("diag: generated, no timeout", () => create.GeneratedSdkNoTimeout().GetAwaiter().GetResult()),
            ]);
        }
        finally
        {
            create.Cleanup();
        }

        var list = new ListDeserializationBenchmarks();
        list.Setup();
        Compare("ListDeserialization (200 pages per block)", 200,
        [
            ("STJ source-gen (baseline)", () => list.StjSourceGen()),
            ("generated (pager path)", () => list.GeneratedPager()),
        ]);
    }

    /// <summary>Runs the variants in turns and prints per-call medians and paired ratios to the first one.</summary>
    public static void Compare(string title, int block, (string Name, Action Call)[] variants) =>
        Compare(title, block, variants.Select(v => (v.Name, v.Call, (Func<IDisposable?>)(static () => null))).ToArray());

    private static void Compare(string title, int block, (string Name, Action Call, Func<IDisposable?> Scope)[] variants)
    {
        for (int warmup = 0; warmup < 3; warmup++)
        {
            foreach (var variant in variants)
            {
                RunBlock(variant.Call, variant.Scope, block);
            }
        }
        var samples = variants.Select(_ => new List<double>(Rounds)).ToArray();
        var allocations = variants.Select(_ => new List<double>(Rounds)).ToArray();
        for (int round = 0; round < Rounds; round++)
        {
            for (int k = 0; k < variants.Length; k++)
            {
                int index = round % 2 == 0 ? k : variants.Length - 1 - k;
                var (micros, bytes) = RunBlock(variants[index].Call, variants[index].Scope, block);
                samples[index].Add(micros);
                allocations[index].Add(bytes);
            }
        }
        Console.WriteLine($"{title}: {Rounds} interleaved rounds; per-call microseconds and bytes (process-wide).");
        Console.WriteLine($"  {"variant",-32} {"median",10} {"paired ratio (median)",22} {"bytes",8}");
        for (int k = 0; k < variants.Length; k++)
        {
            double paired = Median(samples[k].Zip(samples[0], (x, baseline) => x / baseline));
            Console.WriteLine($"  {variants[k].Name,-32} {Median(samples[k]),10:F2} {paired,22:F3} {Median(allocations[k]),8:F0}");
        }
    }

    /// <summary>Times one block; <paramref name="scope"/> is entered before the clock starts and left after it stops.</summary>
    private static (double Micros, double Bytes) RunBlock(Action call, Func<IDisposable?> scope, int block)
    {
        using var entered = scope();
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < block; i++)
        {
            call();
        }
        double micros = Stopwatch.GetElapsedTime(start).TotalMicroseconds / block;
        double bytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)block;
        return (micros, bytes);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return (sorted[sorted.Length / 2] + sorted[(sorted.Length - 1) / 2]) / 2;
    }
}
