using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Telnyx.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project benchmarks/Telnyx.Benchmarks -- --filter '*'</c>.
/// Add <c>--quick</c> for a short run (a few iterations, about a minute) instead of a full one, or run
/// <c>--interleaved</c> alone for the interleaved cross-check of both classes (<see cref="InterleavedCheck"/>;
/// <c>--interleaved --telemetry</c> for the tracing and metrics overhead).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Contains("--interleaved", StringComparer.OrdinalIgnoreCase) && args.Contains("--telemetry", StringComparer.OrdinalIgnoreCase))
        {
            InterleavedCheck.RunTelemetry();
            return 0;
        }

        if (args.Contains("--endpoint-interleaved", StringComparer.OrdinalIgnoreCase))
        {
            WebhookEndpointInterleaved.Run();
            return 0;
        }

        if (args.Contains("--interleaved", StringComparer.OrdinalIgnoreCase))
        {
            InterleavedCheck.Run(webhookOnly: args.Contains("--webhook", StringComparer.OrdinalIgnoreCase));
            return 0;
        }

        bool quick = args.Contains("--quick", StringComparer.OrdinalIgnoreCase);
        string[] rest = args.Where(a => !string.Equals(a, "--quick", StringComparison.OrdinalIgnoreCase)).ToArray();

        IConfig config = CreateConfig(quick);

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest, config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }

    /// <summary>The job and columns every run uses (also the Kiota comparison project's).</summary>
    public static IConfig CreateConfig(bool quick)
    {
        // In-process: nothing is rebuilt per benchmark, so no build output lands next to the sources of other
        // projects; the Kestrel server of CreateConferenceBenchmarks shares the process either way.
        Job job = (quick
                ? Job.ShortRun.WithWarmupCount(3).WithIterationCount(8)
                : Job.Default)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId(quick ? "Quick" : "Full");

        return DefaultConfig.Instance
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(StatisticColumn.Median)
            .WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"))
            .WithOptions(ConfigOptions.DisableLogFile);
    }
}
