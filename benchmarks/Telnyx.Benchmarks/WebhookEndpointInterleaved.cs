using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace Telnyx.Benchmarks;

/// <summary>
/// <c>--endpoint-interleaved</c>: the rows of <see cref="WebhookEndpointBenchmarks"/> taking turns in blocks of 200
/// deliveries (order reversed every round), so background load hits every row alike; prints per-delivery medians, the
/// median of the per-round ratio to <c>Unwrap</c>, and the bytes allocated per delivery on the calling thread.
/// </summary>
public static class WebhookEndpointInterleaved
{
    private const int Rounds = 60;
    private const int Block = 200;

    public static void Run()
    {
        var bench = new WebhookEndpointBenchmarks();
        bench.Setup();
        try
        {
            (string Name, Action Call)[] variants =
            [
                ("client.Webhooks.Unwrap (baseline)", () => bench.Unwrap()),
                ("MapTelnyxWebhooks endpoint", () => bench.EndpointDelivery().GetAwaiter().GetResult()),
                ("diag: endpoint, no dedupe", () => bench.EndpointWithoutDeduplication().GetAwaiter().GetResult()),
            ];
            for (int warmup = 0; warmup < 5; warmup++)
            {
                foreach (var variant in variants)
                {
                    RunBlock(variant.Call);
                }
            }

            var times = variants.Select(_ => new List<double>(Rounds)).ToArray();
            var bytes = variants.Select(_ => new List<double>(Rounds)).ToArray();
            for (int round = 0; round < Rounds; round++)
            {
                for (int k = 0; k < variants.Length; k++)
                {
                    int index = round % 2 == 0 ? k : variants.Length - 1 - k;
                    (double micros, double allocated) = RunBlock(variants[index].Call);
                    times[index].Add(micros);
                    bytes[index].Add(allocated);
                }
            }

            Console.WriteLine($"Webhook endpoint vs Unwrap: {Rounds} interleaved rounds of {Block} deliveries; per delivery.");
            Console.WriteLine($"  {"variant",-36} {"median us",10} {"paired ratio (median)",22} {"B allocated",12}");
            for (int k = 0; k < variants.Length; k++)
            {
                double paired = Median(times[k].Zip(times[0], (x, baseline) => x / baseline));
                Console.WriteLine($"  {variants[k].Name,-36} {Median(times[k]),10:F2} {paired,22:F3} {Median(bytes[k]),12:F0}");
            }
        }
        finally
        {
            bench.Cleanup();
        }
    }

    private static (double Micros, double Bytes) RunBlock(Action call)
    {
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < Block; i++)
        {
            call();
        }

        double micros = Stopwatch.GetElapsedTime(start).TotalMicroseconds / Block;
        return (micros, (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)Block);
    }

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.OrderBy(v => v).ToArray();
        return (sorted[sorted.Length / 2] + sorted[(sorted.Length - 1) / 2]) / 2;
    }
}
