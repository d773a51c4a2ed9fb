using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Telnyx.Generator.Tests;

/// <summary>
/// A number, string, boolean, null or array where a schema or another object belongs is a located TLX0007 and is read
/// as <c>{}</c>: never TLX0099 (Microsoft.OpenApi throws on some and keeps null for others), and the rest is generated.
/// </summary>
public class WrongKindTests
{
    [Fact]
    public void ComponentSchemaThatIsANumberIsReportedAtItsValueAndTheRestIsGenerated()
    {
        const string spec = """
            {
              "openapi": "3.1.0",
              "info": { "title": "Kinds", "version": "1.0.0" },
              "paths": {},
              "components": { "schemas": {
                "Broken": 42,
                "Holder": { "type": "object", "properties": {
                  "broken": { "$ref": "#/components/schemas/Broken" },
                  "also": null,
                  "name": { "type": "string" },
                  "map": { "type": "object", "additionalProperties": "yes" }
                } }
              } }
            }
            """;
        var (_, result, output, diagnostics) = GeneratorHarness.Run(spec);

        var all = diagnostics.Concat(result.Diagnostics).Distinct().ToList();
        Assert.DoesNotContain(all, d => d.Id is "TLX0099" or "CS8785");
        var wrongKind = all.Where(d => d.Id == "TLX0007").ToList();
        var lines = spec.Split('\n');
        foreach (var (value, key) in new[] { ("42", "\"Broken\""), ("null", "\"also\""), ("\"yes\"", "\"additionalProperties\"") })
        {
            var d = Assert.Single(wrongKind, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("not " + (value == "null" ? "null" : value.StartsWith('"') ? "the string " + value : "the number " + value), StringComparison.Ordinal));
            var at = d.Location.GetLineSpan().StartLinePosition;
            Assert.StartsWith(key, lines[at.Line].Substring(at.Character), StringComparison.Ordinal);
        }
        var holder = result.GeneratedTrees.Single(t => t.FilePath.EndsWith("Telnyx.Holder.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("public global::System.Text.Json.JsonElement? Broken {", holder);
        Assert.Contains("public string? Name {", holder);
        Assert.Empty(CompileTests.Problems(output.GetDiagnostics()));
    }

    [Fact]
    public void ValuesThatAreNotObjectsWhereTheSpecAllowsItAreNotReported()
    {
        // Link request bodies and parameters are runtime expressions, scopes and mappings are strings, security
        // requirements map to arrays, additionalProperties and unevaluatedProperties may be booleans, x- keys of a
        // name map are extensions.
        const string spec = """
            {
              "openapi": "3.1.0",
              "info": { "title": "Kinds", "version": "1.0.0" },
              "security": [ { "bearer": [] } ],
              "paths": {
                "x-note": "extension",
                "/things/{id}": { "get": {
                  "operationId": "getThing",
                  "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ],
                  "responses": {
                    "x-note": 1,
                    "200": { "description": "ok",
                      "links": { "self": { "operationId": "getThing", "parameters": { "id": "$response.body#/id" }, "requestBody": "$request.body" } },
                      "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } }
                  }
                } }
              },
              "components": {
                "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer" },
                  "oauth": { "type": "oauth2", "flows": { "clientCredentials": { "tokenUrl": "https://x.invalid", "scopes": { "read": "Read things" } } } } },
                "schemas": {
                  "Thing": { "type": "object", "additionalProperties": false, "unevaluatedProperties": true,
                    "properties": { "id": { "type": "string" }, "kind": { "$ref": "#/components/schemas/Kind" } } },
                  "Kind": { "oneOf": [ { "$ref": "#/components/schemas/A" }, { "$ref": "#/components/schemas/B" } ],
                    "discriminator": { "propertyName": "t", "mapping": { "a": "#/components/schemas/A", "b": "#/components/schemas/B" } } },
                  "A": { "type": "object", "properties": { "t": { "type": "string" } } },
                  "B": { "type": "object", "properties": { "t": { "type": "string" } } }
                }
              }
            }
            """;
        var (_, result, output, diagnostics) = GeneratorHarness.Run(spec);

        var reported = diagnostics.Concat(result.Diagnostics)
            .Where(d => d.Id == "TLX0007" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("must be a JSON object", StringComparison.Ordinal))
            .ToList();
        Assert.True(reported.Count == 0, string.Join("\n", reported));
        Assert.Contains(result.GeneratedTrees, t => t.FilePath.EndsWith("Telnyx.Thing.g.cs", StringComparison.Ordinal));
        Assert.Empty(CompileTests.Problems(output.GetDiagnostics()));
    }
}
