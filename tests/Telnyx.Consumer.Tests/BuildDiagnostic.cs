using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Telnyx.Consumer.Tests;

/// <summary>
/// One diagnostic line of MSBuild's console output:
/// <c>/tmp/x/docs/a.json(12,7): warning TLX0004: message [/tmp/x/Case/Case.csproj]</c>.
/// </summary>
public sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Id, string Message, string Project)
{
    private static readonly Regex Pattern = new(
        @"^\s*(?<file>[^\s(][^(]*?)\((?<line>\d+),(?<col>\d+)(?:,\d+,\d+)?\): (?<sev>warning|error) (?<id>[A-Za-z]+\d+): (?<msg>.*?)(?: \[(?<proj>[^\]]+)\])?\s*$",
        RegexOptions.CultureInvariant);

    /// <summary>Every distinct diagnostic in the output (MSBuild repeats them in its closing summary).</summary>
    public static IReadOnlyList<BuildDiagnostic> Parse(string output)
    {
        var result = new List<BuildDiagnostic>();
        var seen = new HashSet<BuildDiagnostic>();
        foreach (var line in output.Split('\n'))
        {
            var match = Pattern.Match(line.TrimEnd('\r'));
            if (!match.Success) continue;
            var diagnostic = new BuildDiagnostic(
                match.Groups["file"].Value.Trim(),
                int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture),
                int.Parse(match.Groups["col"].Value, CultureInfo.InvariantCulture),
                match.Groups["sev"].Value,
                match.Groups["id"].Value,
                match.Groups["msg"].Value,
                match.Groups["proj"].Success ? match.Groups["proj"].Value : string.Empty);
            if (seen.Add(diagnostic)) result.Add(diagnostic);
        }
        return result;
    }

    public bool IsFrom(string projectFile) => Project.Length > 0 && string.Equals(Path.GetFullPath(Project), Path.GetFullPath(projectFile), StringComparison.Ordinal);

    public override string ToString() => $"{File}({Line},{Column}): {Severity} {Id}: {Message}";

    public static string Describe(IEnumerable<BuildDiagnostic> diagnostics) => string.Join("\n", diagnostics.Select(d => d.ToString()));
}
