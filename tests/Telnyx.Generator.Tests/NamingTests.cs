using System.IO;
using System.Linq;

namespace Telnyx.Generator.Tests;

/// <summary>Names of inline types: parent + member, without doubling the word where they meet.</summary>
public class NamingTests
{
    [Fact]
    public void QualifiedInlineNamesDoNotRepeatTheWordWhereParentAndMemberMeet()
    {
        // Both schemas have an inline "event_status" enum with different values: the first takes the short name
        // EventStatus, the second is qualified by its parent: BEvent + EventStatus -> BEventStatus, not BEventEventStatus.
        const string spec = """
            {
              "openapi": "3.1.0",
              "info": { "title": "Naming", "version": "1.0.0" },
              "paths": {},
              "components": { "schemas": {
                "AEvent": { "type": "object", "properties": { "event_status": { "type": "string", "enum": ["on", "off"] } } },
                "BEvent": { "type": "object", "properties": { "event_status": { "type": "string", "enum": ["up", "down"] }, "status_note": { "type": "object", "properties": { "text": { "type": "string" } } } } },
                "Agent": { "type": "object", "properties": { "call_mode": { "type": "string", "enum": ["a", "b"] } } },
                "QueueCall": { "type": "object", "properties": { "call_mode": { "type": "string", "enum": ["x", "y"] } } }
              } }
            }
            """;

        var (_, result, output, _) = GeneratorHarness.Run(spec);

        var types = result.GeneratedTrees.Select(t => Path.GetFileName(t.FilePath)).ToList();
        Assert.Contains("Telnyx.EventStatus.g.cs", types);
        Assert.Contains("Telnyx.BEventStatus.g.cs", types);
        Assert.DoesNotContain(types, t => t.Contains("EventEvent", System.StringComparison.Ordinal));
        Assert.Contains("Telnyx.BEventStatusNote.g.cs", types); // no shared word: plain concatenation
        Assert.Contains("Telnyx.CallMode.g.cs", types);
        Assert.Contains("Telnyx.QueueCallMode.g.cs", types); // QueueCall + CallMode, not QueueCallCallMode
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }

    [Fact]
    public void SpecNamesNeverTakeAMemberTheGeneratorEmits()
    {
        // Property names that are the record's own members, fields or reader locals (additional_properties, present0
        // beside the presence word _present0 and the reader's present0), enum values that are the struct's members, a union named
        // IsString with a String case, a case type called Unknown (IsUnknown), and type names that differ only in case.
        const string spec = """
            {
              "openapi": "3.1.0",
              "info": { "title": "Naming", "version": "1.0.0" },
              "paths": {},
              "components": { "schemas": {
                "Holder": { "type": "object", "properties": {
                  "additional_properties": { "type": ["string", "null"] },
                  "present0": { "type": ["string", "null"] },
                  "property_index": { "type": "string" },
                  "read_json": { "type": "string" },
                  "reference_equals": { "type": "string" },
                  "holder": { "type": "string" }
                } },
                "Mode": { "type": "string", "enum": ["value", "to_string", "read_json", "is_known", "equals"] },
                "IsString": { "oneOf": [ { "type": "string" }, { "type": "integer" } ] },
                "Unknown": { "type": "object", "properties": { "x": { "type": "string" } } },
                "WithUnknown": { "oneOf": [ { "$ref": "#/components/schemas/Unknown" }, { "type": "string" } ] },
                "FooBar": { "type": "object", "properties": { "a": { "type": "string" } } },
                "Foobar": { "type": "string", "enum": ["x"] },
                "ReadJson": { "type": "object", "properties": { "b": { "type": "string" } } }
              } }
            }
            """;

        var (_, result, output, _) = GeneratorHarness.Run(spec);

        var files = result.GeneratedTrees.ToDictionary(t => Path.GetFileName(t.FilePath), t => t.ToString());
        var holder = files["Telnyx.Holder.g.cs"];
        Assert.Contains("public string? AdditionalProperties {", holder);
        Assert.Contains("? AdditionalJsonProperties {", holder);
        // Auto-properties: no backing fields to clash with; the presence word and the reader's locals stay apart.
        Assert.Contains("public string? AdditionalProperties { get; init { field = value; _present0 |= 0x1UL; } }", holder);
        Assert.Contains("public string? Present0 { get; init { field = value; _present0 |= 0x2UL; } }", holder);
        var holderJson = files["Telnyx.Holder.Json.g.cs"];
        Assert.Contains("AdditionalProperties = additionalProperties,", holderJson);
        Assert.Contains("Present0 = present02,", holderJson);
        Assert.Contains("AdditionalJsonProperties = extra,", holderJson);
        Assert.Contains("result._present0 = present0;", holderJson);
        Assert.Contains("public string? PropertyIndexValue {", holder);
        Assert.Contains("public string? ReadJsonValue {", holder);
        Assert.Contains("public string? ReferenceEqualsValue {", holder);
        Assert.Contains("public string? HolderValue {", holder);

        var mode = files["Telnyx.Mode.g.cs"];
        foreach (var member in new[] { "Value2", "ToString2", "ReadJson2", "IsKnown2", "Equals2" })
        {
            Assert.Contains("public static Mode " + member + " { get; }", mode);
        }
        Assert.Contains("public bool IsString2 =>", files["Telnyx.IsString.g.cs"]);
        Assert.Contains("public bool IsUnknown2 =>", files["Telnyx.WithUnknown.g.cs"]);
        Assert.Contains("Telnyx.FooBar.g.cs", files.Keys);
        Assert.Contains("Telnyx.FoobarModel.g.cs", files.Keys);
        Assert.Contains("Telnyx.ReadJsonModel.g.cs", files.Keys);
        Assert.Empty(CompileTests.Problems(output.GetDiagnostics()));
    }
}
