using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace Telnyx.BuildBenchmarks;

/// <summary>
/// What <c>-p:ReportAnalyzer=true</c> makes the compiler print into the build's detailed log (low importance):
/// "Total analyzer execution time: X seconds." with a table per analyzer assembly and per analyzer type, and
/// "Total generator execution time: X seconds." with one row per generator assembly (the framework's
/// interop generators run in every net10.0 project, so ours is read from its own Telnyx.Generator row). Totals are summed over the compilations
/// of the build (the SDK library and the app). The figures are CPU time, and analyzers run concurrently.
/// </summary>
/// <param name="TelnyxGeneratorSeconds">The Telnyx.Generator assembly's row of the generator table.</param>
public sealed record AnalyzerReport(double GeneratorSeconds, double TelnyxGeneratorSeconds, double AnalyzerSeconds, List<AnalyzerTime> Analyzers)
{
    private static readonly Regex Total = new(@"Total (analyzer|generator) execution time: ([\d.,]+) seconds", RegexOptions.Compiled);
    private static readonly Regex Row = new(@"^<?([\d.]+)\s+<?\d+\s+(.+)$", RegexOptions.Compiled);
    private static readonly Regex NodePrefix = new(@"^\d+>", RegexOptions.Compiled);

    public static AnalyzerReport Parse(string output)
    {
        double generators = 0, analyzers = 0, telnyx = 0;
        var perAnalyzer = new Dictionary<string, double>(StringComparer.Ordinal);
        string? section = null;
        string assembly = "";
        foreach (var raw in output.Split('\n'))
        {
            var line = NodePrefix.Replace(raw.Trim(), "").Trim();
            if (Total.Match(line) is { Success: true } total)
            {
                var seconds = double.Parse(total.Groups[2].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
                if (total.Groups[1].Value == "analyzer") analyzers += seconds; else generators += seconds;
                section = total.Groups[1].Value;
                continue;
            }
            if (section is null || line.StartsWith("NOTE:", StringComparison.Ordinal) || line.StartsWith("Time (s)", StringComparison.Ordinal)) continue;
            // Groups of the table are separated by blank lines; the first other line ends it.
            if (line.Length == 0) continue;
            if (Row.Match(line) is not { Success: true } row)
            {
                section = null;
                continue;
            }
            var name = row.Groups[2].Value;
            var time = double.Parse(row.Groups[1].Value, CultureInfo.InvariantCulture);
            if (section == "generator")
            {
                if (name.StartsWith("Telnyx.Generator, Version=", StringComparison.Ordinal)) telnyx += time;
                continue;
            }
            if (name.Contains(", Version=", StringComparison.Ordinal))
            {
                assembly = name[..name.IndexOf(',', StringComparison.Ordinal)];
                continue;
            }
            // "Namespace.TypeName (ID1, ID2)": the type, with its assembly.
            var type = name.Split(" (")[0];
            var key = $"{type} ({assembly})";
            perAnalyzer[key] = perAnalyzer.GetValueOrDefault(key) + time;
        }
        var top = perAnalyzer.OrderByDescending(p => p.Value).Take(5).Select(p => new AnalyzerTime(p.Key, Math.Round(p.Value, 3))).ToList();
        return new AnalyzerReport(Math.Round(generators, 3), Math.Round(telnyx, 3), Math.Round(analyzers, 3), top);
    }
}
