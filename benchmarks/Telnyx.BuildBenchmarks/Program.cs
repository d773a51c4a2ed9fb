using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using Telnyx.BuildBenchmarks;

// Build time as a user waits for it: see benchmarks/README.md, "Build time: what a user waits for".
var options = BenchOptions.Parse(args);
string Metadata(string key) => typeof(BenchOptions).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
var repoRoot = Path.GetFullPath(Metadata("RepoRoot"));
var official = Environment.GetEnvironmentVariable("TELNYX_OFFICIAL_SPEC") is { Length: > 0 } env ? env : Metadata("OfficialSpec");
if (!File.Exists(official))
{
    Console.Error.WriteLine($"The official Telnyx document is not at '{official}'. Set TELNYX_OFFICIAL_SPEC to its path.");
    return 2;
}
var outDir = Path.GetFullPath(options.OutDir ?? Path.Combine(repoRoot, "benchmarks", "results"));
Directory.CreateDirectory(outDir);
var command = "dotnet run -c Release --project benchmarks/Telnyx.BuildBenchmarks --" + (options.CommandLine.Length > 0 ? " " + options.CommandLine : "");

var storePath = Path.Combine(outDir, "build-benchmark.json");
var previous = MeasurementStore.Load(storePath);
foreach (var other in options.Merge) previous = MeasurementStore.Merge(previous, MeasurementStore.Load(other));
if (options.ReportOnly)
{
    MeasurementStore.Save(storePath, previous);
    ResultsReport.Write(outDir, previous, new());
    Console.WriteLine($"rewrote {Path.Combine(outDir, "build-benchmark.md")} from {previous.Count} measurements");
    return 0;
}

using var session = new BenchSession(repoRoot, official, options, command);
Console.WriteLine($"temp folder: {session.Root}   load average: {Machine.LoadAverage()}");
session.Prepare();
void Write(System.Collections.Generic.List<Measurement> soFar)
{
    var all = MeasurementStore.Merge(previous, soFar);
    MeasurementStore.Save(storePath, all);
    ResultsReport.Write(outDir, all, session.Notes);
}
var fresh = session.RunAll(Write);
Write(fresh);
Console.WriteLine($"wrote {Path.Combine(outDir, "build-benchmark.md")} and the SVGs; load average now {Machine.LoadAverage()}");
return fresh.Any(m => m.ExitCode != 0) ? 1 : 0;
