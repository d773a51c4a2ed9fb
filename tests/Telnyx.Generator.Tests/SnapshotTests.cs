using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Telnyx.Generator.Tests.Library;

namespace Telnyx.Generator.Tests;

/// <summary>
/// Every generated file for the bundled spec is compared with <c>Snapshots/&lt;HintName&gt;.txt</c> by the testing
/// library (TestState.GeneratedSources: the exact hint names and texts, no file more or less), for whatever files the
/// folder holds. Set <c>TELNYX_UPDATE_SNAPSHOTS=1</c> to rewrite them from a CSharpGeneratorDriver run; the test then
/// still fails so the diff gets reviewed.
/// </summary>
public class SnapshotTests
{
    public const string UpdateVariable = "TELNYX_UPDATE_SNAPSHOTS";

    private const string ConsumerSource = "namespace Consumer; public static class Marker { }";

    private static string SnapshotDirectory => Path.Combine(GeneratorHarness.RepoRoot, "tests", "Telnyx.Generator.Tests", "Snapshots");

    [Fact]
    public async Task BundledSpecOutputMatchesSnapshots()
    {
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            var written = Update(DriverOutput(GeneratorHarness.BundledSpecText));
            Assert.Fail($"snapshots updated, review the diff ({written} file(s) written or deleted in {SnapshotDirectory}); unset {UpdateVariable} to compare.");
        }

        var snapshots = ReadSnapshots();
        Assert.NotEmpty(snapshots);
        // Only the order is taken from a driver run: the library compares the lists in order once a text differs, so
        // listing the snapshots in emission order makes its report the diff of that file, not of the file list.
        await VerifyGeneratedAsync(GeneratorHarness.BundledSpecText, snapshots, DriverHintOrder(GeneratorHarness.BundledSpecText));
    }

    /// <summary>The files only an ASP.NET Core or Redis compilation gets, which the console compilation above never sees.</summary>
    private static readonly string[] IntegrationHintNames =
    {
        "Telnyx.TelnyxEndpointRouteBuilderExtensions.g.cs", "Telnyx.TelnyxRedisWebhooksBuilderExtensions.g.cs", "Telnyx.TelnyxRedisDeliveryStore.g.cs",
    };

    private static string IntegrationSnapshotDirectory => Path.Combine(SnapshotDirectory, "Integrations");

    [Fact]
    public void AspNetCoreAndRedisFilesMatchSnapshots()
    {
        var (_, result, _, _) = GeneratorHarness.Run(GeneratorHarness.AspNetCoreAndRedisReferences, GeneratorHarness.BundledSpecText);
        var generated = result.Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => Normalize(s.SourceText.ToString()), StringComparer.Ordinal);
        // Everything else is the console compilation's output, snapshotted above.
        Assert.Equal(DriverOutput(GeneratorHarness.BundledSpecText), generated.Where(p => !IntegrationHintNames.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(IntegrationSnapshotDirectory);
            foreach (var name in IntegrationHintNames)
            {
                File.WriteAllText(Path.Combine(IntegrationSnapshotDirectory, name + ".txt"), generated[name], new UTF8Encoding(false));
            }
            Assert.Fail($"integration snapshots written to {IntegrationSnapshotDirectory}; unset {UpdateVariable} to compare.");
        }
        Assert.Equal(IntegrationHintNames.Order(StringComparer.Ordinal),
            Directory.GetFiles(IntegrationSnapshotDirectory, "*.txt").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal));
        foreach (var name in IntegrationHintNames)
        {
            Assert.Equal(Normalize(File.ReadAllText(Path.Combine(IntegrationSnapshotDirectory, name + ".txt"))), generated[name]);
        }
    }

    [Fact]
    public async Task TheLibraryCheckFailsOnAChangedLineAndOnAMissingFile()
    {
        // The comparison must be able to fail: the driver's output for a small spec passes as it is, and fails with
        // one line changed or one file left out. It also shows the driver (update mode) and the library agree on
        // hint names and text.
        const string spec = """
            {
              "openapi": "3.1.0",
              "info": { "title": "Small", "version": "1.0.0" },
              "paths": {},
              "components": { "schemas": {
                "Region": { "type": "object", "properties": { "name": { "type": "string" } } },
                "Widget": { "type": "object", "properties": { "size": { "type": "integer" } } }
              } }
            }
            """;
        var generated = DriverOutput(spec);
        Assert.Contains("Telnyx.Region.g.cs", generated.Keys);
        await VerifyGeneratedAsync(spec, generated);

        var changed = new Dictionary<string, string>(generated, StringComparer.Ordinal)
        {
            ["Telnyx.Region.g.cs"] = generated["Telnyx.Region.g.cs"].Replace("public string? Name", "public string? Title"),
        };
        Assert.NotEqual(generated["Telnyx.Region.g.cs"], changed["Telnyx.Region.g.cs"]);
        var lineChanged = await Assert.ThrowsAnyAsync<Exception>(() => VerifyGeneratedAsync(spec, changed));
        Assert.Contains("Telnyx.Region.g.cs", lineChanged.Message);

        var missing = new Dictionary<string, string>(generated, StringComparer.Ordinal);
        missing.Remove("Telnyx.Widget.g.cs");
        await Assert.ThrowsAnyAsync<Exception>(() => VerifyGeneratedAsync(spec, missing));
    }

    [Fact]
    public void NormalizeTurnsEveryLineBreakIntoLf()
    {
        Assert.Equal("a\nb", Normalize("a\r\nb"));
        Assert.Equal("a\nb\n", Normalize("a\rb\r\n"));
    }

    /// <summary>The library's check: exactly these files (hint name to text) are generated, and nothing is reported.</summary>
    private static Task VerifyGeneratedAsync(string spec, IReadOnlyDictionary<string, string> expected, IReadOnlyList<string>? order = null)
    {
        var test = new TelnyxGeneratorTest();
        // Neither the spec nor the generated C# is markup.
        test.TestState.MarkupHandling = MarkupMode.None;
        test.TestState.Sources.Add(ConsumerSource);
        test.TestState.AdditionalFiles.Add((GeneratorHarness.SpecPath, spec));
        test.TestState.AnalyzerConfigFiles.Add(new MsBuildEditorConfig().Spec(GeneratorHarness.SpecPath).ToFile());
        var rank = (order ?? expected.Keys.ToList()).Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        foreach (var pair in expected.OrderBy(p => rank.TryGetValue(p.Key, out var i) ? i : int.MaxValue).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            // The generator adds its sources as UTF-8; the library compares the encoding as well as the text.
            test.TestState.GeneratedSources.Add((typeof(TelnyxGenerator), pair.Key, SourceText.From(pair.Value, Encoding.UTF8)));
        }
        return test.RunAsync();
    }

    private static List<string> DriverHintOrder(string spec)
        => GeneratorHarness.Run(spec).Result.Results.Single().GeneratedSources.Select(s => s.HintName).ToList();

    private static Dictionary<string, string> DriverOutput(string spec)
    {
        var (_, result, _, _) = GeneratorHarness.Run(spec);
        var generated = result.Results.Single().GeneratedSources
            .ToDictionary(s => s.HintName, s => Normalize(s.SourceText.ToString()), StringComparer.Ordinal);
        Assert.NotEmpty(generated);
        return generated;
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
}
