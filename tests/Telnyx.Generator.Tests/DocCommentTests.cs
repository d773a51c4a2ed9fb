using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Telnyx.Generator.Emit;

namespace Telnyx.Generator.Tests;

/// <summary>
/// The generated XML docs read as written: one <c>&lt;remarks&gt;</c> per member, markup escaped once, Markdown code
/// spans turned into <c>&lt;c&gt;</c>, and no stray blank lines in switch sections. Checked on the bundled spec's output.
/// </summary>
public class DocCommentTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Generated = new(() =>
    {
        var (_, result, _, _) = GeneratorHarness.Run(GeneratorHarness.BundledSpecText);
        return result.GeneratedTrees.ToDictionary(t => System.IO.Path.GetFileName(t.FilePath), t => t.ToString());
    });

    /// <summary>Each rule: the problems it finds in one file (a short quote of each).</summary>
    private static readonly Dictionary<string, Func<string, IEnumerable<string>>> Rules = new()
    {
        ["one remarks per member"] = text => DocBlocks(text).Where(b => Regex.Matches(b, "<remarks>").Count > 1),
        ["markup escaped once"] = text => DocLines(text).Where(l => l.Contains("&amp;lt;", StringComparison.Ordinal) || l.Contains("&amp;gt;", StringComparison.Ordinal)),
        ["no escaped code tags"] = text => DocLines(text).Where(l => l.Contains("&lt;c&gt;", StringComparison.Ordinal) || l.Contains("&lt;/c&gt;", StringComparison.Ordinal)),
        ["no Markdown backticks"] = text => DocLines(text).Where(l => l.Contains('`', StringComparison.Ordinal)),
        ["no blank line after case"] = text => Regex.Matches(text, @"^[ \t]*(case [^\n]*|default):[ \t]*\n[ \t]*\n", RegexOptions.Multiline).Select(m => m.Value.Trim()),
    };

    [Theory]
    [InlineData("one remarks per member")]
    [InlineData("markup escaped once")]
    [InlineData("no escaped code tags")]
    [InlineData("no Markdown backticks")]
    [InlineData("no blank line after case")]
    public void GeneratedFilesFollowTheRule(string rule)
    {
        Assert.True(Generated.Value.Count > 100, "the bundled spec generated only " + Generated.Value.Count + " files");
        var problems = Generated.Value
            .SelectMany(file => Rules[rule](file.Value).Select(quote => file.Key + ": " + quote))
            .ToList();
        Assert.True(problems.Count == 0, problems.Count + " problem(s):\n" + string.Join("\n", problems.Take(20)));
    }

    [Theory]
    [InlineData("give either this or `media_name`.", "give either this or <c>media_name</c>.")]
    [InlineData("`a` and `b`", "<c>a</c> and <c>b</c>")]
    [InlineData("``x ` y``", "<c>x ` y</c>")]
    [InlineData("`` `tick` ``", "<c>`tick`</c>")]
    [InlineData("`a < b`", "<c>a &lt; b</c>")]
    [InlineData("R&D <b>", "R&amp;D &lt;b&gt;")]
    [InlineData("one ` alone", "one ` alone")]
    [InlineData("no code", "no code")]
    public void ProseTurnsCodeSpansIntoCodeTags(string prose, string expected)
        => Assert.Equal(expected, SourceWriter.Prose(prose));

    [Fact]
    public void OperationsHaveOneRemarksWithTheDescriptionAndTheRoute()
    {
        var resource = Generated.Value.First(f => f.Key.EndsWith("Resource.g.cs", StringComparison.Ordinal) && f.Value.Contains("/// <remarks>\n", StringComparison.Ordinal)).Value;
        var block = DocBlocks(resource).First(b => b.Contains("/// <remarks>\n", StringComparison.Ordinal));
        Assert.Matches(@"/// <para><c>(GET|POST|PUT|PATCH|DELETE) /[^<]*</c> \(operation <c>[^<]+</c>\)\.</para>\n\s*/// </remarks>", block);
    }

    /// <summary>The doc-comment lines of a file.</summary>
    private static IEnumerable<string> DocLines(string text)
        => text.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("///", StringComparison.Ordinal));

    /// <summary>Each run of consecutive doc-comment lines (one member's docs), joined.</summary>
    private static IEnumerable<string> DocBlocks(string text)
    {
        var block = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            if (line.TrimStart().StartsWith("///", StringComparison.Ordinal))
            {
                block.Add(line);
                continue;
            }
            if (block.Count > 0) yield return string.Join("\n", block);
            block.Clear();
        }
        if (block.Count > 0) yield return string.Join("\n", block);
    }
}
