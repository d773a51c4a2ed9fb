using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Telnyx.Generator.OpenApi;

/// <summary>Questions about one schema, answered the same way for 3.0 and 3.1 documents.</summary>
internal static class SchemaFacts
{
    /// <summary>The component name a reference points at, or null for an inline schema.</summary>
    public static string? ReferenceId(IOpenApiSchema schema)
        => schema is OpenApiSchemaReference reference ? reference.Reference?.Id : null;

    /// <summary>3.1 <c>type: [x, "null"]</c>, 3.0 <c>nullable: true</c>, or a <c>{ "type": "null" }</c> branch.</summary>
    public static bool AllowsNull(IOpenApiSchema schema)
    {
        var type = schema.Type;
        if (type.HasValue && (type.Value & JsonSchemaType.Null) != 0) return true;
        if (schema.UnrecognizedKeywords is { } keywords
            && keywords.TryGetValue("nullable", out var nullable)
            && nullable is JsonValue value
            && value.TryGetValue<bool>(out var flag) && flag)
        {
            return true;
        }
        return CountNonNull(schema.OneOf) < (schema.OneOf?.Count ?? 0) || CountNonNull(schema.AnyOf) < (schema.AnyOf?.Count ?? 0);
    }

    /// <summary>How many of <paramref name="branches"/> allow more than null.</summary>
    public static int CountNonNull(IList<IOpenApiSchema>? branches)
    {
        if (branches is null) return 0;
        var count = 0;
        foreach (var branch in branches)
        {
            if (!IsNullOnly(branch)) count++;
        }
        return count;
    }

    /// <summary>The non-null JSON types a schema names (flags), ignoring <c>null</c>.</summary>
    public static JsonSchemaType? NonNullType(IOpenApiSchema schema)
    {
        var type = schema.Type;
        if (!type.HasValue) return null;
        var withoutNull = type.Value & ~JsonSchemaType.Null;
        return withoutNull == 0 ? null : withoutNull;
    }

    public static bool IsNullOnly(IOpenApiSchema schema)
        => schema is not OpenApiSchemaReference && schema.Type == JsonSchemaType.Null
           || (schema is not OpenApiSchemaReference && schema.Const is null && schema.Enum is { Count: 1 } e && IsJsonNull(e[0]) && schema.Type is null);

    /// <summary>
    /// JSON <c>null</c> in a keyword's value. Microsoft.OpenApi keeps it as a sentinel string node, not as a C# null:
    /// taken for a string it became a bogus enum member on the official document.
    /// </summary>
    public static bool IsJsonNull(JsonNode? node) => node is null || JsonNullSentinel.IsJsonNullSentinel(node);

    public static IEnumerable<IOpenApiSchema> Branches(IOpenApiSchema schema)
    {
        if (schema.OneOf is { } oneOf) foreach (var s in oneOf) yield return s;
        if (schema.AnyOf is { } anyOf) foreach (var s in anyOf) yield return s;
    }

    public static bool HasBranches(IOpenApiSchema schema)
        => schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 };

    public static bool HasProperties(IOpenApiSchema schema) => schema.Properties is { Count: > 0 };

    /// <summary>String values of an <c>enum</c> (or a single <c>const</c>); null when the schema is not a string enum.</summary>
    public static List<string>? StringEnumValues(IOpenApiSchema schema)
    {
        if (schema.Enum is not { Count: > 0 } values) return null;
        var result = new List<string>(values.Count);
        foreach (var node in values)
        {
            if (IsJsonNull(node)) continue; // null is expressed through nullability
            if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            {
                result.Add(v.GetValue<string>());
            }
            else
            {
                return null;
            }
        }
        return result.Count > 0 ? result : null;
    }

    public static string? Summary(IOpenApiSchema schema)
    {
        var text = schema.Description;
        if (string.IsNullOrWhiteSpace(text)) text = schema.Title;
        return string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
    }

    public static bool HasTypeFlag(JsonSchemaType? type, JsonSchemaType flag) => type.HasValue && (type.Value & flag) != 0;

    /// <summary>True when the type flags name more than one non-null type (<c>type: [string, integer]</c>).</summary>
    public static bool IsMultiType(JsonSchemaType? type)
    {
        if (!type.HasValue) return false;
        var v = (int)(type.Value & ~JsonSchemaType.Null);
        return v != 0 && (v & (v - 1)) != 0;
    }

    /// <summary>The JSON types a union of a type array has, in <see cref="JsonSchemaType"/> order (integer before number, so 3 reads as an integer).</summary>
    private static readonly JsonSchemaType[] UnionTypeOrder =
    {
        JsonSchemaType.Boolean, JsonSchemaType.Integer, JsonSchemaType.Number, JsonSchemaType.String, JsonSchemaType.Object, JsonSchemaType.Array,
    };

    /// <summary>
    /// The branches <c>type: [integer, string]</c> stands for: one schema per non-null type, each keeping the keywords
    /// that apply to its type (format; items; properties, required, additionalProperties), as the equivalent
    /// <c>oneOf: [{type: integer}, {type: string}]</c> would spell them. The order does not follow the document's,
    /// which 3.1 readers do not keep, so 3.0 and 3.1 documents give the same union.
    /// </summary>
    public static List<IOpenApiSchema> TypeBranches(IOpenApiSchema schema)
    {
        var result = new List<IOpenApiSchema>();
        var types = NonNullType(schema) ?? 0;
        foreach (var type in UnionTypeOrder)
        {
            if ((types & type) == 0) continue;
            var branch = new OpenApiSchema { Type = type };
            switch (type)
            {
                case JsonSchemaType.String or JsonSchemaType.Integer or JsonSchemaType.Number:
                    branch.Format = schema.Format;
                    break;
                case JsonSchemaType.Array:
                    branch.Items = schema.Items;
                    break;
                case JsonSchemaType.Object:
                    if (schema.Properties is { } properties) branch.Properties = properties;
                    if (schema.Required is { } required) branch.Required = required;
                    branch.AdditionalProperties = schema.AdditionalProperties;
                    branch.AdditionalPropertiesAllowed = schema.AdditionalPropertiesAllowed;
                    break;
            }
            result.Add(branch);
        }
        return result;
    }

    public static string EscapePointerSegment(string segment) => segment.Replace("~", "~0").Replace("/", "~1");
}
