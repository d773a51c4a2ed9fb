using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Telnyx.Generator.Tests;

/// <summary>
/// Incrementality, read from <see cref="GeneratorRunResult.TrackedSteps"/>: what re-runs after a C# edit,
/// a whitespace-only spec edit, and an edit of one schema.
/// </summary>
public class CachingTests
{
    private static readonly string[] AllSteps =
    {
        TrackingNames.SpecFiles, TrackingNames.Parse, TrackingNames.Model, TrackingNames.Diagnostics, TrackingNames.Files,
        TrackingNames.IntegrationFiles, TrackingNames.Emit,
    };

    private const string ConferenceHint = "Telnyx.Conference.g.cs";

    private const string EndpointHint = "Telnyx.TelnyxEndpointRouteBuilderExtensions.g.cs";

    [Fact]
    public void UnrelatedCSharpEditReusesEveryStep()
    {
        var (driver, first, compilation, _) = FirstRun(GeneratorHarness.BundledSpecText);
        AssertEveryOutput(first, AllSteps, IncrementalStepRunReason.New);

        var oldTree = compilation.SyntaxTrees.Single();
        var newTree = CSharpSyntaxTree.ParseText("namespace Consumer; public static class Marker { public static int Edited => 42; }",
            (CSharpParseOptions)oldTree.Options);
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(oldTree, newTree));
        var second = driver.GetRunResult().Results.Single();

        // Only the integration look-up reads the compilation: it re-runs, finds the same answer (Unchanged), and every
        // step after it is served from the cache, not even re-run.
        AssertReasons(second, TrackingNames.Integrations, Report(second), IncrementalStepRunReason.Unchanged);
        AssertEveryOutput(second, AllSteps, IncrementalStepRunReason.Cached);
        Assert.Equal(Texts(first), Texts(second));
    }

    [Fact]
    public void UnrelatedCSharpEditInAnAspNetCoreAndRedisCompilationReemitsNothing()
    {
        var (driver, first, compilation, _) = FirstRun(GeneratorHarness.BundledSpecText, GeneratorHarness.AspNetCoreAndRedisReferences);
        Assert.Contains("Telnyx.TelnyxEndpointRouteBuilderExtensions.g.cs", Texts(first).Keys);
        Assert.Contains("Telnyx.TelnyxRedisDeliveryStore.g.cs", Texts(first).Keys);

        var oldTree = compilation.SyntaxTrees.Single();
        var newTree = CSharpSyntaxTree.ParseText("namespace Consumer; public static class Marker { public static int Edited => 42; }",
            (CSharpParseOptions)oldTree.Options);
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(oldTree, newTree));
        var second = driver.GetRunResult().Results.Single();

        AssertReasons(second, TrackingNames.Integrations, Report(second), IncrementalStepRunReason.Unchanged);
        AssertEveryOutput(second, AllSteps, IncrementalStepRunReason.Cached);
        Assert.Equal(Texts(first), Texts(second));
    }

    [Fact]
    public void AddingTheAspNetCoreReferencesEmitsOnlyTheEndpoint()
    {
        var (driver, first, compilation, _) = FirstRun(GeneratorHarness.BundledSpecText);
        Assert.DoesNotContain(EndpointHint, Texts(first).Keys);
        var added = GeneratorHarness.AspNetCoreReferences.Except(GeneratorHarness.References).ToList();
        Assert.NotEmpty(added);

        driver = driver.RunGenerators(compilation.AddReferences(added));
        var second = driver.GetRunResult().Results.Single();
        var report = Report(second);

        AssertReasons(second, TrackingNames.Integrations, report, IncrementalStepRunReason.Modified);
        AssertReasons(second, TrackingNames.Files, report, IncrementalStepRunReason.Cached);
        var emitted = second.TrackedSteps[TrackingNames.Emit].SelectMany(s => s.Outputs)
            .Where(o => o.Reason is not IncrementalStepRunReason.Cached)
            .Select(o => o.Reason + " " + HintName(o.Value))
            .ToList();
        Assert.True(emitted.SequenceEqual(new[] { IncrementalStepRunReason.New + " " + EndpointHint }), "expected only the endpoint to be emitted, got: " + string.Join(", ", emitted) + "\n" + report);
        Assert.Equal(Texts(first), Texts(second).Where(p => p.Key != EndpointHint).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
    }

    [Fact]
    public void WhitespaceOnlySpecEditKeepsTheModelBundledSpec()
    {
        var original = GeneratorHarness.BundledSpecText;
        var (driver, first, compilation, text) = FirstRun(original);
        var diagnosticCount = Value<Telnyx.Generator.OpenApi.SpecResult>(first, TrackingNames.Parse).Diagnostics.Count;

        var reformatted = Reformat(original);
        driver = driver.ReplaceAdditionalText(text, new InMemoryAdditionalText(GeneratorHarness.SpecPath, reformatted));
        driver = driver.RunGenerators(compilation);
        var second = driver.GetRunResult().Results.Single();
        var report = Report(second);

        // The text changed, so the spec file is new and the read re-runs. What the read returns is equal to the last
        // result when the spec has no diagnostics (Unchanged: Model and Diagnostics are not even re-run, so Cached);
        // with diagnostics their line/column moved (Modified), and then Model re-runs and is Unchanged.
        AssertReasons(second, TrackingNames.SpecFiles, report, IncrementalStepRunReason.Modified);
        if (diagnosticCount == 0)
        {
            AssertReasons(second, TrackingNames.Parse, report, IncrementalStepRunReason.Unchanged);
            AssertReasons(second, TrackingNames.Model, report, IncrementalStepRunReason.Cached);
            AssertReasons(second, TrackingNames.Diagnostics, report, IncrementalStepRunReason.Cached);
        }
        else
        {
            AssertReasons(second, TrackingNames.Parse, report, IncrementalStepRunReason.Modified);
            AssertReasons(second, TrackingNames.Model, report, IncrementalStepRunReason.Unchanged);
            AssertReasons(second, TrackingNames.Diagnostics, report, IncrementalStepRunReason.Modified);
        }
        AssertReasons(second, TrackingNames.Files, report, IncrementalStepRunReason.Cached);
        AssertReasons(second, TrackingNames.Emit, report, IncrementalStepRunReason.Cached);
        Assert.Equal(Texts(first), Texts(second));
    }

    [Fact]
    public void WhitespaceOnlySpecEditKeepsTheModelSpecWithLocatedDiagnostics()
    {
        // Two component names that collide: an info diagnostic whose line moves when the text is re-indented.
        const string spec = """
            {
              "openapi": "3.1.0",
              "info": { "title": "Caching", "version": "1.0.0" },
              "paths": {
                "/queues/{queue_name}": {
                  "get": {
                    "operationId": "RetrieveQueue",
                    "parameters": [ { "name": "queue_name", "in": "path", "required": true, "schema": { "type": "string" } } ],
                    "responses": {
                      "200": {
                        "description": "The queue.",
                        "content": { "application/json": { "schema": { "type": "object", "properties": { "data": { "$ref": "#/components/schemas/Queue" } } } } }
                      }
                    }
                  }
                }
              },
              "components": {
                "schemas": {
                  "Queue": { "type": "object", "properties": { "name": { "type": "string" }, "current_size": { "type": "integer" } } },
                  "queue": { "type": "object", "properties": { "id": { "type": "string" } } }
                }
              }
            }
            """;
        var (driver, first, compilation, text) = FirstRun(spec);
        var before = Assert.Single(Value<Telnyx.Generator.OpenApi.SpecResult>(first, TrackingNames.Parse).Diagnostics);
        Assert.Equal("TLX0006", before.Id);

        driver = driver.ReplaceAdditionalText(text, new InMemoryAdditionalText(GeneratorHarness.SpecPath, Reformat(spec)));
        driver = driver.RunGenerators(compilation);
        var second = driver.GetRunResult().Results.Single();
        var report = Report(second);

        var after = Assert.Single(Value<Telnyx.Generator.OpenApi.SpecResult>(second, TrackingNames.Parse).Diagnostics);
        Assert.NotEqual(before.Location.Line, after.Location.Line);
        AssertReasons(second, TrackingNames.SpecFiles, report, IncrementalStepRunReason.Modified);
        AssertReasons(second, TrackingNames.Parse, report, IncrementalStepRunReason.Modified);
        AssertReasons(second, TrackingNames.Diagnostics, report, IncrementalStepRunReason.Modified);
        AssertReasons(second, TrackingNames.Model, report, IncrementalStepRunReason.Unchanged);
        AssertReasons(second, TrackingNames.Files, report, IncrementalStepRunReason.Cached);
        AssertReasons(second, TrackingNames.Emit, report, IncrementalStepRunReason.Cached);
        Assert.True(Texts(first).Count > 2);
        Assert.Equal(Texts(first), Texts(second));
    }

    [Fact]
    public void EditingOneSchemaReEmitsOnlyItsFile()
    {
        var original = GeneratorHarness.BundledSpecText;
        var (driver, first, compilation, text) = FirstRun(original);

        const string oldDescription = "Call Control App ID (connection) the conference belongs to.";
        const string newDescription = "Call Control App ID (connection) that owns the conference.";
        var conference = original.IndexOf("\"Conference\": {", StringComparison.Ordinal);
        Assert.True(conference > 0, "the bundled spec has no Conference schema");
        var at = original.IndexOf(oldDescription, conference, StringComparison.Ordinal);
        Assert.True(at > conference, "the Conference schema no longer has the connection_id description this test edits");
        var edited = original.Substring(0, at) + newDescription + original.Substring(at + oldDescription.Length);

        driver = driver.ReplaceAdditionalText(text, new InMemoryAdditionalText(GeneratorHarness.SpecPath, edited));
        driver = driver.RunGenerators(compilation);
        var second = driver.GetRunResult().Results.Single();
        var report = Report(second);

        AssertReasons(second, TrackingNames.Model, report, IncrementalStepRunReason.Modified);
        var emit = second.TrackedSteps[TrackingNames.Emit].SelectMany(s => s.Outputs).ToList();
        var modified = emit.Where(o => o.Reason == IncrementalStepRunReason.Modified).ToList();
        var names = modified.Select(o => HintName(o.Value)).ToList();
        Assert.True(names.SequenceEqual(new[] { ConferenceHint }), "expected only the Conference file to be re-emitted, got: " + string.Join(", ", names) + "\n" + report);
        Assert.All(emit.Where(o => o.Reason != IncrementalStepRunReason.Modified),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, HintName(o.Value) + " was " + o.Reason));
        // The other files are cached (not re-emitted at all) because their units compare equal.
        Assert.All(emit.Where(o => o.Reason != IncrementalStepRunReason.Modified), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.Contains(newDescription, Texts(second)[ConferenceHint]);
        Assert.Equal(Texts(first).Count, Texts(second).Count);
        Assert.Equal(Texts(first).Where(p => p.Key != ConferenceHint), Texts(second).Where(p => p.Key != ConferenceHint));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static (GeneratorDriver Driver, GeneratorRunResult Result, Compilation Compilation, AdditionalText Text) FirstRun(
        string spec, IReadOnlyList<MetadataReference>? references = null)
    {
        var text = new InMemoryAdditionalText(GeneratorHarness.SpecPath, spec);
        var driver = GeneratorHarness.CreateDriver(new[] { text });
        var compilation = GeneratorHarness.CreateCompilation(references ?? GeneratorHarness.References, "namespace Consumer; public static class Marker { }");
        driver = driver.RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        foreach (var step in AllSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), "step " + step + " is not tracked");
        }
        return (driver, result, compilation, text);
    }

    /// <summary>Same JSON, different text: blank lines first, tabs for indentation, a blank line after each opening brace.</summary>
    private static string Reformat(string json)
    {
        var result = "\n\n" + string.Join("\n", json.Replace("\r\n", "\n").Split('\n').Select(ReIndent));
        Assert.NotEqual(json, result);
        return result;
    }

    private static string ReIndent(string line)
    {
        var trimmed = line.TrimStart(' ');
        return new string('\t', (line.Length - trimmed.Length) / 2) + trimmed + (trimmed.EndsWith("{", StringComparison.Ordinal) ? "\n" : "");
    }

    private static void AssertEveryOutput(GeneratorRunResult result, IEnumerable<string> steps, IncrementalStepRunReason expected)
    {
        var report = Report(result);
        foreach (var step in steps) AssertReasons(result, step, report, expected);
    }

    private static void AssertReasons(GeneratorRunResult result, string step, string report, IncrementalStepRunReason expected)
    {
        var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
        Assert.True(outputs.Count > 0, $"step {step} has no outputs\n{report}");
        Assert.True(outputs.All(o => o.Reason == expected), $"step {step}: expected every output {expected}\n{report}");
    }

    private static T Value<T>(GeneratorRunResult result, string step)
        => (T)result.TrackedSteps[step].SelectMany(s => s.Outputs).Single().Value;

    private static string HintName(object value)
        => value is EmitResult { Source: { } source } ? source.HintName : "(" + value + ")";

    private static string Report(GeneratorRunResult result)
    {
        var sb = new StringBuilder("observed:\n");
        foreach (var pair in result.TrackedSteps.Where(p => AllSteps.Contains(p.Key) || p.Key == TrackingNames.Integrations).OrderBy(p => Array.IndexOf(AllSteps, p.Key)))
        {
            var reasons = pair.Value.SelectMany(s => s.Outputs).GroupBy(o => o.Reason).Select(g => g.Key + " x" + g.Count());
            sb.Append("  ").Append(pair.Key).Append(": ").AppendLine(string.Join(", ", reasons));
        }
        foreach (var pair in result.TrackedOutputSteps)
        {
            var reasons = pair.Value.SelectMany(s => s.Outputs).GroupBy(o => o.Reason).Select(g => g.Key + " x" + g.Count());
            sb.Append("  (output) ").Append(pair.Key).Append(": ").AppendLine(string.Join(", ", reasons));
        }
        return sb.ToString();
    }

    private static Dictionary<string, string> Texts(GeneratorRunResult result)
        => result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
}
