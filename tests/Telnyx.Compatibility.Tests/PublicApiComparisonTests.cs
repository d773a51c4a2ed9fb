using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Telnyx.Generator.Tests;
using Xunit.Abstractions;

namespace Telnyx.Compatibility.Tests;

/// <summary>
/// The whole public API of the SDK built from the bundled document against the one built from the conferencing
/// selection of the official document: every public type (nested ones too) with its kind, modifiers, base type,
/// interfaces and attributes, and every public member with its full signature (types with nullability,
/// parameters with defaults, accessors, <c>required</c>, enum wire values). A type only one side has, or a member
/// that differs in a type both have, fails unless it is in <see cref="AllowedDifferences"/>, which mirrors the
/// README's "Differences that must stay" list.
/// </summary>
public class PublicApiComparisonTests
{
    /// <summary>
    /// Fully qualified type name (a type only one side has) or "Type | member line" (a member that differs) -> why it
    /// must stay. Every entry must also appear in the README's list.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, string> AllowedDifferences = new Dictionary<string, string>(StringComparer.Ordinal)
    {
    };

    private readonly ITestOutputHelper _output;

    public PublicApiComparisonTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void TheBundledAndTheOfficialConferencingSdksHaveTheSamePublicApi()
    {
        var bundled = PublicApiDump.Of(ConferencingSdks.Bundled.Output, "Telnyx");
        var official = PublicApiDump.Of(ConferencingSdks.OfficialSubset.Output, "Telnyx");
        Assert.True(bundled.Count > 100, $"the bundled SDK has only {bundled.Count} public types");

        var differences = Differences(bundled, official);
        var unexplained = differences.Where(d => !AllowedDifferences.ContainsKey(d.Key)).ToList();
        _output.WriteLine($"public types: bundled {bundled.Count}, official subset {official.Count}; "
                          + $"members: bundled {bundled.Values.Sum(m => m.Count)}, official subset {official.Values.Sum(m => m.Count)}; "
                          + $"differences {differences.Count}, allowed {differences.Count - unexplained.Count}");
        foreach (var d in differences) _output.WriteLine(d.Line);

        Assert.True(unexplained.Count == 0,
            $"{unexplained.Count} public API differences between the bundled and the official conferencing SDK "
            + $"(- only bundled, + only official):\n" + string.Join("\n", unexplained.Select(d => d.Line)));
        var stale = AllowedDifferences.Keys.Where(k => differences.All(d => d.Key != k)).ToList();
        Assert.True(stale.Count == 0, "allowed differences that no longer occur:\n" + string.Join("\n", stale));
    }

    [Fact]
    public void EveryAllowedDifferenceIsListedInTheReadme()
    {
        var readme = File.ReadAllText(Path.Combine(GeneratorHarness.RepoRoot, "README.md"));
        var start = readme.IndexOf("### Differences that must stay", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no \"### Differences that must stay\" section");
        var end = readme.IndexOf("\n#", start + 4, StringComparison.Ordinal);
        var section = end < 0 ? readme[start..] : readme[start..end];
        foreach (var key in AllowedDifferences.Keys)
        {
            var type = key.Split(" | ")[0].Replace("global::Telnyx.", "", StringComparison.Ordinal);
            Assert.True(section.Contains("`" + type + "`", StringComparison.Ordinal), $"README's list does not name `{type}` ({key})");
        }
    }

    [Fact]
    public void TheDumpSeesNullabilityDefaultsAndWireValues()
    {
        // The comparison is only as good as the dump: these are the details it must not lose.
        var bundled = PublicApiDump.Of(ConferencingSdks.Bundled.Output, "Telnyx");
        var lines = bundled.Values.SelectMany(m => m).ToList();
        Assert.Contains(lines, l => l.Contains("string?", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("RequestOptions? options = null", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("property required ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("= new(\"on_exit\")", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("type [global::System.Text.Json.Serialization.JsonConverterAttribute(typeof(", StringComparison.Ordinal));
    }

    [Fact]
    public void TheComparisonFlagsTheOldSharedRegionParameter()
    {
        // The bundled document as it was before it followed the official structure: the region query parameter
        // referencing the shared ConferenceRegion schema.
        var document = JsonNode.Parse(GeneratorHarness.BundledSpecText)!;
        document["components"]!["parameters"]!["ConferenceRegion"]!["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/ConferenceRegion" };
        var variant = PublicApiDump.Of(ConferencingSdks.FromBundledVariant(document.ToJsonString()).Output, "Telnyx");
        var official = PublicApiDump.Of(ConferencingSdks.OfficialSubset.Output, "Telnyx");

        var lines = Differences(variant, official).Select(d => d.Line).ToList();
        foreach (var l in lines) _output.WriteLine(l);
        Assert.Equal(9, lines.Count);
        Assert.Contains("- global::Telnyx.ListConferencesParameters | property public global::Telnyx.ConferenceRegion? Region { get; init; } (init)", lines);
        Assert.Contains("+ global::Telnyx.ListConferencesParameters | property public global::Telnyx.ListConferencesRegion? Region { get; init; } (init)", lines);
        Assert.Contains("+ global::Telnyx.RetrieveConferenceRegion (type only in official)", lines);
    }

    private sealed record Difference(string Key, string Line);

    private static List<Difference> Differences(SortedDictionary<string, List<string>> bundled, SortedDictionary<string, List<string>> official)
    {
        var result = new List<Difference>();
        foreach (var type in bundled.Keys.Union(official.Keys).OrderBy(k => k, StringComparer.Ordinal))
        {
            var inBundled = bundled.TryGetValue(type, out var b);
            var inOfficial = official.TryGetValue(type, out var o);
            if (!inOfficial) result.Add(new(type, "- " + type + " (type only in bundled)"));
            else if (!inBundled) result.Add(new(type, "+ " + type + " (type only in official)"));
            else
            {
                foreach (var m in b!.Except(o!)) result.Add(new(type + " | " + m, "- " + type + " | " + m));
                foreach (var m in o!.Except(b!)) result.Add(new(type + " | " + m, "+ " + type + " | " + m));
            }
        }
        return result;
    }
}
