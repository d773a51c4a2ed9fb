using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Telnyx.BuildBenchmarks;

/// <summary>
/// One invocation: a temp folder with a local feed holding Telnyx.Generated packed once from this repository
/// (a version no earlier run used), the documents, the consumer projects, and the timed runs.
/// </summary>
public sealed class BenchSession : IDisposable
{
    public const string KiotaRuntimeVersion = "2.1.6";

    private readonly string _repoRoot;
    private readonly string _official;
    private readonly BenchOptions _options;
    private readonly string _command;
    private readonly List<(BenchDocument Document, List<bool> Aot, List<string> Scenarios, int Runs)> _groups = new();
    private readonly Dictionary<string, ConsumerLayout> _layouts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Files, long Characters)> _oursEmitted = new(StringComparer.Ordinal);

    public BenchSession(string repoRoot, string official, BenchOptions options, string command)
    {
        _repoRoot = repoRoot;
        _official = official;
        _options = options;
        _command = command;
        Root = Path.Combine(Path.GetTempPath(), "telnyx-buildbench-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));
        Version = "0.1.0-buildbench." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Environment.ProcessId;
    }

    public string Root { get; }

    /// <summary>The version the package is packed with, so no stale copy in the NuGet cache is used.</summary>
    public string Version { get; }

    /// <summary>Facts of this invocation for the results file (repairs of Kiota's output, the pack).</summary>
    public List<string> Notes { get; } = new();

    private string Logs => Path.Combine(Root, "logs");

    public void Prepare()
    {
        Directory.CreateDirectory(Logs);
        var feed = Path.Combine(Root, "feed");
        Directory.CreateDirectory(feed);
        File.WriteAllText(Path.Combine(Root, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="telnyx-local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        // They stop MSBuild from walking up into whatever folder holds the temp folder.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />");

        // The generator and the runtime are built once, here, into the package; every timed build consumes it.
        var pack = Step("pack", _repoRoot, "dotnet", "pack", Path.Combine(_repoRoot, "runtime", "Telnyx.Runtime", "Telnyx.Runtime.csproj"),
            "-c", "Release", "-o", feed, "--artifacts-path", Path.Combine(Root, "pack-artifacts"), $"-p:Version={Version}", "-nologo");
        Notes.Add($"Telnyx.Generated {Version} packed from this repository in {pack:F1} s (generator and runtime built once, Release).");
        if (_options.Tools.Contains("kiota")) Step("tool-restore", _repoRoot, "dotnet", "tool", "restore");

        var docs = Path.Combine(Root, "docs");
        Directory.CreateDirectory(docs);
        // The largest size gets every scenario and analyzer setting (normally the whole document); the others the clean build.
        var largest = _options.Sizes.Count == 0 ? 100 : _options.Sizes.Max();
        foreach (var percent in _options.Sizes.Distinct().OrderBy(p => p))
        {
            var path = _official;
            if (percent < 100)
            {
                path = Path.Combine(docs, $"spec-p{percent}.json");
                DerivedDocument.Write(_official, percent, path);
            }
            var doc = new BenchDocument(percent == 100 ? "whole" : $"p{percent}", percent == 100 ? "whole document" : $"{percent} % of the document",
                percent, path, DerivedDocument.CountOperations(path), null, Array.Empty<string>(), false);
            var scenarios = percent == largest ? _options.Scenarios : new List<string> { "clean" };
            var aot = percent == largest ? _options.Aot : _options.Aot.Take(1).ToList();
            _groups.Add((doc, aot, scenarios, percent == largest ? _options.Runs : _options.ScalingRuns));
        }
        foreach (var slice in _options.Slices)
        {
            var doc = slice == "conferencing"
                ? new BenchDocument("conferencing", "conferencing selection of the whole document", 100, _official, 34,
                    BenchDocument.ConferencingInclude, BenchDocument.ConferencingKiotaIncludes, false)
                : new BenchDocument("bundled", "bundled conferencing spec", 0, Path.Combine(_repoRoot, "specs", "telnyx-voice-conferencing.json"), 0,
                    null, Array.Empty<string>(), true);
            if (slice == "bundled") doc = doc with { Operations = DerivedDocument.CountOperations(doc.SpecPath) };
            _groups.Add((doc, _options.Aot, _options.Scenarios.Where(s => s != "lib-edit").ToList(), _options.Runs));
        }

        var projects = Path.Combine(Root, "projects");
        foreach (var (doc, aots, scenarios, _) in _groups)
        {
            if (_options.Tools.Contains("ours"))
            {
                _oursEmitted[doc.Name] = EmittedSize.Ours(doc);
                Console.WriteLine($"{doc.Name}: {doc.Operations} operations; ours emits {_oursEmitted[doc.Name].Files} files, {_oursEmitted[doc.Name].Characters:N0} characters");
            }
            foreach (var tool in Tools())
            {
                foreach (var aot in aots)
                {
                    foreach (var inLibrary in scenarios.Contains("lib-edit") ? new[] { false, true } : new[] { false })
                    {
                        var layout = new ConsumerLayout(projects, tool, doc, aot, inLibrary, Version, KiotaRuntimeVersion);
                        _layouts[layout.Name] = layout;
                    }
                }
            }
        }
        // Packages into the NuGet cache before any timed build (restore stays in every timed build, served from the cache).
        foreach (var layout in _layouts.Values)
        {
            Step("restore-" + layout.Name, layout.AppDir, "dotnet", "restore", layout.AppProject, "-nologo");
        }
    }

    /// <summary>Every run of every case; <paramref name="checkpoint"/> gets the figures so far after each case, so an interrupted run keeps them.</summary>
    public List<Measurement> RunAll(Action<List<Measurement>> checkpoint)
    {
        var results = new List<Measurement>();
        var maxRuns = _groups.Max(g => g.Runs);
        for (var run = 1; run <= maxRuns; run++)
        {
            foreach (var (doc, aots, scenarios, runs) in _groups.Where(g => g.Runs >= run))
            {
                foreach (var aot in aots)
                {
                    // Alternated: ours, then Kiota, within each run of each case.
                    foreach (var tool in Tools())
                    {
                        results.AddRange(RunCase(run, tool, doc, aot, scenarios));
                        checkpoint(results);
                    }
                }
            }
        }
        return results;
    }

    private IEnumerable<Tool> Tools() => _options.Tools.Select(t => t == "ours" ? Tool.Ours : Tool.Kiota);

    private List<Measurement> RunCase(int run, Tool tool, BenchDocument doc, bool aot, List<string> scenarios)
    {
        var results = new List<Measurement>();
        var app = _layouts[ConsumerLayout.NameOf(tool, doc, aot, false)];
        (int Files, long Characters) emitted = tool == Tool.Ours ? _oursEmitted[doc.Name] : default;
        if (tool == Tool.Kiota)
        {
            var generate = Time(run, tool, doc, aot, "kiota-generate", _repoRoot, "dotnet", KiotaClient.GenerateArguments(doc, app.KiotaOutput));
            var repair = KiotaClient.Repair(app.KiotaOutput);
            if (repair.Length > 0 && !Notes.Contains(repair)) Notes.Add(repair);
            emitted = EmittedSize.Kiota(app.KiotaOutput);
            generate.EmittedFiles = emitted.Files;
            generate.EmittedCharacters = emitted.Characters;
            results.Add(generate);
        }
        var built = false;
        foreach (var scenario in new[] { "clean", "noop", "edit" }.Where(scenarios.Contains))
        {
            if (scenario == "clean")
            {
                app.Clean();
            }
            else if (!built)
            {
                Build(app, "prepare-" + scenario);
            }
            if (scenario == "edit") app.Edit();
            results.Add(TimeBuild(run, tool, doc, aot, scenario, app, emitted));
            built = true;
        }
        if (scenarios.Contains("lib-edit"))
        {
            var lib = _layouts[ConsumerLayout.NameOf(tool, doc, aot, true)];
            if (tool == Tool.Kiota) CopyDirectory(app.KiotaOutput, lib.KiotaOutput);
            lib.Clean();
            results.Add(TimeBuild(run, tool, doc, aot, "lib-clean", lib, emitted));
            lib.Edit();
            results.Add(TimeBuild(run, tool, doc, aot, "lib-edit", lib, emitted));
        }
        return results;
    }

    private Measurement TimeBuild(int run, Tool tool, BenchDocument doc, bool aot, string scenario, ConsumerLayout layout, (int Files, long Characters) emitted)
    {
        var m = Time(run, tool, doc, aot, scenario, layout.AppDir, "dotnet", BuildArguments(MsBuildLog(run, tool, doc, aot, scenario)));
        m.EmittedFiles = emitted.Files;
        m.EmittedCharacters = emitted.Characters;
        return m;
    }

    private void Build(ConsumerLayout layout, string what) =>
        Step($"{what}-{layout.Name}", layout.AppDir, "dotnet", BuildArguments(Path.Combine(Logs, $"{what}-{layout.Name}.msbuild.log")));

    /// <summary>
    /// The build as a user runs it (console at minimal verbosity), plus a detailed file log: the compiler's
    /// ReportAnalyzer table is logged at low importance, which only the detailed log holds.
    /// </summary>
    private static string[] BuildArguments(string msbuildLog) =>
        new[] { "build", "App.csproj", "-c", "Debug", "-nologo", "-v:m", "-p:ReportAnalyzer=true", $"-flp:v=d;logfile={msbuildLog}" };

    private string MsBuildLog(int run, Tool tool, BenchDocument doc, bool aot, string scenario) =>
        Path.Combine(Logs, $"{CaseName(run, tool, doc, aot, scenario)}.msbuild.log");

    private static string CaseName(int run, Tool tool, BenchDocument doc, bool aot, string scenario) =>
        $"{(tool == Tool.Ours ? "ours" : "kiota")}-{doc.Name}-{(aot ? "aot" : "noaot")}-{scenario}-run{run}";

    private Measurement Time(int run, Tool tool, BenchDocument doc, bool aot, string scenario, string workingDirectory, string file, params string[] args)
    {
        var load = Machine.LoadAverage();
        var name = CaseName(run, tool, doc, aot, scenario);
        var cost = TimedProcess.Run(workingDirectory, Path.Combine(Logs, name + ".log"), file, args);
        var msbuildLog = MsBuildLog(run, tool, doc, aot, scenario);
        var report = AnalyzerReport.Parse(File.Exists(msbuildLog) ? File.ReadAllText(msbuildLog) : cost.Output);
        var m = new Measurement
        {
            Tool = tool == Tool.Ours ? "ours" : "kiota", Document = doc.Name, Percent = doc.Percent, Operations = doc.Operations, Aot = aot,
            Scenario = scenario, Run = run, ExitCode = cost.ExitCode, Seconds = Math.Round(cost.Seconds, 2),
            TreeMaxRssMiB = Math.Round(cost.TreeMaxRssMiB), CompilerPeakMiB = Math.Round(cost.CompilerPeakMiB),
            GeneratorSeconds = report.GeneratorSeconds, TelnyxGeneratorSeconds = report.TelnyxGeneratorSeconds, AnalyzerSeconds = report.AnalyzerSeconds, TopAnalyzers = report.Analyzers,
            LoadAverage = load, Utc = DateTime.UtcNow, Command = _command,
            Process = $"(in {(file == "dotnet" && args[0] == "kiota" ? "the repository" : "the consumer folder")}) {file} {string.Join(' ', args.Select(a => a.Replace(Root, "$TMP", StringComparison.Ordinal).Replace(_repoRoot, "$REPO/", StringComparison.Ordinal)).Select(a => a.StartsWith("-flp:", StringComparison.Ordinal) ? "\"-flp:v=d;logfile=build.log\"" : a))}",
        };
        Console.WriteLine($"  run {run} {name,-44} {m.Seconds,7:F1} s  compiler {m.CompilerPeakMiB,6:F0} MiB  tree {m.TreeMaxRssMiB,6:F0} MiB  Telnyx generator {m.TelnyxGeneratorSeconds,6:F2} s (all {m.GeneratorSeconds,5:F1})  analyzers {m.AnalyzerSeconds,6:F1} s  load {load}{(cost.ExitCode != 0 ? $"  FAILED ({cost.ExitCode}), see {Path.Combine(Logs, name + ".log")}" : "")}");
        return m;
    }

    private double Step(string what, string workingDirectory, string file, params string[] args)
    {
        var cost = TimedProcess.Run(workingDirectory, Path.Combine(Logs, what + ".log"), file, args);
        if (cost.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed ({cost.ExitCode}); log: {Path.Combine(Logs, what + ".log")}\n{Tail(cost.Output)}");
        }
        return cost.Seconds;
    }

    private static string Tail(string text) => string.Join('\n', text.Split('\n').Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Take(20));

    private static void CopyDirectory(string from, string to)
    {
        if (Directory.Exists(to)) Directory.Delete(to, recursive: true);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        if (_options.Keep)
        {
            Console.WriteLine($"kept {Root}");
            return;
        }
        try
        {
            if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
            var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            var cached = Path.Combine(cache, "telnyx.generated", Version.ToLowerInvariant());
            if (Directory.Exists(cached)) Directory.Delete(cached, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
