using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Telnyx.Generator.Tests;

/// <summary>
/// Every generated file for the bundled spec is compared with <c>Snapshots/&lt;HintName&gt;.txt</c>.
/// Set <c>TELNYX_UPDATE_SNAPSHOTS=1</c> to rewrite them; the test then still fails so the diff gets reviewed.
/// </summary>
public class SnapshotTests
{
    public const string UpdateVariable = "TELNYX_UPDATE_SNAPSHOTS";

    private static string SnapshotDirectory => Path.Combine(GeneratorHarness.RepoRoot, "tests", "Telnyx.Generator.Tests", "Snapshots");

    [Fact]
    public void BundledSpecOutputMatchesSnapshots()
    {
        var (_, result, _, _) = GeneratorHarness.Run(GeneratorHarness.BundledSpecText);
        var generated = result.Results.Single().GeneratedSources
            .ToDictionary(s => s.HintName, s => Normalize(s.SourceText.ToString()), StringComparer.Ordinal);
        Assert.NotEmpty(generated);

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            var written = Update(generated);
            Assert.Fail($"snapshots updated, review the diff ({written} file(s) written or deleted in {SnapshotDirectory}); unset {UpdateVariable} to compare.");
        }

        var problems = Compare(generated, ReadSnapshots());
        Assert.True(problems.Count == 0,
            $"{problems.Count} snapshot problem(s); rerun with {UpdateVariable}=1 to rewrite, then review the diff:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void CompareReportsMissingExtraAndFirstDifferingLine()
    {
        // The comparison itself must be able to fail: check it on hand-made inputs.
        var actual = new Dictionary<string, string> { ["A.g.cs"] = "one\ntwo\nthree\n", ["New.g.cs"] = "x" };
        var expected = new Dictionary<string, string> { ["A.g.cs"] = "one\nTWO\nthree\n", ["Gone.g.cs"] = "y" };

        var problems = Compare(actual, expected);

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("Gone.g.cs") && p.Contains("no longer generated"));
        Assert.Contains(problems, p => p.Contains("New.g.cs") && p.Contains("no snapshot"));
        Assert.Contains(problems, p => p.Contains("A.g.cs") && p.Contains("line 2") && p.Contains("expected: TWO") && p.Contains("actual:   two"));
        Assert.Empty(Compare(new Dictionary<string, string> { ["A"] = "a\r\nb" }, new Dictionary<string, string> { ["A"] = "a\nb" }));
        Assert.Equal("a\nb", Normalize("a\r\nb"));
        Assert.Equal("a\nb\n", Normalize("a\rb\r\n"));
        // A difference only in length (a missing last line) is reported too.
        Assert.Contains("line 3", Assert.Single(Compare(
            new Dictionary<string, string> { ["B"] = "a\nb" },
            new Dictionary<string, string> { ["B"] = "a\nb\nc" })));
    }

    internal static string Normalize(string text) => text.Replace("\r\n", "\n").Replace("\r", "\n");

    private static Dictionary<string, string> ReadSnapshots()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(SnapshotDirectory)) return result;
        foreach (var file in Directory.GetFiles(SnapshotDirectory, "*.txt"))
        {
            var hintName = Path.GetFileNameWithoutExtension(file);
            result[hintName] = Normalize(File.ReadAllText(file));
        }
        return result;
    }

    private static int Update(IReadOnlyDictionary<string, string> generated)
    {
        Directory.CreateDirectory(SnapshotDirectory);
        var changes = 0;
        var existing = ReadSnapshots();
        foreach (var stale in existing.Keys.Where(k => !generated.ContainsKey(k)))
        {
            File.Delete(Path.Combine(SnapshotDirectory, stale + ".txt"));
            changes++;
        }
        foreach (var pair in generated)
        {
            if (existing.TryGetValue(pair.Key, out var old) && old == pair.Value) continue;
            File.WriteAllText(Path.Combine(SnapshotDirectory, pair.Key + ".txt"), pair.Value, new UTF8Encoding(false));
            changes++;
        }
        return changes;
    }

    internal static List<string> Compare(IReadOnlyDictionary<string, string> actual, IReadOnlyDictionary<string, string> expected)
    {
        var problems = new List<string>();
        foreach (var name in expected.Keys.Where(k => !actual.ContainsKey(k)).OrderBy(k => k, StringComparer.Ordinal))
        {
            problems.Add($"{name}: has a snapshot but is no longer generated");
        }
        foreach (var name in actual.Keys.Where(k => !expected.ContainsKey(k)).OrderBy(k => k, StringComparer.Ordinal))
        {
            problems.Add($"{name}: is generated but has no snapshot");
        }
        foreach (var name in actual.Keys.Where(expected.ContainsKey).OrderBy(k => k, StringComparer.Ordinal))
        {
            var a = Normalize(actual[name]).Split('\n');
            var e = Normalize(expected[name]).Split('\n');
            for (var i = 0; i < Math.Max(a.Length, e.Length); i++)
            {
                var al = i < a.Length ? a[i] : "<end of file>";
                var el = i < e.Length ? e[i] : "<end of file>";
                if (al == el) continue;
                problems.Add($"{name}: first difference at line {i + 1}\n  expected: {el}\n  actual:   {al}");
                break;
            }
        }
        return problems;
    }
}
