using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using Telnyx.Generator.Diagnostics;
using Telnyx.Generator.Helpers;
using Telnyx.Generator.Naming;
using Telnyx.Generator.OpenApi;

namespace Telnyx.Generator.Modeling.Builders;

/// <summary>Request and response bodies: media type choice, envelopes, pagination.</summary>
internal sealed partial class ModelBuilder
{
    /// <summary>What the method sends: a JSON body's type, or the media type of raw bytes.</summary>
    private readonly record struct RequestBodyFacts(TypeRef? Type, string? RawMediaType, bool IsRequired, bool CanBeEmpty, bool HasCommandId);

    private RequestBodyFacts BuildRequestBody(OpenApiOperation operation, string operationId, string baseName, string pointer)
    {
        TypeRef? body = null;
        string? rawBodyMediaType = null;
        var bodyRequired = false;
        var hasCommandId = false;
        var bodyCanBeEmpty = false;
        if (operation.RequestBody is OpenApiRequestBodyReference { Target: null } danglingBody)
        {
            // The body's shape is unknown: the method still takes raw bytes rather than dropping the body.
            Report(DiagnosticDescriptorId.UnresolvedReference, pointer + "/requestBody", danglingBody.Reference?.ReferenceV3 ?? "(unknown)", "the request body (raw bytes)");
            rawBodyMediaType = "application/octet-stream";
        }
        else if (operation.RequestBody is { } requestBodyOrReference
            && (requestBodyOrReference is OpenApiRequestBodyReference bodyReference ? bodyReference.Target : requestBodyOrReference) is { } requestBody)
        {
            // A reference resolves on every member access: its target is read instead.
            var (mediaType, media) = JsonMedia(requestBody.Content);
            if (media is null)
            {
                // Not JSON (multipart uploads, raw audio...): the method takes the encoded bytes and their media type.
                rawBodyMediaType = requestBody.Content?.Keys.OrderBy(k => k, StringComparer.Ordinal).FirstOrDefault() ?? "application/octet-stream";
                Report(DiagnosticDescriptorId.UnsupportedBody, pointer + "/requestBody", operationId, "request", string.Join(", ", requestBody.Content?.Keys ?? Array.Empty<string>()));
                bodyRequired = requestBody.Required;
            }
            else
            {
                body = Resolve(media.Schema, TypeNameHint.Exact(TypeNames.RequestBody(baseName)), pointer + "/requestBody/content/" + SchemaFacts.EscapePointerSegment(mediaType!) + "/schema");
                bodyRequired = requestBody.Required;
                var bodyObject = body.Kind == TypeKind.Object && _types.TryGetValue(body.Name!, out var bodyModel) ? bodyModel as ObjectModel : null;
                hasCommandId = bodyObject is not null && bodyObject.Properties.Any(p => p.JsonName == "command_id" && p.Type.Kind == TypeKind.String);
                bodyCanBeEmpty = bodyObject is not null && !bodyObject.Properties.Any(p => p.IsRequired);
            }
        }
        return new RequestBodyFacts(body, rawBodyMediaType, bodyRequired, bodyCanBeEmpty, hasCommandId);
    }

    private static (string? MediaType, IOpenApiMediaType? Media) JsonMedia(IDictionary<string, IOpenApiMediaType>? content)
    {
        if (content is null) return (null, null);
        foreach (var pair in content.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var type = pair.Key.ToLowerInvariant();
            if (type.StartsWith("application/json", StringComparison.Ordinal) || type.Contains("+json") || type == "*/*")
            {
                return (pair.Key, pair.Value);
            }
        }
        return (null, null);
    }

    private (ResponseShape, TypeRef?) BuildResponse(OpenApiOperation operation, string operationId, string baseName, string pointer)
    {
        if (operation.Responses is null) return (ResponseShape.None, null);
        var success = operation.Responses
            .Where(r => r.Key.Length == 3 && r.Key[0] == '2')
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .FirstOrDefault();
        if (success.Value is null) return (ResponseShape.None, null);
        var responsePointer = pointer + "/responses/" + success.Key;
        if (success.Value is OpenApiResponseReference responseReference && responseReference.Target is null)
        {
            // The body shape is unknown: the caller gets the raw response rather than nothing.
            Report(DiagnosticDescriptorId.UnresolvedReference, responsePointer, responseReference.Reference?.ReferenceV3 ?? "(unknown)", "the response (raw)");
            return (ResponseShape.Raw, null);
        }
        // A reference resolves on every member access: read its content once.
        var responseContent = success.Value is OpenApiResponseReference reference ? reference.Target?.Content : success.Value.Content;
        var (mediaType, media) = JsonMedia(responseContent);
        if (media?.Schema is null)
        {
            if (responseContent is { Count: > 0 } content)
            {
                // Audio, CSV, PDF...: the caller gets the raw response (status, headers, bytes), never nothing.
                Report(DiagnosticDescriptorId.UnsupportedBody, responsePointer, operationId, "response", string.Join(", ", content.Keys));
                return (ResponseShape.Raw, null);
            }
            return (ResponseShape.None, null);
        }
        var schemaPointer = responsePointer + "/content/" + SchemaFacts.EscapePointerSegment(mediaType!) + "/schema";
        var schema = media.Schema;
        var target = TargetOf(schema);

        // { "data": X } and { "data": [X], "meta": PaginationMeta } envelopes are unwrapped.
        if (target?.Properties is { } props && props.TryGetValue("data", out var dataSchema)
            && props.Keys.All(k => k is "data" or "meta" or "url"))
        {
            var dataTarget = TargetOf(dataSchema);
            var isArray = dataTarget is not null && SchemaFacts.ReferenceId(dataSchema) is null
                && (SchemaFacts.HasTypeFlag(SchemaFacts.NonNullType(dataTarget), JsonSchemaType.Array) || dataTarget.Items is not null);
            if (isArray)
            {
                var itemType = Resolve(dataTarget!.Items, TypeNameHint.Exact(TypeNames.ListItem(baseName)), schemaPointer + "/properties/data/items");
                if (props.TryGetValue("meta", out var metaSchema) && IsPageNumberMeta(metaSchema))
                {
                    return (ResponseShape.Paged, itemType);
                }
                Report(DiagnosticDescriptorId.NotPaginated, schemaPointer, operationId);
                return (ResponseShape.DataEnvelope, TypeRef.ArrayOf(itemType));
            }
            if (!props.ContainsKey("meta"))
            {
                return (ResponseShape.DataEnvelope, Resolve(dataSchema, TypeNameHint.Exact(TypeNames.ResponseData(baseName)), schemaPointer + "/properties/data"));
            }
        }
        return (ResponseShape.Body, Resolve(schema, TypeNameHint.Exact(TypeNames.ResponseBody(baseName)), schemaPointer));
    }

    private bool IsPageNumberMeta(IOpenApiSchema schema)
        => TargetOf(schema)?.Properties is { } p && p.ContainsKey("page_number") && p.ContainsKey("total_pages");
}
