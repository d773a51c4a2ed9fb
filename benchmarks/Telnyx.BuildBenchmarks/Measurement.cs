using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Telnyx.BuildBenchmarks;

/// <summary>One timed process: a build of one consumer in one scenario, or one Kiota generation.</summary>
public sealed class Measurement
{
    public string Tool { get; set; } = "";

    public string Document { get; set; } = "";

    public int Percent { get; set; }

    public int Operations { get; set; }

    public bool Aot { get; set; }

    /// <summary>kiota-generate, clean, noop, edit, lib-clean, lib-edit.</summary>
    public string Scenario { get; set; } = "";

    public int Run { get; set; }

    public int ExitCode { get; set; }

    public double Seconds { get; set; }

    public double TreeMaxRssMiB { get; set; }

    public double CompilerPeakMiB { get; set; }

    /// <summary>"Total generator execution time" of the compilations in the build (ReportAnalyzer): every generator, the framework's interop generators included.</summary>
    public double GeneratorSeconds { get; set; }

    /// <summary>The Telnyx.Generator row of the ReportAnalyzer generator table (0 for Kiota's consumer).</summary>
    public double TelnyxGeneratorSeconds { get; set; }

    /// <summary>"Total analyzer execution time" (CPU seconds, analyzers run concurrently).</summary>
    public double AnalyzerSeconds { get; set; }

    public List<AnalyzerTime> TopAnalyzers { get; set; } = new();

    public int EmittedFiles { get; set; }

    public long EmittedCharacters { get; set; }

    public string LoadAverage { get; set; } = "";

    public DateTime Utc { get; set; }

    /// <summary>The benchmark's command line that produced this figure.</summary>
    public string Command { get; set; } = "";

    /// <summary>The process the figure times, as run in the consumer folder.</summary>
    public string Process { get; set; } = "";

    [JsonIgnore]
    public string Key => $"{Tool}|{Document}|{Aot}|{Scenario}";
}

public sealed record AnalyzerTime(string Analyzer, double Seconds);

/// <summary>
/// Every measurement kept so far (benchmarks/results/build-benchmark.json): a later invocation replaces the
/// figures of the cases it measured and keeps the others, so a long run can be done in parts.
/// </summary>
public static class MeasurementStore
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static List<Measurement> Load(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<List<Measurement>>(File.ReadAllText(path), Json) ?? new() : new();

    public static List<Measurement> Merge(List<Measurement> previous, List<Measurement> fresh)
    {
        var replaced = fresh.Select(m => m.Key).ToHashSet();
        return previous.Where(m => !replaced.Contains(m.Key)).Concat(fresh).ToList();
    }

    public static void Save(string path, List<Measurement> all) => File.WriteAllText(path, JsonSerializer.Serialize(all, Json) + "\n");
}
