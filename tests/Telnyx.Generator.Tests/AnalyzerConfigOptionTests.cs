using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Telnyx.Generator.Diagnostics;
using Telnyx.Generator.Helpers;
using Telnyx.Generator.Tests.Library;

namespace Telnyx.Generator.Tests;

/// <summary>
/// The options as MSBuild hands them over: an analyzer config file parsed by the compiler's own parser (through
/// the testing library), not values held in memory. That parser ends a value at the first <c>;</c> or <c>#</c>,
/// which the hand-written provider of <see cref="GeneratorHarness"/> never did.
/// </summary>
public class AnalyzerConfigOptionTests
{
    private const string SpecPath = "/specs/filtered.json";

    /// <summary>Two tagged operations, so a selector list can keep one, both or neither.</summary>
    internal const string Spec = """
        {
          "openapi": "3.1.0",
          "info": { "title": "Filtered", "version": "1.0.0" },
          "paths": {
            "/regions": { "get": { "operationId": "ListRegions", "tags": ["Regions"], "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Region" } } } } } } },
            "/widgets": { "get": { "operationId": "ListWidgets", "tags": ["Widgets"], "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Widget" } } } } } } }
          },
          "components": { "schemas": {
            "Region": { "type": "object", "properties": { "name": { "type": "string" } } },
            "Widget": { "type": "object", "properties": { "size": { "type": "integer" } } }
          } }
        }
        """;

    private const string BothSelectors = "tag:Regions;tag:Widgets";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task TelnyxIncludeASemicolonListWrittenRawIsCutAtTheSemicolonByTheConfigParser(bool asItemMetadata)
    {
        // MSBuild writes the value as it is; the parser keeps "tag:Regions" and drops ";tag:Widgets" as a comment.
        // So Region and client.Regions are generated, Widget and client.Widgets are not (CS0234, CS1061). This is why the
        // props encode the value (next test); a hand-written config separates selectors with ','.
        var config = asItemMetadata
            ? new MsBuildEditorConfig().Spec(SpecPath, ("TelnyxInclude", BothSelectors))
            : new MsBuildEditorConfig().Property("TelnyxInclude", BothSelectors).Spec(SpecPath);
        return RunAsync(config, """
            namespace Consumer;

            public static class Uses
            {
                public static string? Name(global::Telnyx.Region r) => r.Name;
                public static object? Size(global::Telnyx.{|CS0234:Widget|} w) => w;
                public static object Regions(global::Telnyx.TelnyxClient c) => c.Regions;
                public static object Widgets(global::Telnyx.TelnyxClient c) => c.{|CS1061:Widgets|};
            }
            """);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task TelnyxIncludeEncodedAsThePropsWriteItSurvivesTheConfigParser(bool asItemMetadata)
    {
        // What build/Telnyx.Generated.props writes ([MSBuild]::ConvertToBase64: base64 of the UTF-8), so no ';' or '#'
        // reaches the parser and the generator decodes the value: both tags are selected, and the third selector,
        // which holds a '#', arrives whole (TLX0010 names all of it, so nothing after the '#' was cut).
        var value = OptionEncoding.Marker + System.Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(BothSelectors + ";tag:Wid#gets"));
        var config = asItemMetadata
            ? new MsBuildEditorConfig().Spec(SpecPath, ("TelnyxInclude", value))
            : new MsBuildEditorConfig().Property("TelnyxInclude", value).Spec(SpecPath);
        return RunAsync(config, """
            namespace Consumer;

            public static class Uses
            {
                public static string? Name(global::Telnyx.Region r) => r.Name;
                public static object Size(global::Telnyx.Widget w) => w;
                public static object Regions(global::Telnyx.TelnyxClient c) => c.Regions;
                public static object Widgets(global::Telnyx.TelnyxClient c) => c.Widgets;
            }
            """,
            "{|#0:|}" + Spec,
            new DiagnosticResult(DiagnosticDescriptors.FilterUnmatched).WithSeverity(DiagnosticSeverity.Warning)
                .WithLocation(0).WithArguments("tag:Wid#gets"));
    }

    [Fact]
    public void TelnyxIncludeTheSameValueInMemorySelectsBoth()
    {
        // The contrast that shows the cut is the parser's: handed over in memory (the driver harness), the same
        // value selects both operations.
        var driver = GeneratorHarness.CreateDriver(
            new[] { new InMemoryAdditionalText(SpecPath, Spec) },
            new Dictionary<string, IDictionary<string, string>>
            {
                [SpecPath] = new Dictionary<string, string> { [TelnyxGenerator.SpecMetadata] = "true" },
            },
            new Dictionary<string, string> { [TelnyxGenerator.IncludeProperty] = BothSelectors });
        driver = driver.RunGenerators(GeneratorHarness.CreateCompilation("namespace Consumer; public static class Marker { }"));

        var hints = driver.GetRunResult().Results.Single().GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Contains("Telnyx.Region.g.cs", hints);
        Assert.Contains("Telnyx.Widget.g.cs", hints);
    }

    [Fact]
    public Task TelnyxIncludeOneSelectorThatMatchesNothingIsTLX0010AndSelectsNothing()
        => RunAsync(new MsBuildEditorConfig().Property("TelnyxInclude", "tag:Gadgets").Spec(SpecPath), """
            namespace Consumer;

            public static class Uses
            {
                public static object Region(global::Telnyx.{|CS0234:Region|} r) => r;
                public static object Widget(global::Telnyx.{|CS0234:Widget|} w) => w;
            }
            """,
            "{|#0:|}" + Spec,
            new DiagnosticResult(DiagnosticDescriptors.FilterUnmatched).WithSeverity(DiagnosticSeverity.Warning)
                .WithLocation(0).WithArguments("tag:Gadgets"));

    [Fact]
    public Task TelnyxIncludeItemMetadataWinsOverTheProperty()
        => RunAsync(new MsBuildEditorConfig().Property("TelnyxInclude", "tag:Gadgets").Spec(SpecPath, ("TelnyxInclude", "tag:Widgets")), """
            namespace Consumer;

            public static class Uses
            {
                public static long? Size(global::Telnyx.Widget w) => w.Size;
                public static object Region(global::Telnyx.{|CS0234:Region|} r) => r;
            }
            """);

    [Fact]
    public Task TelnyxNamespaceFromThePropertyAndFromItemMetadata()
        => RunAsync(
            new MsBuildEditorConfig().Property("TelnyxNamespace", "Acme.Voice")
                .Spec(SpecPath)
                .Spec("/specs/other.json", ("TelnyxNamespace", "Acme.Other")),
            """
            namespace Consumer;

            public static class Uses
            {
                public static string? Name(global::Acme.Voice.Region r) => r.Name;
                public static long? Size(global::Acme.Other.Widget w) => w.Size;
                public static object Default(global::Telnyx.{|CS0234:Region|} r) => r;
            }
            """,
            extraFiles: ("/specs/other.json", Spec));

    [Fact]
    public async Task AFileWithoutTelnyxSpecMetadataGeneratesNothing()
    {
        // With no GeneratedSources listed (and the check on), the library asserts that nothing is generated.
        var test = new TelnyxGeneratorTest();
        test.TestState.Sources.Add("namespace Consumer; public static class Marker { }");
        test.TestState.AdditionalFiles.Add((SpecPath, Spec));
        test.TestState.AnalyzerConfigFiles.Add(new MsBuildEditorConfig().OtherFile(SpecPath, ("TelnyxSpec", "false")).ToFile());
        await test.RunAsync();
    }

    private static async Task RunAsync(MsBuildEditorConfig config, string consumer, string? markedSpec = null,
        DiagnosticResult? expected = null, (string Path, string Text)? extraFiles = null)
    {
        var test = new TelnyxGeneratorTest { TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck };
        test.TestState.Sources.Add(consumer);
        test.TestState.AdditionalFiles.Add((SpecPath, markedSpec ?? Spec));
        if (extraFiles is { } extra) test.TestState.AdditionalFiles.Add(extra);
        test.TestState.AnalyzerConfigFiles.Add(config.ToFile());
        if (expected is { } d) test.TestState.ExpectedDiagnostics.Add(d);
        await test.RunAsync();
    }
}
