using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using Microsoft.OpenApi;
using Telnyx.Generator.Model;
using Telnyx.Generator.Naming;

namespace Telnyx.Generator.Spec;

internal sealed partial class ModelBuilder
{
    private static readonly HttpMethod PatchMethod = new("PATCH");

    private static readonly (HttpMethod Method, string Name)[] Methods =
    {
        (HttpMethod.Get, "GET"), (HttpMethod.Post, "POST"), (HttpMethod.Put, "PUT"), (PatchMethod, "PATCH"), (HttpMethod.Delete, "DELETE"),
    };

    private EquatableArray<OperationModel> BuildOperations()
    {
        var result = new List<OperationModel>();
        var methodNames = new Dictionary<string, NameScope>(StringComparer.Ordinal);
        if (_document.Paths is null) return EquatableArray<OperationModel>.Empty;

        foreach (var path in _document.Paths.Keys.OrderBy(p => p, StringComparer.Ordinal))
        {
            var item = _document.Paths[path];
            if (item?.Operations is null) continue;
            foreach (var (method, methodName) in Methods)
            {
                if (!TryGetOperation(item.Operations, method, out var operation)) continue;
                _cancellationToken.ThrowIfCancellationRequested();
                var pointer = "#/paths/" + SchemaFacts.EscapePointerSegment(path) + "/" + methodName.ToLowerInvariant();
                var built = BuildOperation(path, methodName, item, operation, pointer, methodNames);
                if (built is not null) result.Add(built);
            }
        }
        return result.ToEquatableArray();
    }

    private static bool TryGetOperation(Dictionary<HttpMethod, OpenApiOperation> operations, HttpMethod method, out OpenApiOperation operation)
    {
        foreach (var pair in operations)
        {
            if (string.Equals(pair.Key.Method, method.Method, StringComparison.OrdinalIgnoreCase))
            {
                operation = pair.Value;
                return true;
            }
        }
        operation = null!;
        return false;
    }

    private OperationModel? BuildOperation(
        string path, string httpMethod, IOpenApiPathItem item, OpenApiOperation operation, string pointer, Dictionary<string, NameScope> methodNames)
    {
        var operationId = string.IsNullOrWhiteSpace(operation.OperationId)
            ? Identifiers.ToPascalCase(httpMethod.ToLowerInvariant() + " " + path, "Operation")
            : operation.OperationId!;
        var baseName = Identifiers.ToTypeName(operationId, "Operation");

        var (resources, verb) = ResourceAndVerb(path, httpMethod, baseName);
        var groupKey = string.Join(".", resources);
        if (!methodNames.TryGetValue(groupKey, out var scope))
        {
            scope = new NameScope(resources.Length > 0 ? new[] { "Actions", resources[resources.Length - 1] } : Array.Empty<string>());
            methodNames[groupKey] = scope;
        }
        var methodName = scope.Claim(verb, baseName);
        if (methodName != verb) Report(DiagnosticDescriptorId.NameCollision, pointer, groupKey + "." + verb, methodName, operationId);

        // Parameters: the operation's override the path item's by (name, in).
        var parameters = new List<(IOpenApiParameter Parameter, string Pointer)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        AddParameters(operation.Parameters, pointer + "/parameters", parameters, seen);
        AddParameters(item.Parameters, "#/paths/" + SchemaFacts.EscapePointerSegment(path) + "/parameters", parameters, seen);

        var pathParameters = new List<ParameterModel>();
        var queryParameters = new List<ParameterModel>();
        var parameterNames = new NameScope(new[] { "request", "options", "cancellationToken" });
        var queryMembers = new NameScope(ReservedMemberNames.Concat(new[] { baseName + "Parameters", "PageSize" }));
        foreach (var (parameter, parameterPointer) in parameters)
        {
            if (parameter.Name is null) continue;
            if (parameter.In == Microsoft.OpenApi.ParameterLocation.Path)
            {
                var name = parameterNames.Claim(Identifiers.ToCamelCase(parameter.Name));
                pathParameters.Add(new ParameterModel(parameter.Name, name, Model.ParameterLocation.Path, TypeRef.String, true,
                    parameter.Description, "simple", EquatableArray<PropertyModel>.Empty));
            }
            else if (parameter.In == Microsoft.OpenApi.ParameterLocation.Query)
            {
                if (parameter.Name == "page" || parameter.Name.StartsWith("page[", StringComparison.Ordinal)) continue; // the pager owns paging
                var memberName = queryMembers.Claim(Identifiers.ToPascalCase(parameter.Name, "Parameter"));
                var isDeepObject = parameter.Style == ParameterStyle.DeepObject;
                var type = Resolve(parameter.Schema, new NameHint(baseName + memberName, baseName + memberName), parameterPointer + "/schema");
                queryParameters.Add(new ParameterModel(parameter.Name, memberName, Model.ParameterLocation.Query, type, parameter.Required,
                    parameter.Description, isDeepObject ? "deepObject" : "form", EquatableArray<PropertyModel>.Empty));
            }
        }
        // Path placeholders that no parameter declares still need an argument.
        foreach (var placeholder in Placeholders(path))
        {
            if (pathParameters.Any(p => p.JsonName == placeholder)) continue;
            var name = parameterNames.Claim(Identifiers.ToCamelCase(placeholder));
            pathParameters.Add(new ParameterModel(placeholder, name, Model.ParameterLocation.Path, TypeRef.String, true, null, "simple", EquatableArray<PropertyModel>.Empty));
        }
        // Keep path order.
        var order = Placeholders(path).ToList();
        pathParameters = pathParameters.OrderBy(p => order.IndexOf(p.JsonName) < 0 ? int.MaxValue : order.IndexOf(p.JsonName)).ToList();

        // Request body.
        TypeRef? body = null;
        var bodyRequired = false;
        var hasCommandId = false;
        var bodyCanBeEmpty = false;
        if (operation.RequestBody is { } requestBody)
        {
            var (mediaType, media) = JsonMedia(requestBody.Content);
            if (media is null)
            {
                Report(DiagnosticDescriptorId.UnsupportedBody, pointer + "/requestBody", operationId, "request", string.Join(", ", requestBody.Content?.Keys ?? Array.Empty<string>()));
                return null;
            }
            body = Resolve(media.Schema, new NameHint(baseName + "Request", baseName + "Request"), pointer + "/requestBody/content/" + SchemaFacts.EscapePointerSegment(mediaType!) + "/schema");
            bodyRequired = requestBody.Required;
            var bodyObject = body.Kind == TypeKind.Object && _types.TryGetValue(body.Name!, out var bodyModel) ? bodyModel as ObjectModel : null;
            hasCommandId = bodyObject is not null && bodyObject.Properties.Any(p => p.JsonName == "command_id" && p.Type.Kind == TypeKind.String);
            bodyCanBeEmpty = bodyObject is not null && !bodyObject.Properties.Any(p => p.IsRequired);
        }

        var (shape, responseType) = BuildResponse(operation, operationId, baseName, pointer);
        string? queryTypeName = null;
        if (queryParameters.Count > 0 || shape == ResponseShape.Paged)
        {
            queryTypeName = ClaimTypeName(baseName + "Parameters", pointer + "/parameters");
        }

        return new OperationModel(
            operationId, httpMethod, path, resources.ToEquatableArray(), methodName,
            operation.Summary?.Trim(), operation.Description?.Trim(), operation.Deprecated,
            pathParameters.ToEquatableArray(), queryTypeName, queryParameters.ToEquatableArray(),
            body, bodyRequired, bodyCanBeEmpty, hasCommandId, shape, responseType, pointer);
    }

    private static void AddParameters(IList<IOpenApiParameter>? source, string pointer, List<(IOpenApiParameter, string)> target, HashSet<string> seen)
    {
        if (source is null) return;
        for (var i = 0; i < source.Count; i++)
        {
            var p = source[i];
            if (p?.Name is null) continue;
            if (seen.Add(p.In + ":" + p.Name)) target.Add((p, pointer + "/" + i));
        }
    }

    private static IEnumerable<string> Placeholders(string path)
    {
        var start = -1;
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] == '{') start = i;
            else if (path[i] == '}' && start >= 0)
            {
                yield return path.Substring(start + 1, i - start - 1);
                start = -1;
            }
        }
    }

    /// <summary>
    /// Resources come from the path's static segments, the verb from its shape: collection GET -> List, POST -> Create;
    /// item GET -> Retrieve, PATCH/PUT/POST -> Update, DELETE -> Delete; <c>.../actions/x</c> -> <c>Actions.X</c>.
    /// </summary>
    private static (string[] Resources, string Verb) ResourceAndVerb(string path, string method, string fallback)
    {
        var segments = path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
        var statics = new List<string>();
        var endsWithParameter = false;
        foreach (var segment in segments)
        {
            endsWithParameter = segment.StartsWith("{", StringComparison.Ordinal);
            if (!endsWithParameter) statics.Add(Identifiers.ToPascalCase(segment, "Resource", "V"));
        }
        if (statics.Count == 0) return (new[] { "Root" }, fallback);

        if (!endsWithParameter && statics.Count >= 2 && statics[statics.Count - 2] == "Actions" && !segments[segments.Length - 2].StartsWith("{", StringComparison.Ordinal))
        {
            var action = statics[statics.Count - 1];
            return (statics.Take(statics.Count - 1).ToArray(), action);
        }
        var verb = (endsWithParameter, method) switch
        {
            (false, "GET") => "List",
            (false, "POST") => "Create",
            (true, "GET") => "Retrieve",
            (true, "PATCH") or (true, "PUT") or (true, "POST") => "Update",
            (true, "DELETE") => "Delete",
            (false, "PUT") or (false, "PATCH") => "Update",
            (false, "DELETE") => "Delete",
            _ => fallback,
        };
        return (statics.ToArray(), verb);
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
        var (mediaType, media) = JsonMedia(success.Value.Content);
        if (media?.Schema is null)
        {
            if (success.Value.Content is { Count: > 0 } content)
            {
                Report(DiagnosticDescriptorId.UnsupportedBody, responsePointer, operationId, "response", string.Join(", ", content.Keys));
            }
            return (ResponseShape.None, null);
        }
        var schemaPointer = responsePointer + "/content/" + SchemaFacts.EscapePointerSegment(mediaType!) + "/schema";
        var schema = media.Schema;
        var target = SchemaFacts.Target(schema);

        // { "data": X } and { "data": [X], "meta": PaginationMeta } envelopes are unwrapped.
        if (target?.Properties is { } props && props.TryGetValue("data", out var dataSchema)
            && props.Keys.All(k => k is "data" or "meta" or "url"))
        {
            var dataTarget = SchemaFacts.Target(dataSchema);
            var isArray = dataTarget is not null && SchemaFacts.ReferenceId(dataSchema) is null
                && (SchemaFacts.HasTypeFlag(SchemaFacts.NonNullType(dataTarget), JsonSchemaType.Array) || dataTarget.Items is not null);
            if (isArray)
            {
                var itemHint = Singular(baseName.StartsWith("List", StringComparison.Ordinal) ? baseName.Substring(4) : baseName);
                var itemType = Resolve(dataTarget!.Items, new NameHint(itemHint, itemHint), schemaPointer + "/properties/data/items");
                if (props.TryGetValue("meta", out var metaSchema) && IsPageNumberMeta(metaSchema))
                {
                    return (ResponseShape.Paged, itemType);
                }
                Report(DiagnosticDescriptorId.NotPaginated, schemaPointer, operationId);
                return (ResponseShape.DataEnvelope, TypeRef.ArrayOf(itemType));
            }
            if (!props.ContainsKey("meta"))
            {
                return (ResponseShape.DataEnvelope, Resolve(dataSchema, new NameHint(baseName + "Data", baseName + "Data"), schemaPointer + "/properties/data"));
            }
        }
        return (ResponseShape.Body, Resolve(schema, new NameHint(baseName + "Response", baseName + "Response"), schemaPointer));
    }

    private static bool IsPageNumberMeta(IOpenApiSchema schema)
        => SchemaFacts.Target(schema)?.Properties is { } p && p.ContainsKey("page_number") && p.ContainsKey("total_pages");

    // ---- webhooks ---------------------------------------------------------------------------------------------

    private EquatableArray<WebhookEventModel> BuildWebhooks()
    {
        var result = new List<WebhookEventModel>();
        if (_document.Webhooks is null) return EquatableArray<WebhookEventModel>.Empty;
        foreach (var key in _document.Webhooks.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            var item = _document.Webhooks[key];
            if (item?.Operations is null || !TryGetOperation(item.Operations, HttpMethod.Post, out var operation)) continue;
            var pointer = "#/webhooks/" + SchemaFacts.EscapePointerSegment(key) + "/post";
            var (_, media) = JsonMedia(operation.RequestBody?.Content);
            if (media?.Schema is null) continue;
            var eventType = Resolve(media.Schema, new NameHint(Identifiers.ToTypeName(key) + "Event", Identifiers.ToTypeName(key) + "Event"), pointer + "/requestBody");
            if (eventType.Kind != TypeKind.Object) continue;

            // The event is either wrapped ({ "data": event }) or bare; its event_type enum names it.
            var target = SchemaFacts.Target(media.Schema);
            var dataTypeName = eventType.Name!;
            var eventSchema = target;
            if (target?.Properties is { } props && props.TryGetValue("data", out var data) && !props.ContainsKey("event_type"))
            {
                eventSchema = SchemaFacts.Target(data);
                if (_types.TryGetValue(eventType.Name!, out var envelope) && envelope is ObjectModel o
                    && o.Properties.FirstOrDefault(p => p.JsonName == "data")?.Type.Name is { } dataName)
                {
                    dataTypeName = dataName;
                }
            }
            var eventTypeValue = eventSchema?.Properties is { } ep && ep.TryGetValue("event_type", out var et)
                ? (SchemaFacts.Target(et) is { } ets ? (SchemaFacts.StringEnumValues(ets)?.FirstOrDefault() ?? ets.Const) : null)
                : null;
            if (eventTypeValue is null) continue;
            result.Add(new WebhookEventModel(key, eventTypeValue, eventType.Name!, dataTypeName, operation.Summary ?? operation.Description));
        }
        return result.ToEquatableArray();
    }
}
