using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Telnyx.BuildBenchmarks;

/// <summary>The command line: what to build, how often, where to write the results.</summary>
public sealed class BenchOptions
{
    public const string Usage = """
        dotnet run -c Release --project benchmarks/Telnyx.BuildBenchmarks -- [options]

          --runs N            timed runs of each case (alternated ours, Kiota, ours, Kiota...), default 3
          --scaling-runs N    runs of the derived documents below 100 %, default 1
          --sizes LIST        percentages of the official document's operations, default 10,25,50,100
                              (100 is the whole document; the others are derived at run time into the temp folder)
          --slices LIST       conferencing (the README's TelnyxInclude selection), bundled (the package's own spec),
                              default conferencing,bundled; 'none' for none
          --scenarios LIST    clean, noop, edit (one app C# file changed), lib-edit (the app edit with the SDK in its
                              own class library), default clean,noop,edit,lib-edit
          --aot LIST          on (IsAotCompatible=true: trim/AOT analyzers), off; default on,off
          --tools LIST        ours, kiota; default ours,kiota
                              (sizes below the largest run the clean scenario only, with the first --aot value,
                              --scaling-runs times)
          --out DIR           where build-benchmark.md and the SVGs go, default benchmarks/results
          --keep              keep the temp folder (its path is printed)
          --quick             a smoke run: --runs 1 --sizes 10 --slices bundled --aot on
          --merge FILE        merge the measurements of another build-benchmark.json (e.g. from --out) first
          --report-only       build nothing: rewrite build-benchmark.md and the SVG from build-benchmark.json
        """;

    public int Runs { get; private set; } = 3;

    public int ScalingRuns { get; private set; } = 1;

    public List<int> Sizes { get; private set; } = new() { 10, 25, 50, 100 };

    public List<string> Slices { get; private set; } = new() { "conferencing", "bundled" };

    public List<string> Scenarios { get; private set; } = new() { "clean", "noop", "edit", "lib-edit" };

    public List<bool> Aot { get; private set; } = new() { true, false };

    public List<string> Tools { get; private set; } = new() { "ours", "kiota" };

    public string? OutDir { get; private set; }

    public bool Keep { get; private set; }

    public bool Quick { get; private set; }

    public List<string> Merge { get; } = new();

    public bool ReportOnly { get; private set; }

    public string CommandLine { get; private set; } = "";

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions { CommandLine = string.Join(' ', args) };
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            List<string> NextList() => Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(s => s != "none").ToList();
            switch (args[i])
            {
                case "--runs": o.Runs = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--scaling-runs": o.ScalingRuns = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--sizes": o.Sizes = NextList().Select(s => int.Parse(s.TrimEnd('%'), CultureInfo.InvariantCulture)).ToList(); break;
                case "--slices": o.Slices = NextList(); break;
                case "--scenarios": o.Scenarios = NextList(); break;
                case "--aot": o.Aot = NextList().Select(s => s == "on").ToList(); break;
                case "--tools": o.Tools = NextList(); break;
                case "--out": o.OutDir = Next(); break;
                case "--keep": o.Keep = true; break;
                case "--merge": o.Merge.Add(Next()); break;
                case "--report-only": o.ReportOnly = true; break;
                case "--quick":
                    o.Quick = true; o.Runs = 1; o.ScalingRuns = 1; o.Sizes = new() { 10 }; o.Slices = new() { "bundled" }; o.Aot = new() { true };
                    break;
                case "--help" or "-h": Console.WriteLine(Usage); Environment.Exit(0); break;
                default: throw new ArgumentException($"unknown option {args[i]}\n{Usage}");
            }
        }
        foreach (var s in o.Scenarios)
        {
            if (s is not ("clean" or "noop" or "edit" or "lib-edit")) throw new ArgumentException($"unknown scenario {s}");
        }
        foreach (var s in o.Slices)
        {
            if (s is not ("conferencing" or "bundled")) throw new ArgumentException($"unknown slice {s}");
        }
        foreach (var t in o.Tools)
        {
            if (t is not ("ours" or "kiota")) throw new ArgumentException($"unknown tool {t}");
        }
        return o;
    }
}
