using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Telnyx.Generator.Diagnostics;
using Telnyx.Generator.Tests.Library;

namespace Telnyx.Generator.Tests;

/// <summary>
/// One test per diagnostic, on Microsoft.CodeAnalysis.CSharp.SourceGenerators.Testing. The spec is an
/// AdditionalFile whose <c>{|#0:...|}</c> markup is the exact span (start and end line/column) the diagnostic must
/// cover; ID, severity and the whole message are asserted, and any other diagnostic (generator or compiler,
/// warnings included) fails the test. The consumer code uses the members a test expects to be generated, so their
/// types are checked by the compiler. What the library cannot express (an unreadable file, an exception inside the
/// reader, cancellation) is in <see cref="ReaderDiagnosticTests"/>.
/// </summary>
public class DiagnosticTests
{
    private const string SpecPath = "/specs/test.json";

    /// <summary>The consumer's own code: it must compile whatever the spec does.</summary>
    internal const string ConsumerSource = """
        namespace Consumer;

        public sealed class Widget
        {
            public int Size { get; init; }

            public override string ToString() => Size.ToString(global::System.Globalization.CultureInfo.InvariantCulture);
        }
        """;

    // ---- TLX0002 ---------------------------------------------------------------------------------------------

    [Fact]
    public Task TLX0002MissingComma()
        // The reader notices the missing comma at the next token: the "webhooks" key on line 5.
        => VerifyAsync("""
            {
              "openapi": "3.1.0",
              "info": { "title": "Broken", "version": "1.0.0" },
              "paths": {},
              "components": { "schemas": {} }
              {|#0:|}"webhooks": {}
            }
            """,
            generates: false,
            Expect(DiagnosticDescriptors.InvalidJson, DiagnosticSeverity.Error)
                .WithArguments("'\"' is invalid after a value. Expected either ',', '}', or ']'."));

    [Fact]
    public Task TLX0002ColumnCountsCharactersNotUtf8Bytes()
        // "é" and "—" are 2 and 3 UTF-8 bytes but one character each: the column is in characters.
        => VerifyAsync("""
            {
              "openapi": "3.1.0",
              "info": { "title": "Café — API", "version": "1.0.0" } {|#0:|}"paths": {}
            }
            """,
            generates: false,
            Expect(DiagnosticDescriptors.InvalidJson, DiagnosticSeverity.Error)
                .WithArguments("'\"' is invalid after a value. Expected either ',', '}', or ']'."));

    [Theory]
    [InlineData("")]
    [InlineData("  \n\t\n")]
    public Task TLX0002EmptyFile(string spec)
        => VerifyAsync("{|#0:|}" + spec, generates: false,
            Expect(DiagnosticDescriptors.InvalidJson, DiagnosticSeverity.Error).WithArguments("the file is empty"));

    // ---- TLX0003 ---------------------------------------------------------------------------------------------

    [Fact]
    public Task TLX0003JsonThatIsNotOpenApi()
        => VerifyAsync("""
            {|#0:|}{
              "hello": 1
            }
            """,
            generates: false,
            Expect(DiagnosticDescriptors.ReaderError, DiagnosticSeverity.Error)
                .WithArguments("this is not an OpenAPI document: the root object has no 'openapi' field"));

    [Fact]
    public Task TLX0003ArrayRoot()
        => VerifyAsync("\n  {|#0:|}[\n    { \"openapi\": \"3.1.0\" }\n  ]\n", generates: false,
            Expect(DiagnosticDescriptors.ReaderError, DiagnosticSeverity.Error)
                .WithArguments("the document root must be a JSON object with an 'openapi' field"));

    [Fact]
    public Task TLX0003ReaderErrorPathsIsAString()
        // Microsoft.OpenApi 3.11 reports "Paths must be a map/object" with the pointer #/paths.
        => VerifyAsync("""
            {
              "openapi": "3.1.0",
              "info": { "title": "Paths as a string", "version": "1.0.0" },
              {|#0:"paths"|}: "/conferences"
            }
            """,
            generates: false,
            Expect(DiagnosticDescriptors.ReaderError, DiagnosticSeverity.Error)
                .WithArguments("Paths must be a map/object"));

    [Fact]
    public Task TLX0003UnsupportedOpenApiVersion()
        // The reader throws OpenApiUnsupportedSpecVersionException here: a spec problem (TLX0003 at the version),
        // not an internal generator error (TLX0099, which would be an unexpected diagnostic).
        => VerifyAsync("""
            {
              {|#0:"openapi"|}: "9.9.9",
              "info": { "title": "Future", "version": "1.0.0" },
              "paths": {}
            }
            """,
            generates: false,
            Expect(DiagnosticDescriptors.ReaderError, DiagnosticSeverity.Error)
                .WithArguments("OpenAPI specification version '9.9.9' is not supported."));

    [Fact]
    public Task TLX0007ReaderErrorInAUsableDocumentIsAWarning()
        // The document still has schemas, so the reader's complaint must not stop the build: a warning at the value.
        => VerifyAsync("""
            {
              "openapi": "3.1.0",
              "info": { "title": "Bad type", "version": "1.0.0" },
              "paths": {},
              "components": {
                "schemas": {
                  "Conference": {
                    "type": "object",
                    "properties": {
                      "name": { {|#0:"type"|}: "strin" }
                    }
                  }
                }
              }
            }
            """,
            // The property whose type the reader rejected is kept, untyped.
            uses: "public static global::System.Text.Json.JsonElement? Name(global::Telnyx.Conference c) => c.Name;",
            Expect(DiagnosticDescriptors.ReaderWarning, DiagnosticSeverity.Warning)
                .WithArguments("Invalid schema type identifier: strin"));

    // ---- TLX0004 ---------------------------------------------------------------------------------------------

    [Fact]
    public Task TLX0004UnresolvedReference()
        => VerifyAsync("""
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
                      {|#0:"settings"|}: { {|#1:"$ref"|}: "#/components/schemas/Missing" }
                    }
                  }
                }
              }
            }
            """,
            uses: """
                public static global::System.Text.Json.JsonElement? Settings(global::Telnyx.Conference c) => c.Settings;
                public static string? Id(global::Telnyx.Conference c) => c.Id;
                """,
            Expect(DiagnosticDescriptors.UnresolvedReference, DiagnosticSeverity.Warning)
                .WithArguments("#/components/schemas/Missing", "#/components/schemas/Conference/properties/settings"),
            // The reader's own warning about the same $ref, at the $ref.
            Expect(DiagnosticDescriptors.ReaderWarning, DiagnosticSeverity.Warning, 1)
                .WithArguments("The schema reference '#/components/schemas/Missing' does not point to an existing schema."));

    [Fact]
    public Task TLX0004TheSpanOfANonAsciiKeyIsCountedInCharacters()
        // "réglages" is 10 characters with its quotes but 11 UTF-8 bytes: the span ends after the closing quote.
        => VerifyAsync("""
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
                      {|#0:"réglages"|}: { {|#1:"$ref"|}: "#/components/schemas/Missing" }
                    }
                  }
                }
              }
            }
            """,
            uses: "public static string? Id(global::Telnyx.Conference c) => c.Id;",
            Expect(DiagnosticDescriptors.UnresolvedReference, DiagnosticSeverity.Warning)
                .WithArguments("#/components/schemas/Missing", "#/components/schemas/Conference/properties/réglages"),
            Expect(DiagnosticDescriptors.ReaderWarning, DiagnosticSeverity.Warning, 1)
                .WithArguments("The schema reference '#/components/schemas/Missing' does not point to an existing schema."));

    // ---- TLX0005 ---------------------------------------------------------------------------------------------

    // Type arrays with several types are unions now, no longer TLX0005: see TypeArrayUnionTests.

    [Fact]
    public Task TLX0005UnionThatListsItself()
        // The self-listing case is reported at the branch (an object element is located by its opening brace) and
        // left out; the other cases still type the property.
        => VerifyAsync("""
            {
              "openapi": "3.1.0",
              "info": { "title": "Self union", "version": "1.0.0" },
              "paths": {},
              "components": {
                "schemas": {
                  "Loop": {
                    "oneOf": [
                      {|#0:{|} "$ref": "#/components/schemas/Loop" },
                      { "type": "string" },
                      { "type": "integer" }
                    ]
                  },
                  "Play": {
                    "type": "object",
                    "properties": { "loop": { "$ref": "#/components/schemas/Loop" } }
                  }
                }
              }
            }
            """,
            uses: "public static global::Telnyx.Loop? Loop(global::Telnyx.Play p) => p.Loop;",
            Expect(DiagnosticDescriptors.UnsupportedConstruct, DiagnosticSeverity.Warning)
                .WithArguments("A union that lists itself as a case", "#/components/schemas/Loop/oneOf/0"));

    // ---- TLX0006 ---------------------------------------------------------------------------------------------

    [Fact]
    public Task TLX0006TwoComponentSchemasWithTheSameTypeName()
        // Ordinal order: "FooBar" claims the name first; "foo_bar" gets another name, which the message states.
        => VerifyAsync("""
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
                  {|#0:"foo_bar"|}: {
                    "type": "object",
                    "properties": { "b": { "type": "string" } }
                  }
                }
              }
            }
            """,
            uses: """
                public static string? A(global::Telnyx.FooBar x) => x.A;
                public static string? B(global::Telnyx.FooBarModel x) => x.B;
                """,
            Expect(DiagnosticDescriptors.NameCollision, DiagnosticSeverity.Info)
                .WithArguments("FooBar", "FooBarModel", "#/components/schemas/foo_bar"));

    [Fact]
    public Task TLX0006TwoPropertiesWithTheSameMemberName()
        => VerifyAsync("""
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
                      {|#0:"call_id"|}: { "type": "string" }
                    }
                  }
                }
              }
            }
            """,
            uses: """
                public static string? First(global::Telnyx.Participant p) => p.CallId;
                public static string? Second(global::Telnyx.Participant p) => p.CallIdValue;
                """,
            Expect(DiagnosticDescriptors.NameCollision, DiagnosticSeverity.Info)
                .WithArguments("CallId", "CallIdValue", "call_id"));

    // ---- TLX0007 ---------------------------------------------------------------------------------------------

    [Fact]
    public Task TLX0007ReaderWarning()
        // The only warning found in Microsoft.OpenApi 3.11 for JSON input: a $ref to a schema that does not exist.
        // The dangling $ref itself is TLX0004 at the property.
        => VerifyAsync("""
            {
              "openapi": "3.1.0",
              "info": { "title": "Reader warning", "version": "1.0.0" },
              "paths": {},
              "components": {
                "schemas": {
                  "Queue": {
                    "type": "object",
                    "properties": {
                      {|#1:"owner"|}: {
                        {|#0:"$ref"|}: "#/components/schemas/Nowhere"
                      }
                    }
                  }
                }
              }
            }
            """,
            uses: "public static global::System.Text.Json.JsonElement? Owner(global::Telnyx.Queue q) => q.Owner;",
            Expect(DiagnosticDescriptors.ReaderWarning, DiagnosticSeverity.Warning)
                .WithArguments("The schema reference '#/components/schemas/Nowhere' does not point to an existing schema."),
            Expect(DiagnosticDescriptors.UnresolvedReference, DiagnosticSeverity.Warning, 1)
                .WithArguments("#/components/schemas/Nowhere", "#/components/schemas/Queue/properties/owner"));

    // Values Microsoft.OpenApi drops or keeps without a word: found by the JSON pass (KeywordShapeScan), reported at the value.

    [Fact]
    public Task TLX0007ParameterThatIsNotAnObject()
        => VerifyAsync("""
            {
              "openapi": "3.1.0",
              "info": { "title": "Bad parameter", "version": "1.0.0" },
              "paths": {
                "/conferences": {
                  "get": {
                    "operationId": "ListConferences",
                    "parameters": [
                      { "name": "status", "in": "query", "schema": { "type": "string" } },
                      {|#0:"page"|}
                    ],
                    "responses": { "200": { "description": "ok" } }
                  }
                }
              }
            }
            """,
            uses: "public static string? Status(global::Telnyx.ListConferencesParameters p) => p.Status;",
            Expect(DiagnosticDescriptors.ReaderWarning, DiagnosticSeverity.Warning)
                .WithArguments("an entry of 'parameters' must be a Parameter Object or a $ref, not the string \"page\"; the generator leaves it out"));

    [Fact]
    public Task TLX0007RequiredWithANonString()
        => VerifyAsync("""
            {
              "openapi": "3.1.0",
              "info": { "title": "Bad required", "version": "1.0.0" },
              "paths": {},
              "components": {
                "schemas": {
                  "Conference": {
                    "type": "object",
                    "required": ["name", {|#0:7|}],
                    "properties": { "name": { "type": "string" } }
                  }
                }
              }
            }
            """,
            uses: "public static string? Name(global::Telnyx.Conference c) => c.Name;",
            Expect(DiagnosticDescriptors.ReaderWarning, DiagnosticSeverity.Warning)
                .WithArguments("'required' must list property names as strings; the number 7 names no property and is ignored"));

    [Fact]
    public Task TLX0007EnumMixingJsonTypes()
        // null is left out of the mix: it only makes the value nullable.
        => VerifyAsync("""
            {
              "openapi": "3.1.0",
              "info": { "title": "Mixed enum", "version": "1.0.0" },
              "paths": {},
              "components": {
                "schemas": {
                  "Region": {
                    "type": "string",
                    {|#0:"enum"|}: ["eu", "us", 1, null]
                  },
                  "Plan": { "type": ["string", "null"], "enum": ["basic", "pro", null] }
                }
              }
            }
            """,
            uses: "public static global::Telnyx.Plan Basic() => global::Telnyx.Plan.Basic;",
            Expect(DiagnosticDescriptors.ReaderWarning, DiagnosticSeverity.Warning)
                .WithArguments("'enum' mixes JSON types (string, number); only an enum of strings becomes a C# enum, so its values are ignored and the schema is typed by its 'type' alone"));

    [Fact]
    public Task TLX0007MinimumThatIsNotANumber()
        => VerifyAsync("""
            {
              "openapi": "3.1.0",
              "info": { "title": "Bad minimum", "version": "1.0.0" },
              "paths": {},
              "components": {
                "schemas": {
                  "Room": {
                    "type": "object",
                    "properties": {
                      "size": { "type": "integer", {|#0:"minimum"|}: "ten", "maximum": 10 }
                    }
                  }
                }
              }
            }
            """,
            uses: "public static long? Size(global::Telnyx.Room r) => r.Size;",
            Expect(DiagnosticDescriptors.ReaderWarning, DiagnosticSeverity.Warning)
                .WithArguments("'minimum' must be a number, not the string \"ten\"; the bound is ignored"));

    [Fact]
    public Task KeywordNamesUsedAsNamesOrInsideLiteralsAreNotReported()
        // Properties called minimum, required, enum and parameters are names, not keywords; example, default and x-
        // values are any JSON; 'required: true' on a parameter is a flag. No diagnostic at all is expected.
        => VerifyAsync("""
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
            """,
            uses: """
                public static string? Minimum(global::Telnyx.Room r) => r.Minimum;
                public static global::Telnyx.RoomRequired? Required(global::Telnyx.Room r) => r.Required;
                public static global::System.Collections.Generic.IReadOnlyList<string>? Enum(global::Telnyx.Room r) => r.Enum;
                public static global::System.Text.Json.JsonElement? Parameters(global::Telnyx.Room r) => r.Parameters;
                """);

    // ---- TLX0008 ---------------------------------------------------------------------------------------------

    [Fact]
    public Task TLX0008MultipartRequestBody()
        => VerifyAsync("""
            {
              "openapi": "3.1.0",
              "info": { "title": "Upload", "version": "1.0.0" },
              "paths": {
                "/media": {
                  "post": {
                    "operationId": "UploadMedia",
                    {|#0:"requestBody"|}: {
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
            """,
            uses: "public static object Client(global::Telnyx.TelnyxClient c) => c;",
            Expect(DiagnosticDescriptors.UnsupportedBody, DiagnosticSeverity.Info)
                .WithArguments("UploadMedia", "request", "multipart/form-data"));

    // ---- TLX0009 ---------------------------------------------------------------------------------------------

    [Fact]
    public Task TLX0009ListWithoutPageNumberMeta()
        => VerifyAsync("""
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
                            {|#0:"schema"|}: {
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
            """,
            uses: "public static object Client(global::Telnyx.TelnyxClient c) => c;",
            Expect(DiagnosticDescriptors.NotPaginated, DiagnosticSeverity.Info).WithArguments("ListRegions"));

    // ---- helpers ---------------------------------------------------------------------------------------------

    /// <summary>
    /// The descriptor's ID and message format, with the severity the README documents stated on its own (so a
    /// changed descriptor fails here), at markup location <paramref name="location"/> in the spec.
    /// </summary>
    internal static DiagnosticResult Expect(DiagnosticDescriptor descriptor, DiagnosticSeverity documented, int location = 0)
        => new DiagnosticResult(descriptor).WithSeverity(documented).WithLocation(location);

    /// <summary>A spec that generates code: <paramref name="uses"/> (members of a static class) must compile against it.</summary>
    private static Task VerifyAsync(string markedSpec, string uses, params DiagnosticResult[] expected)
        => RunAsync(markedSpec, ConsumerSource + "\n\npublic static class Uses\n{\n" + uses + "\n}\n", generates: true, expected);

    /// <summary>A spec that stops generation: the library then checks that not a single file was generated.</summary>
    private static Task VerifyAsync(string markedSpec, bool generates, params DiagnosticResult[] expected)
        => RunAsync(markedSpec, ConsumerSource, generates, expected);

    private static async Task RunAsync(string markedSpec, string consumer, bool generates, DiagnosticResult[] expected)
    {
        var test = new TelnyxGeneratorTest();
        test.TestState.Sources.Add(consumer);
        test.TestState.AdditionalFiles.Add((SpecPath, markedSpec));
        test.TestState.AnalyzerConfigFiles.Add(new MsBuildEditorConfig().Spec(SpecPath).ToFile());
        test.TestState.ExpectedDiagnostics.AddRange(expected);
        // Generated text is the snapshot tests' concern; here the consumer code checks what it needs. With no
        // GeneratedSources listed and the check on, the library asserts that nothing was generated.
        if (generates) test.TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        await test.RunAsync();
    }
}
