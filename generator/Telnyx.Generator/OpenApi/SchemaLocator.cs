using System;
using System.Collections;
using System.Collections.Generic;
using Microsoft.OpenApi;

namespace Telnyx.Generator.OpenApi;

/// <summary>
/// Finds the parsed schema a JSON pointer of the text names (<c>#/components/schemas/A/properties/b</c>), so a fact the
/// raw scan found can be put on the object Microsoft.OpenApi built. Only the places schemas live are walked; a pointer
/// through anything else (or a <c>$ref</c>) finds nothing.
/// </summary>
internal static class SchemaLocator
{
    public static OpenApiSchema? Find(OpenApiDocument document, string pointer)
    {
        if (!pointer.StartsWith("#/", StringComparison.Ordinal)) return null;
        object? node = document;
        foreach (var raw in pointer.Substring(2).Split('/'))
        {
            node = Step(node, raw.Replace("~1", "/").Replace("~0", "~"));
            if (node is null) return null;
        }
        return node as OpenApiSchema;
    }

    private static object? Step(object? node, string segment) => node switch
    {
        OpenApiDocument d => segment switch
        {
            "components" => d.Components,
            "paths" => d.Paths,
            "webhooks" => d.Webhooks,
            _ => null,
        },
        OpenApiComponents c => segment switch
        {
            "schemas" => c.Schemas,
            "parameters" => c.Parameters,
            "responses" => c.Responses,
            "requestBodies" => c.RequestBodies,
            "headers" => c.Headers,
            "pathItems" => c.PathItems,
            _ => null,
        },
        OpenApiPathItem item => segment == "parameters" ? item.Parameters : Operation(item, segment),
        OpenApiOperation op => segment switch
        {
            "parameters" => op.Parameters,
            "requestBody" => op.RequestBody,
            "responses" => op.Responses,
            _ => null,
        },
        OpenApiParameter p => segment switch
        {
            "schema" => p.Schema,
            "content" => p.Content,
            _ => null,
        },
        OpenApiHeader h => segment switch
        {
            "schema" => h.Schema,
            "content" => h.Content,
            _ => null,
        },
        OpenApiRequestBody b => segment == "content" ? b.Content : null,
        OpenApiResponse r => segment switch
        {
            "content" => r.Content,
            "headers" => r.Headers,
            _ => null,
        },
        OpenApiMediaType m => segment == "schema" ? m.Schema : null,
        OpenApiSchema s => segment switch
        {
            "properties" => s.Properties,
            "patternProperties" => s.PatternProperties,
            "items" => s.Items,
            "additionalProperties" => s.AdditionalProperties,
            "not" => s.Not,
            "allOf" => s.AllOf,
            "anyOf" => s.AnyOf,
            "oneOf" => s.OneOf,
            _ => null,
        },
        // References are left alone: their target is found through its own pointer.
        IOpenApiReferenceHolder => null,
        IDictionary map => map.Contains(segment) ? map[segment] : null,
        IList list => int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) && i < list.Count ? list[i] : null,
        _ => null,
    };

    private static OpenApiOperation? Operation(OpenApiPathItem item, string method)
    {
        if (item.Operations is null) return null;
        foreach (var pair in item.Operations)
        {
            if (string.Equals(pair.Key.Method, method, StringComparison.OrdinalIgnoreCase)) return pair.Value;
        }
        return null;
    }
}
