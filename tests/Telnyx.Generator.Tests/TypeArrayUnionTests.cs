using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Telnyx.Generator.Tests;

/// <summary>
/// <c>type: [integer, string]</c> is the union <c>oneOf: [{type: integer}, {type: string}]</c> gives, with the same name
/// and API, in 3.1 documents and (read leniently) in 3.0 documents; <c>[x, "null"]</c> stays a nullable x.
/// </summary>
public class TypeArrayUnionTests
{
    /// <summary>
    /// One document with the schema under test in every place a schema can be: a component, an inline property, array
    /// items, a query parameter, an inline request body and a response.
    /// </summary>
    private static string Document(string version, string schema) => $$"""
        {
          "openapi": "{{version}}",
          "info": { "title": "Unions", "version": "1.0.0" },
          "paths": {
            "/plays": {
              "get": {
                "operationId": "ListPlays",
                "parameters": [ { "name": "loop", "in": "query", "schema": {{schema}} } ],
                "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Play" } } } } }
              },
              "post": {
                "operationId": "CreatePlay",
                "requestBody": { "content": { "application/json": { "schema": {
                  "type": "object", "required": ["loop"], "properties": { "loop": {{schema}}, "name": { "type": "string" } } } } } },
                "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": {{schema}} } } } }
              }
            }
          },
          "components": { "schemas": {
            "Loop": {{schema}},
            "Play": { "type": "object", "properties": {
              "loop": {{schema}},
              "loops": { "type": "array", "items": {{schema}} },
              "shared": { "$ref": "#/components/schemas/Loop" }
            } }
          } }
        }
        """;

    private const string Described = "\"description\": \"How many times to play: a count or 'infinity'.\"";

    private static string TypeArray(params string[] types) => "{ \"type\": [" + string.Join(", ", types.Select(t => "\"" + t + "\"")) + "], " + Described + " }";

    private static string OneOf(params string[] types) => "{ \"oneOf\": [" + string.Join(", ", types.Select(t => "{ \"type\": \"" + t + "\" }")) + "], " + Described + " }";

    private static (Dictionary<string, string> Files, List<Diagnostic> Reported, Compilation Output) Generate(string spec, string consumer)
    {
        var (_, result, output, diagnostics) = GeneratorHarness.Run(spec, GeneratorHarness.SpecPath, consumer);
        Assert.Null(result.Results.Single().Exception);
        var files = result.GeneratedTrees.ToDictionary(t => System.IO.Path.GetFileName(t.FilePath), t => t.ToString(), StringComparer.Ordinal);
        return (files, diagnostics.Concat(result.Diagnostics).Distinct().ToList(), output);
    }

    private static void AssertSameOutput(Dictionary<string, string> expected, Dictionary<string, string> actual, string label)
    {
        Assert.Equal(expected.Keys.OrderBy(k => k, StringComparer.Ordinal), actual.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var (name, text) in expected)
        {
            Assert.True(text == actual[name], label + ": " + name + " differs from the oneOf form:\n" + actual[name]);
        }
    }

    private static void AssertCompilesStrictly(Compilation output, IEnumerable<Diagnostic> reported, string label)
    {
        var generatorWarnings = reported.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(generatorWarnings.Count == 0, label + ": " + string.Join("\n", generatorWarnings));
        var strict = output.WithOptions(((CSharpCompilationOptions)output.Options).WithWarningLevel(9999).WithGeneralDiagnosticOption(ReportDiagnostic.Error));
        var problems = CompileTests.Problems(strict.GetDiagnostics());
        Assert.True(problems.Count == 0, label + ":\n" + string.Join("\n", problems.Take(20)));
    }

    private const string UnionConsumer = """
        namespace Consumer;

        public static class Usage
        {
            public static global::Telnyx.Play Count() => new() { Loop = 3, Shared = "infinity", Loops = new global::Telnyx.PlayLoopModel[] { 1, "two" } };

            public static string Describe(global::Telnyx.Loop loop)
                => loop.IsInteger ? "n=" + loop.AsInteger!.Value : loop.IsString ? loop.AsString! : loop.Raw?.ToString() ?? "";
        }
        """;

    [Fact]
    public void TypeArrayIsTheSameUnionAsTheEquivalentOneOfIn31And30()
    {
        var (oneOf, oneOfReported, oneOfOutput) = Generate(Document("3.1.0", OneOf("integer", "string")), UnionConsumer);
        AssertCompilesStrictly(oneOfOutput, oneOfReported, "oneOf");
        Assert.Contains("public static implicit operator Loop(long value) => FromInteger(value);", oneOf["Telnyx.Loop.g.cs"]);
        Assert.Contains("public static implicit operator PlayLoop(string value) => FromString(value);", oneOf["Telnyx.PlayLoop.g.cs"]);

        foreach (var version in new[] { "3.1.0", "3.0.3" })
        {
            // The document's order does not matter: integer is tried before string either way.
            foreach (var types in new[] { new[] { "integer", "string" }, new[] { "string", "integer" } })
            {
                var label = version + " [" + string.Join(", ", types) + "]";
                var (files, reported, output) = Generate(Document(version, TypeArray(types)), UnionConsumer);
                Assert.DoesNotContain(reported, d => d.Id is "TLX0005" or "TLX0007");
                AssertCompilesStrictly(output, reported, label);
                AssertSameOutput(oneOf, files, label);
            }
        }
    }

    [Fact]
    public void TypeArrayWithNullIsANullableUnion()
    {
        const string consumer = """
            namespace Consumer;

            public static class Usage
            {
                public static global::Telnyx.Play Cleared() => new() { Loop = null, Shared = 2 };
            }
            """;
        var (oneOf, reported, output) = Generate(Document("3.1.0", OneOf("integer", "string", "null")), consumer);
        AssertCompilesStrictly(output, reported, "oneOf with null");
        Assert.Contains("public global::Telnyx.PlayLoop? Loop {", oneOf["Telnyx.Play.g.cs"]);
        Assert.Contains("Nullable in the API", oneOf["Telnyx.Play.g.cs"]);

        var forms = new (string Version, string Schema)[]
        {
            ("3.1.0", TypeArray("integer", "string", "null")),
            ("3.0.3", TypeArray("integer", "null", "string")),
            // 3.0 spells null as nullable: true; the reader may meet the type array after it or before it.
            ("3.0.3", "{ \"nullable\": true, \"type\": [\"integer\", \"string\"], " + Described + " }"),
            ("3.0.3", "{ \"type\": [\"integer\", \"string\"], \"nullable\": true, " + Described + " }"),
        };
        foreach (var (version, schema) in forms)
        {
            var (files, formReported, formOutput) = Generate(Document(version, schema), consumer);
            AssertCompilesStrictly(formOutput, formReported, version + " " + schema);
            AssertSameOutput(oneOf, files, version + " " + schema);
        }
    }

    [Fact]
    public void TypeArrayOfOneTypeAndNullStaysANullableValue()
    {
        const string consumer = """
            namespace Consumer;

            public static class Usage
            {
                public static global::Telnyx.Play Cleared() => new() { Loop = null, Loops = new long[] { 1, 2 } };
            }
            """;
        var (reference, reported, output) = Generate(Document("3.1.0", "{ \"type\": [\"integer\", \"null\"], " + Described + " }"), consumer);
        AssertCompilesStrictly(output, reported, "3.1 [integer, null]");
        Assert.Contains("public long? Loop {", reference["Telnyx.Play.g.cs"]);
        Assert.DoesNotContain(reference.Keys, k => k.Contains("Loop", StringComparison.Ordinal) && k != "Telnyx.Play.g.cs" && !k.Contains("Resource", StringComparison.Ordinal));

        foreach (var schema in new[] { "{ \"type\": [\"null\", \"integer\"], " + Described + " }", "{ \"type\": \"integer\", \"nullable\": true, " + Described + " }" })
        {
            var (files, formReported, formOutput) = Generate(Document("3.0.3", schema), consumer);
            AssertCompilesStrictly(formOutput, formReported, "3.0 " + schema);
            AssertSameOutput(reference, files, "3.0 " + schema);
        }
    }

    [Fact]
    public void ObjectAndArrayMembersOfATypeArrayKeepTheirKeywords()
    {
        // [object, array, string] with properties and items: the object case is a record with the properties, the
        // array case a list of the items, exactly as the oneOf spelling with those keywords in its branches.
        const string properties = "\"properties\": { \"url\": { \"type\": \"string\" } }, \"required\": [\"url\"]";
        const string items = "\"items\": { \"type\": \"integer\" }";
        var typeArray = "{ \"type\": [\"object\", \"array\", \"string\"], " + properties + ", " + items + ", " + Described + " }";
        var oneOf = "{ \"oneOf\": [ { \"type\": \"string\" }, { \"type\": \"object\", " + properties + " }, { \"type\": \"array\", " + items + " } ], " + Described + " }";
        const string consumer = "namespace Consumer; public static class Usage { public static global::Telnyx.Loop Make() => new global::Telnyx.LoopVariant2 { Url = \"u\" }; }";

        var (expected, reported, output) = Generate(Document("3.1.0", oneOf), consumer);
        AssertCompilesStrictly(output, reported, "oneOf");
        Assert.Contains("public required string Url {", expected["Telnyx.CreatePlayRequestLoopVariant2.g.cs"]);
        foreach (var version in new[] { "3.1.0", "3.0.3" })
        {
            var (files, formReported, formOutput) = Generate(Document(version, typeArray), consumer);
            AssertCompilesStrictly(formOutput, formReported, version);
            AssertSameOutput(expected, files, version);
        }
    }

    [Fact]
    public void UnknownNameInA30TypeArrayIsReportedWhereItIs()
    {
        var spec = Document("3.0.3", "{ \"type\": [\"integer\", \"banana\", \"string\"] }");
        var (files, reported, output) = Generate(spec, "namespace Consumer; public static class M { }");
        var banana = reported.Where(d => d.Id == "TLX0007" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("banana", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(banana);
        var lines = spec.Split('\n');
        foreach (var d in banana)
        {
            var line = d.Location.GetLineSpan().StartLinePosition;
            Assert.Contains("\"banana\"", lines[line.Line].Substring(line.Character), StringComparison.Ordinal);
        }
        Assert.Contains("Telnyx.Loop.g.cs", files.Keys); // still the [integer, string] union
        Assert.Empty(CompileTests.Problems(output.GetDiagnostics()));
    }
}
