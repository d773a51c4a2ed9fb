using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace Telnyx.BuildBenchmarks;

/// <summary>
/// benchmarks/results/build-benchmark.md (medians per case, the scaling table, the analyzers, the commands) and
/// build-scaling.svg, from every measurement kept in build-benchmark.json.
/// </summary>
public static class ResultsReport
{
    private const string OursColor = "#1f77b4";
    private const string KiotaColor = "#d62728";
    private static readonly string[] Documents = { "whole", "conferencing", "bundled" };
    private static readonly string[] BuildScenarios = { "clean", "noop", "edit" };

    public static void Write(string outDir, List<Measurement> all, List<string> notes)
    {
        var md = new StringBuilder();
        md.AppendLine("# Build time: what a user waits for");
        md.AppendLine();
        md.AppendLine("Written by `benchmarks/Telnyx.BuildBenchmarks` (see benchmarks/README.md, \"Build time: what a user waits for\"); do not edit by hand.");
        md.AppendLine();
        md.AppendLine($"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET SDK of `dotnet --version` {DotnetVersion()}. " +
            $"**Shared with other work**: load averages (1, 5, 15 min) seen at the start of the timed processes ranged {LoadRange(all)}. Medians hide some of it, not all: re-run on a quiet machine for absolute figures.");
        md.AppendLine();
        md.AppendLine("Every figure is one real process as the user runs it, timed by wall clock: `dotnet build App.csproj -c Debug -nologo -v:m -p:ReportAnalyzer=true -flp:v=d;logfile=...` in the consumer folder (the detailed file log holds the compiler's ReportAnalyzer table) " +
            "(restore included; packages come from the NuGet cache), or `dotnet kiota generate ...`. Consumers: net10.0, Debug, nullable enabled, TreatWarningsAsErrors, " +
            "analyzers \"on\" = `IsAotCompatible=true` (the trim, AOT and single-file analyzers), \"off\" = `IsAotCompatible=false`. Ours = a PackageReference to Telnyx.Generated packed once " +
            "from this repository into a local feed (the generator and runtime are not rebuilt in any timed build); Kiota = its 1.38.0 output compiled against Microsoft.Kiota.* 2.1.6.");
        md.AppendLine();
        md.AppendLine("- **clean**: obj/ and bin/ deleted, then `dotnet build`. **noop**: `dotnet build` again, nothing changed. **edit**: one C# file of the app changed (a constant), then `dotnet build`: the compiler runs again on the whole project, generator and SDK sources included.");
        md.AppendLine("- **lib-clean / lib-edit**: the SDK in its own class library and the app referencing it; the edit changes the same app file, so only the app compiles.");
        md.AppendLine("- **Kiota generate + build**: Kiota's generation, then the clean build of its output, paired per run (the median of the sums).");
        md.AppendLine("- **compiler peak**: the highest peak resident set (VmHWM, read from /proc while it ran) of any csc process of the build; this machine sets UseSharedCompilation=false, so each build starts its own compiler. " +
            "**tree max RSS**: `/usr/bin/time -v`'s maximum resident set size, i.e. the largest single process of the tree (MSBuild or csc), not a sum.");
        md.AppendLine("- **generator s**: the Telnyx.Generator row of the generator table the compiler prints under ReportAnalyzer (the framework's interop generators, which run in every net10.0 project, are left out; their time is in \"generators in total\" below). **analyzer s**: \"Total analyzer execution time\", CPU seconds summed over analyzers that run concurrently.");
        md.AppendLine("- **emitted characters**: ours counted by running this repository's generator in process on the same document and options; Kiota's by reading its output folder.");
        md.AppendLine();

        md.AppendLine("## Whole document and slices");
        md.AppendLine();
        md.AppendLine("| document | ops | analyzers | scenario | ours s | ours compiler peak MiB | Kiota generate s | Kiota build s | Kiota generate + build s | Kiota compiler peak MiB |");
        md.AppendLine("| --- | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        var documents = Documents.Concat(all.Select(m => m.Document).Where(d => !Documents.Contains(d)).Distinct()
            .Where(d => all.Any(m => m.Document == d && m.Scenario is "noop" or "edit"))).ToList();
        foreach (var doc in documents)
        {
            foreach (var aot in new[] { true, false })
            {
                foreach (var scenario in BuildScenarios)
                {
                    var ours = Pick(all, "ours", doc, aot, scenario);
                    var kiota = Pick(all, "kiota", doc, aot, scenario);
                    if (ours.Count == 0 && kiota.Count == 0) continue;
                    var generate = Pick(all, "kiota", doc, aot, "kiota-generate");
                    var ops = ours.Concat(kiota).First().Operations;
                    md.AppendLine($"| {doc} | {ops} | {(aot ? "on" : "off")} | {scenario} | {Seconds(ours)} | {Mib(ours)} | {(scenario == "clean" ? Seconds(generate) : "")} | {Seconds(kiota)} | {(scenario == "clean" ? PairedSum(generate, kiota) : "")} | {Mib(kiota)} |");
                }
            }
        }
        md.AppendLine();
        md.AppendLine("Seconds: median of the runs (n = runs, then the range). Runs were alternated: in each run, ours then Kiota.");
        md.AppendLine();

        var editLoopDocs = all.Where(m => m.Scenario == "lib-edit").Select(m => (m.Document, m.Operations, m.Percent)).Distinct().OrderByDescending(d => d.Percent).ToList();
        if (editLoopDocs.Count > 0)
        {
            md.AppendLine("## The edit loop: an app edit with the SDK in the app or in its own library");
            md.AppendLine();
            md.AppendLine("| document | ops | SDK | analyzers | SDK in the app: edit s | SDK in a library: edit s | library layout: clean s | compiler peak on the edit, app / library layout MiB |");
            md.AppendLine("| --- | ---: | --- | --- | ---: | ---: | ---: | ---: |");
            foreach (var (doc, ops, _) in editLoopDocs)
            {
                foreach (var tool in new[] { "ours", "kiota" })
                {
                    foreach (var aot in new[] { true, false })
                    {
                        var edit = Pick(all, tool, doc, aot, "edit");
                        var libEdit = Pick(all, tool, doc, aot, "lib-edit");
                        if (libEdit.Count == 0) continue;
                        md.AppendLine($"| {doc} | {ops} | {tool} | {(aot ? "on" : "off")} | {Seconds(edit)} | {Seconds(libEdit)} | {Seconds(Pick(all, tool, doc, aot, "lib-clean"))} | {Mib(edit)} / {Mib(libEdit)} |");
                    }
                }
            }
            md.AppendLine();
        }

        var scaling = ScalingRows(all);
        if (scaling.Count > 0)
        {
            md.AppendLine("## Scaling with document size (clean build)");
            md.AppendLine();
            md.AppendLine("Documents of about 10, 25, 50 and 100 % of the operations, cut from the official document at run time (every k-th path and webhook, with only the components they reach). ![scaling](build-scaling.svg)");
            md.AppendLine();
            md.AppendLine("| document | ops | analyzers | ours generator s | ours emitted chars | ours clean build s | ours compiler peak MiB | Kiota generate s | Kiota emitted chars | Kiota clean build s | Kiota compiler peak MiB |");
            md.AppendLine("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var (doc, aot, ours, generate, kiota) in scaling)
            {
                var first = ours.Concat(kiota).Concat(generate).First();
                md.AppendLine($"| {doc} | {first.Operations} | {(aot ? "on" : "off")} | {Median(ours, m => m.TelnyxGeneratorSeconds, "F2")} | {Chars(ours)} | {Seconds(ours)} | {Mib(ours)} | {Seconds(generate)} | {Chars(generate)} | {Seconds(kiota)} | {Mib(kiota)} |");
            }
            md.AppendLine();
            File.WriteAllText(Path.Combine(outDir, "build-scaling.svg"), Plot(scaling));
        }

        md.AppendLine("## Analyzer time, clean whole-document build (analyzers on, the median run), top 5");
        md.AppendLine();
        foreach (var tool in new[] { "ours", "kiota" })
        {
            var runs = Pick(all, tool, "whole", true, "clean");
            if (runs.Count == 0) continue;
            var median = runs.OrderBy(m => m.Seconds).ElementAt(runs.Count / 2);
            md.AppendLine($"{tool}: analyzers {median.AnalyzerSeconds:F1} s CPU in total; generators {median.GeneratorSeconds:F1} s in total, of which the Telnyx generator {median.TelnyxGeneratorSeconds:F1} s (run {median.Run}, build {median.Seconds:F1} s wall clock).");
            md.AppendLine();
            md.AppendLine("| analyzer (assembly) | s |");
            md.AppendLine("| --- | ---: |");
            foreach (var a in median.TopAnalyzers) md.AppendLine($"| {a.Analyzer} | {a.Seconds:F2} |");
            md.AppendLine();
        }

        md.AppendLine("## Commands");
        md.AppendLine();
        md.AppendLine("Each group of figures came from this benchmark command (run at the repository root):");
        md.AppendLine();
        foreach (var group in all.GroupBy(m => m.Command))
        {
            var cases = group.Select(m => $"{m.Tool} {m.Document} {(m.Aot ? "on" : "off")} {m.Scenario}").Distinct().ToList();
            md.AppendLine($"- `{group.Key}` ({group.Min(m => m.Utc):yyyy-MM-dd HH:mm} UTC): {string.Join(", ", cases.Take(12))}{(cases.Count > 12 ? $" and {cases.Count - 12} more" : "")}");
        }
        md.AppendLine();
        md.AppendLine("The timed processes ($TMP is the benchmark's temp folder):");
        md.AppendLine();
        foreach (var p in all.Select(m => (m.Scenario == "kiota-generate" ? "Kiota generate" : "build") + ": `" + m.Process + "`").Distinct().Where(p => p.Contains("whole", StringComparison.Ordinal) || p.StartsWith("build", StringComparison.Ordinal)).Take(3))
        {
            md.AppendLine("- " + p);
        }
        md.AppendLine();
        if (all.Any(m => m.Tool == "kiota" && m.Document == "whole"))
        {
            notes = notes.Prepend("Kiota's whole-document output is repaired after each generation (KiotaClient.Repair): Kiota 1.38.0 writes the model ReputationPhoneNumberList without the static CreateFromDiscriminatorValue factory its request builders call (CS0117); the benchmark adds the factory Kiota writes for every model without a discriminator. The smaller documents and selections need no repair.").Distinct().ToList();
        }
        if (notes.Count > 0)
        {
            md.AppendLine("## Notes");
            md.AppendLine();
            foreach (var n in notes) md.AppendLine("- " + n);
            md.AppendLine();
        }
        var failed = all.Where(m => m.ExitCode != 0).ToList();
        if (failed.Count > 0)
        {
            md.AppendLine($"**{failed.Count} timed processes failed**: " + string.Join(", ", failed.Select(m => $"{m.Tool} {m.Document} {m.Scenario} run {m.Run}")));
            md.AppendLine();
        }
        File.WriteAllText(Path.Combine(outDir, "build-benchmark.md"), md.ToString());
    }

    private static List<(string Doc, bool Aot, List<Measurement> Ours, List<Measurement> Generate, List<Measurement> Kiota)> ScalingRows(List<Measurement> all)
    {
        var rows = new List<(string, bool, List<Measurement>, List<Measurement>, List<Measurement>)>();
        var sizes = all.Where(m => m.Document == "whole" || m.Document.StartsWith('p')).Select(m => (m.Document, m.Percent)).Distinct().OrderBy(d => d.Percent);
        foreach (var (doc, _) in sizes)
        {
            // The analyzers of the scaling sizes: on when measured, else off.
            var aot = all.Any(m => m.Document == doc && m.Aot && m.Scenario == "clean");
            var ours = Pick(all, "ours", doc, aot, "clean");
            var kiota = Pick(all, "kiota", doc, aot, "clean");
            if (ours.Count + kiota.Count > 0) rows.Add((doc, aot, ours, Pick(all, "kiota", doc, aot, "kiota-generate"), kiota));
        }
        return rows;
    }

    private static string Plot(List<(string Doc, bool Aot, List<Measurement> Ours, List<Measurement> Generate, List<Measurement> Kiota)> rows)
    {
        double Ops(List<Measurement> a, List<Measurement> b) => a.Concat(b).First().Operations;
        List<(double, double)> Points(Func<(string Doc, bool Aot, List<Measurement> Ours, List<Measurement> Generate, List<Measurement> Kiota), List<Measurement>> pick, Func<Measurement, double> value) =>
            rows.Where(r => pick(r).Count > 0).Select(r => (Ops(r.Ours, r.Kiota.Concat(r.Generate).ToList()), MedianValue(pick(r), value))).ToList();
        var panels = new List<Panel>
        {
            new("Generation time", "operations in the document", "seconds", new[]
            {
                new Series("ours: Telnyx generator in the compiler (ReportAnalyzer)", OursColor, Points(r => r.Ours, m => m.TelnyxGeneratorSeconds)),
                new Series("Kiota: kiota generate (process wall clock)", KiotaColor, Points(r => r.Generate, m => m.Seconds)),
            }),
            new("Emitted C#", "operations in the document", "characters", new[]
            {
                new Series("ours", OursColor, Points(r => r.Ours, m => m.EmittedCharacters)),
                new Series("Kiota", KiotaColor, Points(r => r.Generate, m => m.EmittedCharacters)),
            }),
            new("Clean dotnet build (wall clock)", "operations in the document", "seconds", new[]
            {
                new Series("ours", OursColor, Points(r => r.Ours, m => m.Seconds)),
                new Series("Kiota (build only)", KiotaColor, Points(r => r.Kiota, m => m.Seconds)),
            }),
            new("Compiler peak memory (clean build)", "operations in the document", "MiB", new[]
            {
                new Series("ours", OursColor, Points(r => r.Ours, m => m.CompilerPeakMiB)),
                new Series("Kiota", KiotaColor, Points(r => r.Kiota, m => m.CompilerPeakMiB)),
            }),
        };
        return SvgPlot.Render("Telnyx SDK build cost against document size: ours vs Kiota 1.38.0", panels);
    }

    private static List<Measurement> Pick(List<Measurement> all, string tool, string doc, bool aot, string scenario) =>
        all.Where(m => m.Tool == tool && m.Document == doc && m.Aot == aot && m.Scenario == scenario && m.ExitCode == 0).OrderBy(m => m.Run).ToList();

    private static double MedianValue(List<Measurement> runs, Func<Measurement, double> value)
    {
        var sorted = runs.Select(value).OrderBy(v => v).ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Median(List<Measurement> runs, Func<Measurement, double> value, string format) =>
        runs.Count == 0 ? "" : MedianValue(runs, value).ToString(format, CultureInfo.InvariantCulture);

    private static string Seconds(List<Measurement> runs) => runs.Count == 0
        ? ""
        : runs.Count == 1
            ? $"{runs[0].Seconds.ToString("F1", CultureInfo.InvariantCulture)} (n=1)"
            : $"**{Median(runs, m => m.Seconds, "F1")}** (n={runs.Count}, {runs.Min(m => m.Seconds).ToString("F1", CultureInfo.InvariantCulture)}–{runs.Max(m => m.Seconds).ToString("F1", CultureInfo.InvariantCulture)})";

    private static string PairedSum(List<Measurement> generate, List<Measurement> build)
    {
        var sums = generate.Join(build, g => g.Run, b => b.Run, (g, b) => new Measurement { Seconds = g.Seconds + b.Seconds, Run = g.Run }).ToList();
        return Seconds(sums);
    }

    private static string Mib(List<Measurement> runs) => Median(runs, m => m.CompilerPeakMiB, "F0");

    private static string Chars(List<Measurement> runs) => runs.Count == 0 ? "" : runs[0].EmittedCharacters.ToString("N0", CultureInfo.InvariantCulture);

    private static string LoadRange(List<Measurement> all)
    {
        var ones = all.Select(m => double.TryParse(m.LoadAverage.Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).Where(v => !double.IsNaN(v)).ToList();
        return ones.Count == 0 ? "n/a" : $"{ones.Min():F1}–{ones.Max():F1} (1-minute; 2 cores)";
    }

    private static string DotnetVersion()
    {
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true };
            using var p = System.Diagnostics.Process.Start(start)!;
            var v = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            return v;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "n/a";
        }
    }
}
