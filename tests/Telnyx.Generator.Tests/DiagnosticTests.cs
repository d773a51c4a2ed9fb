using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Telnyx.Generator.Spec;

namespace Telnyx.Generator.Tests;

/// <summary>
/// One test per diagnostic ID: ID, severity and the exact 0-based line/column in the spec. Every bad input also
/// checks that the generator never throws through the driver and that the consumer's own code still compiles.
/// </summary>
public class DiagnosticTests
{
    private const string Path = "/specs/test.json";

    /// <summary>The consumer's own code: it must compile whatever the spec does.</summary>
    private const string ConsumerSource = """
        namespace Consumer;

        public sealed class Widget
        {
            public int Size { get; init; }

            public override string ToString() => Size.ToString(global::System.Globalization.CultureInfo.InvariantCulture);
        }
        """;

    // ---- TLX0001 ---------------------------------------------------------------------------------------------

    [Fact]
    public void TLX0001_TextThatCannotBeRead()
    {
        var run = RunSpec(null);

        var d = Single(run, "TLX0001", DiagnosticSeverity.Error);
        AssertAt(d, 0, 0);
        Assert.Contains(Path, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(run.Result.GeneratedTrees);
    }

    // ---- TLX0002 ---------------------------------------------------------------------------------------------

    [Fact]
    public void TLX0002_MissingComma()
    {
        const string spec = """
            {
              "openapi": "3.1.0",
              "info": { "title": "Broken", "version": "1.0.0" },
              "paths": {},
              "components": { "schemas": {} }
              "webhooks": {}
            }
            """;
        var run = RunSpec(spec);

        // The reader notices the missing comma at the next token: the "webhooks" key on line 5.
        var d = Single(run, "TLX0002", DiagnosticSeverity.Error);
        AssertAt(d, 5, 2, spec, "\"webhooks\"");
        Assert.Empty(run.Result.GeneratedTrees);
    }

    [Fact]
    public void TLX0002_ColumnCountsCharactersNotUtf8Bytes()
    {
        // "é" and "—" are 2 and 3 UTF-8 bytes but one character each: the column is in characters.
        const string spec = """
            {
              "openapi": "3.1.0",
              "info": { "title": "Café — API", "version": "1.0.0" } "paths": {}
            }
            """;
        var run = RunSpec(spec);

        var d = Single(run, "TLX0002", DiagnosticSeverity.Error);
        AssertAt(d, 2, 56, spec, "\"paths\"");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\t\n")]
    public void TLX0002_EmptyFile(string spec)
    {
        var run = RunSpec(spec);

        var d = Single(run, "TLX0002", DiagnosticSeverity.Error);
        AssertAt(d, 0, 0);
        Assert.Contains("empty", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    // ---- TLX0003 ---------------------------------------------------------------------------------------------

    [Fact]
    public void TLX0003_JsonThatIsNotOpenApi()
    {
        var run = RunSpec("""
            {
              "hello": 1
            }
            """);

        var d = Single(run, "TLX0003", DiagnosticSeverity.Error);
        AssertAt(d, 0, 0);
        Assert.Empty(run.Result.GeneratedTrees);
    }

    [Fact]
    public void TLX0003_ArrayRoot()
    {
        const string spec = "\n  [\n    { \"openapi\": \"3.1.0\" }\n  ]\n";
        var run = RunSpec(spec);

        var d = Single(run, "TLX0003", DiagnosticSeverity.Error);
        AssertAt(d, 1, 2, spec, "[");
    }

    [Fact]
    public void TLX0003_ReaderError_PathsIsAString()
    {
        // Microsoft.OpenApi 3.11 reports "Paths must be a map/object" with the pointer #/paths.
        const string spec = """
            {
              "openapi": "3.1.0",
              "info": { "title": "Paths as a string", "version": "1.0.0" },
              "paths": "/conferences"
            }
            """;
        var run = RunSpec(spec);

        var d = Single(run, "TLX0003", DiagnosticSeverity.Error);
        AssertAt(d, 3, 2, spec, "\"paths\"");
        Assert.Contains("Paths must be a map/object", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void TLX0007_ReaderErrorInAUsableDocument_IsAWarning()
    {
        const string spec = """
            {
              "openapi": "3.1.0",
              "info": { "title": "Bad type", "version": "1.0.0" },
              "paths": {},
              "components": {
                "schemas": {
                  "Conference": {
                    "type": "object",
                    "properties": {
                      "name": { "type": "strin" }
                    }
                  }
                }
              }
            }
            """;
        var run = RunSpec(spec);

        // The document still has schemas, so the reader's complaint must not stop the build: a warning at the value.
        var d = Single(run, "TLX0007", DiagnosticSeverity.Warning);
        AssertAt(d, 9, 20, spec, "\"type\": \"strin\"");
        Assert.DoesNotContain(run.Diagnostics, x => x.Id == "TLX0003");
        Assert.Contains("strin", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void TLX0003_UnsupportedOpenApiVersion()
    {
        // The reader throws OpenApiUnsupportedSpecVersionException here: that is a spec problem (TLX0003 at the
        // version), not an internal generator error (TLX0099).
        const string spec = """
            {
              "openapi": "9.9.9",
              "info": { "title": "Future", "version": "1.0.0" },
              "paths": {}
            }
            """;
        var run = RunSpec(spec);

        var d = Single(run, "TLX0003", DiagnosticSeverity.Error);
        AssertAt(d, 1, 2, spec, "\"openapi\"");
        Assert.Contains("9.9.9", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(run.Diagnostics, x => x.Id == "TLX0099");
    }

    // ---- TLX0004 ---------------------------------------------------------------------------------------------

    [Fact]
    public void TLX0004_UnresolvedReference()
    {
        const string spec = """
            {
              "openapi": "3.1.0",
              "info": { "title": "Dangling ref", "version": "1.0.0" },
              "paths": {},
              "components": {
                "schemas": {
                  "Conference": {
                    "type": "object",
                    "properties": {
                      "id": { "type": "string" },
                      "settings": { "$ref": "#/components/schemas/Missing" }
                    }
                  }
                }
              }
            }
            """;
        var run = RunSpec(spec);

        var d = Single(run, "TLX0004", DiagnosticSeverity.Warning);
        AssertAt(d, 10, 10, spec, "\"settings\"");
        Assert.Contains("#/components/schemas/Missing", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));

        var conference = Generated(run, "Conference");
        Assert.Contains("public global::System.Text.Json.JsonElement? Settings", conference);
        Assert.Contains("public string? Id", conference);
    }

    // ---- TLX0005 ---------------------------------------------------------------------------------------------
    // Type arrays with several types are unions now, no longer TLX0005: see TypeArrayUnionTests.

    // ---- TLX0006 ---------------------------------------------------------------------------------------------

    [Fact]
    public void TLX0006_TwoComponentSchemasWithTheSameTypeName()
    {
        const string spec = """
            {
              "openapi": "3.1.0",
              "info": { "title": "Collision", "version": "1.0.0" },
              "paths": {},
              "components": {
                "schemas": {
                  "FooBar": {
                    "type": "object",
                    "properties": { "a": { "type": "string" } }
                  },
                  "foo_bar": {
                    "type": "object",
                    "properties": { "b": { "type": "string" } }
                  }
                }
              }
            }
            """;
        var run = RunSpec(spec);

        // Ordinal order: "FooBar" claims the name first; "foo_bar" gets another name, which the message states.
        var d = Single(run, "TLX0006", DiagnosticSeverity.Info);
        AssertAt(d, 10, 6, spec, "\"foo_bar\"");
        var message = d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        var match = System.Text.RegularExpressions.Regex.Match(message, "^The name 'FooBar' is already taken; '([A-Za-z0-9_]+)' is used for '#/components/schemas/foo_bar'$");
        Assert.True(match.Success, "unexpected message: " + message);
        var other = match.Groups[1].Value;
        Assert.NotEqual("FooBar", other);
        Assert.Contains("public string? A", Generated(run, "FooBar"));
        Assert.Contains("public string? B", Generated(run, other));
    }

    [Fact]
    public void TLX0006_TwoPropertiesWithTheSameMemberName()
    {
        const string spec = """
            {
              "openapi": "3.1.0",
              "info": { "title": "Collision", "version": "1.0.0" },
              "paths": {},
              "components": {
                "schemas": {
                  "Participant": {
                    "type": "object",
                    "properties": {
                      "callId": { "type": "string" },
                      "call_id": { "type": "string" }
                    }
                  }
                }
              }
            }
            """;
        var run = RunSpec(spec);

        var d = Single(run, "TLX0006", DiagnosticSeverity.Info);
        AssertAt(d, 10, 10, spec, "\"call_id\"");
        var participant = Generated(run, "Participant");
        Assert.Contains("public string? CallId", participant);
        Assert.Contains("public string? CallIdValue", participant);
    }

    // ---- TLX0007 ---------------------------------------------------------------------------------------------

    [Fact]
    public void TLX0007_ReaderWarning()
    {
        // The only warning found in Microsoft.OpenApi 3.11 for JSON input: a $ref to a schema that does not exist.
        // (Unknown top-level keys and unknown operation keys are errors; x- extensions produce nothing.)
        const string spec = """
            {
              "openapi": "3.1.0",
              "info": { "title": "Reader warning", "version": "1.0.0" },
              "paths": {},
              "components": {
                "schemas": {
                  "Queue": {
                    "type": "object",
                    "properties": {
                      "owner": {
                        "$ref": "#/components/schemas/Nowhere"
                      }
                    }
                  }
                }
              }
            }
            """;
        var run = RunSpec(spec);

        var d = Single(run, "TLX0007", DiagnosticSeverity.Warning);
        AssertAt(d, 10, 12, spec, "\"$ref\"");
        Assert.Contains("#/components/schemas/Nowhere", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    // Values Microsoft.OpenApi drops or keeps without a word: found by the JSON pass (KeywordShapeScan), reported at the value.

    [Fact]
    public void TLX0007_ParameterThatIsNotAnObject()
    {
        const string spec = """
            {
              "openapi": "3.1.0",
              "info": { "title": "Bad parameter", "version": "1.0.0" },
              "paths": {
                "/conferences": {
                  "get": {
                    "operationId": "ListConferences",
                    "parameters": [
                      { "name": "status", "in": "query", "schema": { "type": "string" } },
                      "page"
                    ],
                    "responses": { "200": { "description": "ok" } }
                  }
                }
              }
            }
            """;
        var run = RunSpec(spec);

        var d = Single(run, "TLX0007", DiagnosticSeverity.Warning);
        AssertAt(d, 9, 10, spec, "\"page\"");
        Assert.Contains("'parameters'", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("public string? Status", Generated(run, "ConferencesResource"));
    }

    [Fact]
    public void TLX0007_RequiredWithANonString()
    {
        const string spec = """
            {
              "openapi": "3.1.0",
              "info": { "title": "Bad required", "version": "1.0.0" },
              "paths": {},
              "components": {
                "schemas": {
                  "Conference": {
                    "type": "object",
                    "required": ["name", 7],
                    "properties": { "name": { "type": "string" } }
                  }
                }
              }
            }
            """;
        var run = RunSpec(spec);

        var d = Single(run, "TLX0007", DiagnosticSeverity.Warning);
        AssertAt(d, 8, 29, spec, "7");
        Assert.Contains("'required'", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void TLX0007_EnumMixingJsonTypes()
    {
        // null is left out of the mix: it only makes the value nullable.
        const string spec = """
            {
              "openapi": "3.1.0",
              "info": { "title": "Mixed enum", "version": "1.0.0" },
              "paths": {},
              "components": {
                "schemas": {
                  "Region": {
                    "type": "string",
                    "enum": ["eu", "us", 1, null]
                  },
                  "Plan": { "type": ["string", "null"], "enum": ["basic", "pro", null] }
                }
              }
            }
            """;
        var run = RunSpec(spec);

        var d = Single(run, "TLX0007", DiagnosticSeverity.Warning);
        AssertAt(d, 8, 8, spec, "\"enum\"");
        Assert.Contains("string, number", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void TLX0007_MinimumThatIsNotANumber()
    {
        const string spec = """
            {
              "openapi": "3.1.0",
              "info": { "title": "Bad minimum", "version": "1.0.0" },
              "paths": {},
              "components": {
                "schemas": {
                  "Room": {
                    "type": "object",
                    "properties": {
                      "size": { "type": "integer", "minimum": "ten", "maximum": 10 }
                    }
                  }
                }
              }
            }
            """;
        var run = RunSpec(spec);

        var d = Single(run, "TLX0007", DiagnosticSeverity.Warning);
        AssertAt(d, 9, 39, spec, "\"minimum\"");
        Assert.Contains("\"ten\"", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void KeywordNamesUsedAsNamesOrInsideLiterals_AreNotReported()
    {
        // Properties called minimum, required, enum and parameters are names, not keywords; example, default and x-
        // values are any JSON; 'required: true' on a parameter is a flag.
        const string spec = """
            {
              "openapi": "3.1.0",
              "info": { "title": "Keyword names", "version": "1.0.0" },
              "paths": {
                "/rooms": {
                  "get": {
                    "operationId": "ListRooms",
                    "parameters": [{ "name": "minimum", "in": "query", "required": true, "schema": { "type": "integer", "minimum": 0 } }],
                    "x-notes": { "parameters": ["x", 3], "minimum": "ten" },
                    "responses": {
                      "default": { "description": "any", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Room" } } } }
                    }
                  }
                }
              },
              "components": {
                "schemas": {
                  "Room": {
                    "type": "object",
                    "required": ["minimum", "enum"],
                    "properties": {
                      "minimum": { "type": "string" },
                      "required": { "type": "object", "properties": { "enum": { "type": "boolean" } } },
                      "enum": { "type": "array", "items": { "type": "string" } },
                      "parameters": { "type": "object", "default": { "minimum": "low", "required": [1] } }
                    },
                    "example": { "minimum": "ten", "required": [1, null], "enum": [1, "a"], "parameters": ["x"] }
                  }
                }
              }
            }
            """;
        var run = RunSpec(spec);

        Assert.DoesNotContain(run.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError);
        var room = Generated(run, "Room");
        Assert.Contains("public string? Minimum", room);
        Assert.Contains("public global::Telnyx.RoomRequired? Required", room);
        Assert.Contains("public global::System.Collections.Generic.IReadOnlyList<string>? Enum", room);
        Assert.Contains("public global::System.Text.Json.JsonElement? Parameters", room);
    }

    // ---- TLX0008 ---------------------------------------------------------------------------------------------

    [Fact]
    public void TLX0008_MultipartRequestBody()
    {
        const string spec = """
            {
              "openapi": "3.1.0",
              "info": { "title": "Upload", "version": "1.0.0" },
              "paths": {
                "/media": {
                  "post": {
                    "operationId": "UploadMedia",
                    "requestBody": {
                      "required": true,
                      "content": {
                        "multipart/form-data": {
                          "schema": {
                            "type": "object",
                            "properties": { "media": { "type": "string", "format": "binary" } }
                          }
                        }
                      }
                    },
                    "responses": { "204": { "description": "Uploaded." } }
                  }
                }
              }
            }
            """;
        var run = RunSpec(spec);

        var d = Single(run, "TLX0008", DiagnosticSeverity.Info);
        AssertAt(d, 7, 8, spec, "\"requestBody\"");
        Assert.Contains("UploadMedia", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    // ---- TLX0009 ---------------------------------------------------------------------------------------------

    [Fact]
    public void TLX0009_ListWithoutPageNumberMeta()
    {
        const string spec = """
            {
              "openapi": "3.1.0",
              "info": { "title": "Unpaged list", "version": "1.0.0" },
              "paths": {
                "/regions": {
                  "get": {
                    "operationId": "ListRegions",
                    "responses": {
                      "200": {
                        "description": "All regions.",
                        "content": {
                          "application/json": {
                            "schema": {
                              "type": "object",
                              "properties": {
                                "data": {
                                  "type": "array",
                                  "items": {
                                    "type": "object",
                                    "properties": { "name": { "type": "string" } }
                                  }
                                }
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
            """;
        var run = RunSpec(spec);

        var d = Single(run, "TLX0009", DiagnosticSeverity.Info);
        AssertAt(d, 12, 16, spec, "\"schema\"");
        Assert.Contains("ListRegions", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    // ---- TLX0010 ---------------------------------------------------------------------------------------------

    [Fact]
    public void TLX0010_IncludeSelectorThatMatchesNothing_AndTheFilterKeepsOnlyWhatIsSelected()
    {
        const string spec = """
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

        var result = SpecReader.Read(new SpecSource(Path, spec, "Telnyx", null, "tag:Regions;tag:Gadgets"), CancellationToken.None);

        var d = Assert.Single(result.Diagnostics, x => x.Id == "TLX0010");
        Assert.Equal(Path, d.Location.FilePath);
        Assert.Equal((0, 0), (d.Location.Line, d.Location.Column));
        Assert.Contains("tag:Gadgets", d.ToDiagnostic().GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DiagnosticSeverity.Warning, d.ToDiagnostic().Severity);
        // Only the selected operation and the schema it reaches are generated.
        Assert.Equal(new[] { "ListRegions" }, result.Model!.Operations.Select(o => o.OperationId));
        Assert.Contains(result.Model.Types, t => t.Name == "Region");
        Assert.DoesNotContain(result.Model.Types, t => t.Name == "Widget");
    }

    // ---- TLX0099 ---------------------------------------------------------------------------------------------

    [Fact]
    public void TLX0099_ExceptionInsideTheReaderBecomesADiagnostic()
    {
        var result = SpecReader.Read(new SpecSource(Path, GeneratorHarness.BundledSpecText, "Telnyx", null), CancellationToken.None,
            _ => throw new InvalidOperationException("boom"));

        Assert.Null(result.Model);
        var info = Assert.Single(result.Diagnostics);
        var d = info.ToDiagnostic();
        Assert.Equal("TLX0099", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        AssertAt(d, 0, 0);
        var message = d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("InvalidOperationException", message);
        Assert.Contains("boom", message);
    }

    [Fact]
    public void CancellationIsNotSwallowedAsAnInternalError()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            SpecReader.Read(new SpecSource(Path, GeneratorHarness.BundledSpecText, "Telnyx", null), cts.Token));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    internal sealed record SpecRun(GeneratorDriverRunResult Result, IReadOnlyList<Diagnostic> Diagnostics);

    /// <summary>
    /// Runs the generator; asserts it did not throw through the driver and that the output compilation (consumer
    /// code plus whatever was generated) has no warnings or errors.
    /// </summary>
    private static SpecRun RunSpec(string? spec)
    {
        var (_, result, output, driverDiagnostics) = GeneratorHarness.Run(spec, Path, ConsumerSource);

        var generatorResult = result.Results.Single();
        Assert.Null(generatorResult.Exception);
        var all = driverDiagnostics.Concat(result.Diagnostics).Distinct().ToList();
        Assert.DoesNotContain(all, d => d.Id == "CS8785");
        Assert.All(all, d => Assert.StartsWith("TLX", d.Id));

        var problems = CompileTests.Problems(output.GetDiagnostics());
        Assert.True(problems.Count == 0, "the consumer's compilation has errors after the generator ran:\n" + string.Join("\n", problems.Take(30)));
        Assert.NotNull(output.GetTypeByMetadataName("Consumer.Widget"));
        return new SpecRun(result, all);
    }

    private static Diagnostic Single(SpecRun run, string id, DiagnosticSeverity severity)
    {
        var matches = run.Diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matches.Count == 1, $"expected one {id}, got {matches.Count}; all diagnostics:\n" + string.Join("\n", run.Diagnostics));
        // The descriptor's severity; the harness compiles with warnings as errors, which Roslyn applies to generator
        // diagnostics too: a warning is reported as an error marked IsWarningAsError, info stays info.
        var d = matches[0];
        Assert.Equal(severity, d.DefaultSeverity);
        Assert.Equal(severity == DiagnosticSeverity.Warning, d.IsWarningAsError);
        Assert.Equal(severity == DiagnosticSeverity.Warning ? DiagnosticSeverity.Error : severity, d.Severity);
        return d;
    }

    /// <summary>Asserts the 0-based start position; with <paramref name="spec"/>, also that the text there starts with <paramref name="token"/>.</summary>
    internal static void AssertAt(Diagnostic diagnostic, int line, int column, string? spec = null, string? token = null)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.True(diagnostic.Location.Kind == LocationKind.ExternalFile, "expected a location in the spec file, got " + diagnostic.Location.Kind);
        Assert.Equal(Path, span.Path);
        Assert.Equal(new LinePosition(line, column), span.StartLinePosition);
        if (spec is not null && token is not null)
        {
            var lines = SnapshotTests.Normalize(spec).Split('\n');
            Assert.True(line < lines.Length && lines[line].Length >= column, $"({line},{column}) is outside the spec");
            var at = lines[line].Substring(column);
            Assert.True(at.StartsWith(token, StringComparison.Ordinal), $"expected '{token}' at ({line},{column}), found: {at}");
        }
    }

    private static string Generated(SpecRun run, string typeName)
    {
        var hint = "Telnyx." + typeName + ".g.cs";
        var source = run.Result.Results.Single().GeneratedSources.Where(s => s.HintName == hint).ToList();
        Assert.True(source.Count == 1, $"{hint} was not generated; generated: " + string.Join(", ", run.Result.Results.Single().GeneratedSources.Select(s => s.HintName)));
        return source[0].SourceText.ToString();
    }
}
