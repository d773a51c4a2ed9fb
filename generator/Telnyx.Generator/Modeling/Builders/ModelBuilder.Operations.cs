using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using Microsoft.OpenApi;
using Telnyx.Generator.Diagnostics;
using Telnyx.Generator.Helpers;
using Telnyx.Generator.Modeling;
using Telnyx.Generator.Naming;
using Telnyx.Generator.OpenApi;

namespace Telnyx.Generator.Modeling.Builders;

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
                if (_filter is not null && !_filter.IncludesOperation(path, operation)) continue;
                _cancellationToken.ThrowIfCancellationRequested();
                var pointer = "#/paths/" + SchemaFacts.EscapePointerSegment(path) + "/" + methodName.ToLowerInvariant();
                var built = BuildOperation(path, methodName, item, operation, pointer, methodNames);
                if (built is not null) result.Add(built);
            }
        }
        return result.ToEquatableArray();
    }

    private HashSet<string> SelectedReachability()
    {
        var reach = new Reachability();
        foreach (var pair in _document.Paths ?? new OpenApiPaths())
        {
            if (pair.Value?.Operations is null) continue;
            foreach (var op in pair.Value.Operations.Values)
            {
                if (_filter!.IncludesOperation(pair.Key, op)) reach.AddOperation(op, pair.Value);
            }
        }
        foreach (var pair in _document.Webhooks ?? new Dictionary<string, IOpenApiPathItem>())
        {
            if (pair.Value?.Operations is null || !_filter!.IncludesWebhook(pair.Key)) continue;
            foreach (var op in pair.Value.Operations.Values) reach.AddOperation(op, pair.Value);
        }
        return new HashSet<string>(reach.Components, StringComparer.Ordinal);
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
        if (!_operationIds.Add(operationId))
        {
            Report(DiagnosticDescriptorId.NameCollision, pointer + "/operationId", "operationId " + operationId, operationId + " (again)", path);
        }
        if (PathTemplateProblem(path) is { } problem)
        {
            Report(DiagnosticDescriptorId.UnsupportedConstruct, "#/paths/" + SchemaFacts.EscapePointerSegment(path), "The path template '" + path + "' (" + problem + ")", path);
        }
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
        var parameters = new List<(ParameterFacts Parameter, string Pointer)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        AddParameters(operation.Parameters, pointer + "/parameters", parameters, seen);
        AddParameters(item.Parameters, "#/paths/" + SchemaFacts.EscapePointerSegment(path) + "/parameters", parameters, seen);
        foreach (var placeholder in Placeholders(path))
        {
            if (!parameters.Any(p => p.Parameter.In == Microsoft.OpenApi.ParameterLocation.Path && p.Parameter.Name == placeholder))
            {
                Report(DiagnosticDescriptorId.UnsupportedConstruct, "#/paths/" + SchemaFacts.EscapePointerSegment(path),
                    "The path parameter '{" + placeholder + "}', which no parameter declares,", path);
            }
        }

        var pathParameters = new List<ParameterModel>();
        var queryParameters = new List<ParameterModel>();
        // Besides the method's own parameters, the locals and lambda parameters ClientEmitter declares in its body.
        var parameterNames = new NameScope("request", "options", "cancellationToken", "path", "message", "buffer", "writer", "reader", "value");
        var queryMembers = new NameScope(ReservedMemberNames, baseName + "Parameters", "PageSize", "AddTo");
        foreach (var (parameter, parameterPointer) in parameters)
        {
            if (parameter.Name is null) continue;
            if (parameter.In == Microsoft.OpenApi.ParameterLocation.Path)
            {
                var name = parameterNames.Claim(Identifiers.ToCamelCase(parameter.Name));
                pathParameters.Add(new ParameterModel(parameter.Name, name, Modeling.ParameterLocation.Path, TypeRef.String, true,
                    parameter.Description, "simple", EquatableArray<PropertyModel>.Empty));
            }
            else if (parameter.In == Microsoft.OpenApi.ParameterLocation.Query)
            {
                if (parameter.Name == "page" || parameter.Name.StartsWith("page[", StringComparison.Ordinal)) continue; // the pager owns paging
                var memberName = queryMembers.Claim(Identifiers.ToPascalCase(parameter.Name, "Parameter"));
                var isDeepObject = parameter.Style == ParameterStyle.DeepObject;
                var type = Resolve(parameter.Schema, new NameHint(baseName + memberName, baseName + memberName), parameterPointer + "/schema");
                queryParameters.Add(new ParameterModel(parameter.Name, memberName, Modeling.ParameterLocation.Query, type, parameter.Required,
                    parameter.Description, isDeepObject ? "deepObject" : "form", EquatableArray<PropertyModel>.Empty));
            }
        }
        // Path placeholders that no parameter declares still need an argument.
        foreach (var placeholder in Placeholders(path))
        {
            if (pathParameters.Any(p => p.JsonName == placeholder)) continue;
            var name = parameterNames.Claim(Identifiers.ToCamelCase(placeholder));
            pathParameters.Add(new ParameterModel(placeholder, name, Modeling.ParameterLocation.Path, TypeRef.String, true, null, "simple", EquatableArray<PropertyModel>.Empty));
        }
        // Keep path order.
        var order = Placeholders(path).ToList();
        pathParameters = pathParameters.OrderBy(p => order.IndexOf(p.JsonName) < 0 ? int.MaxValue : order.IndexOf(p.JsonName)).ToList();

        // Request body.
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
                body = Resolve(media.Schema, new NameHint(baseName + "Request", baseName + "Request"), pointer + "/requestBody/content/" + SchemaFacts.EscapePointerSegment(mediaType!) + "/schema");
                bodyRequired = requestBody.Required;
                var bodyObject = body.Kind == TypeKind.Object && _types.TryGetValue(body.Name!, out var bodyModel) ? bodyModel as ObjectModel : null;
                hasCommandId = bodyObject is not null && bodyObject.Properties.Any(p => p.JsonName == "command_id" && p.Type.Kind == TypeKind.String);
                bodyCanBeEmpty = bodyObject is not null && !bodyObject.Properties.Any(p => p.IsRequired);
            }
        }

        var (shape, responseType) = BuildResponse(operation, operationId, baseName, pointer);
        string? queryTypeName = null;
        if (queryParameters.Count > 0 || shape == ResponseShape.Paged)
        {
            queryTypeName = ClaimTypeName(baseName + "Parameters", pointer + "/parameters");
        }

        var model = new OperationModel(
            operationId, httpMethod, path, resources.ToEquatableArray(), methodName,
            operation.Summary?.Trim(), operation.Description?.Trim(), operation.Deprecated,
            pathParameters.ToEquatableArray(), queryTypeName, queryParameters.ToEquatableArray(),
            body, rawBodyMediaType, bodyRequired, bodyCanBeEmpty, hasCommandId, shape, responseType, pointer);
        if (body is not null) _operationRefs.Add(body);
        if (responseType is not null) _operationRefs.Add(responseType);
        _operationRefs.AddRange(queryParameters.Select(q => q.Type));
        return model;
    }

    private void AddParameters(IList<IOpenApiParameter>? source, string pointer, List<(ParameterFacts Parameter, string Pointer)> target, HashSet<string> seen)
    {
        if (source is null) return;
        for (var i = 0; i < source.Count; i++)
        {
            var p = source[i];
            ParameterFacts facts;
            if (p is OpenApiParameterReference reference)
            {
                // A reference resolves on every member access: read its target once.
                if (reference.Target is not { } resolved)
                {
                    Report(DiagnosticDescriptorId.UnresolvedReference, pointer + "/" + i, reference.Reference?.ReferenceV3 ?? "(unknown)", "a parameter (left out)");
                    continue;
                }
                facts = new ParameterFacts(resolved.Name, resolved.In, string.IsNullOrEmpty(reference.Reference?.Description) ? resolved.Description : reference.Reference!.Description, resolved.Schema, resolved.Style, resolved.Required);
            }
            else
            {
                facts = p is null ? default : new ParameterFacts(p.Name, p.In, p.Description, p.Schema, p.Style, p.Required);
            }
            if (facts.Name is null)
            {
                Report(DiagnosticDescriptorId.UnsupportedConstruct, pointer + "/" + i, "A parameter without a name", pointer + "/" + i);
                continue;
            }
            if (seen.Add(facts.In + ":" + facts.Name)) target.Add((facts, pointer + "/" + i));
        }
    }

    /// <summary>The members of a parameter the model needs, read once.</summary>
    private readonly record struct ParameterFacts(
        string? Name, Microsoft.OpenApi.ParameterLocation? In, string? Description, IOpenApiSchema? Schema, ParameterStyle? Style, bool Required);

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

    private bool IsPageNumberMeta(IOpenApiSchema schema)
        => TargetOf(schema)?.Properties is { } p && p.ContainsKey("page_number") && p.ContainsKey("total_pages");

    // ---- webhooks ---------------------------------------------------------------------------------------------

    /// <summary>
    /// One event class per webhook. A wrapped event's envelope component (<c>{ "data": CallEnqueued }</c>, named
    /// <c>CallEnqueuedEvent</c>) becomes the event class; a bare event's component (<c>ConferenceFloorChangedEvent</c>)
    /// keeps the event class name and its data record drops the <c>Event</c> suffix, so both shapes read the same.
    /// </summary>
    private EquatableArray<WebhookEventModel> BuildWebhooks()
    {
        var result = new List<WebhookEventModel>();
        if (_document.Webhooks is null) return EquatableArray<WebhookEventModel>.Empty;
        var classNames = new HashSet<string>(StringComparer.Ordinal);
        var referenced = ReferencedTypeNames();
        foreach (var key in _document.Webhooks.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            if (_filter is not null && !_filter.IncludesWebhook(key)) continue;
            var item = _document.Webhooks[key];
            if (item?.Operations is null || !TryGetOperation(item.Operations, HttpMethod.Post, out var operation)) continue;
            var pointer = "#/webhooks/" + SchemaFacts.EscapePointerSegment(key) + "/post";
            var (_, media) = JsonMedia(operation.RequestBody?.Content);
            if (media?.Schema is null) continue;
            var fallbackName = Identifiers.ToTypeName(key) + "Event";
            var bodyType = Resolve(media.Schema, new NameHint(fallbackName, fallbackName), pointer + "/requestBody");
            if (bodyType.Kind != TypeKind.Object || !_types.TryGetValue(bodyType.Name!, out var bodyModel) || bodyModel is not ObjectModel body) continue;

            var data = body.Properties.FirstOrDefault(p => p.JsonName == "data" && p.Type.Kind == TypeKind.Object);
            var wrapped = data is not null && !body.Properties.Any(p => p.JsonName == "event_type");
            var dataModel = wrapped && _types.TryGetValue(data!.Type.Name!, out var d) ? d as ObjectModel : body;
            if (dataModel is null) continue;
            var eventType = EventTypeValue(dataModel);
            if (eventType is null) continue;

            string className;
            if (wrapped)
            {
                className = body.Name;
                if (classNames.Contains(className) || referenced.Contains(className)) className = ClaimTypeName(dataModel.Name + "Webhook", pointer);
                else _types.Remove(className);
            }
            else
            {
                className = body.Name;
                if (classNames.Contains(className) || referenced.Contains(className))
                {
                    className = ClaimTypeName(body.Name + "Webhook", pointer);
                }
                else
                {
                    // The component name goes to the event class; the data record takes the name without "Event".
                    var stem = body.Name.EndsWith("Event", StringComparison.Ordinal) ? body.Name.Substring(0, body.Name.Length - 5) : body.Name;
                    var dataName = ClaimTypeName(stem.Length > 0 ? stem : body.Name + "Data", pointer, body.Name + "Data");
                    _types.Remove(body.Name);
                    dataModel = body with { Name = dataName };
                    _types[dataName] = dataModel;
                }
            }
            classNames.Add(className);
            var payload = dataModel.Properties.FirstOrDefault(p => p.JsonName == "payload")?.Type;
            var doc = operation.Summary ?? SchemaFacts.Summary(media.Schema) ?? dataModel.Doc;
            result.Add(new WebhookEventModel(key, eventType, className, dataModel.Name, payload, doc));
        }
        return result.ToEquatableArray();
    }

    private string? EventTypeValue(ObjectModel model)
    {
        var property = model.Properties.FirstOrDefault(p => p.JsonName == "event_type");
        if (property?.Constant is { } constant) return constant;
        if (property?.Type.Kind == TypeKind.Enum && _types.TryGetValue(property.Type.Name!, out var e) && e is EnumModel em && em.Members.Count == 1)
        {
            return em.Members[0].Value;
        }
        return null;
    }

    /// <summary>Names of the types that some model or operation refers to.</summary>
    private HashSet<string> ReferencedTypeNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        void Add(TypeRef? t)
        {
            for (; t is not null; t = t.Element)
            {
                if (t.Name is { } n) names.Add(n);
            }
        }
        foreach (var type in _types.Values)
        {
            if (type is ObjectModel o) foreach (var p in o.Properties) Add(p.Type);
            if (type is UnionModel u) foreach (var c in u.Cases) Add(c.Type);
        }
        foreach (var t in _operationRefs) Add(t);
        return names;
    }

    private readonly List<TypeRef> _operationRefs = new();
    private readonly HashSet<string> _operationIds = new(StringComparer.Ordinal);

    /// <summary>What is wrong with a path template, or null: braces must pair, names must be non-empty and unique.</summary>
    private static string? PathTemplateProblem(string path)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var open = -1;
        for (var i = 0; i < path.Length; i++)
        {
            switch (path[i])
            {
                case '{':
                    if (open >= 0) return "nested braces";
                    if (i > 0 && path[i - 1] == '}') return "adjacent parameters";
                    open = i;
                    break;
                case '}':
                    if (open < 0) return "a '}' without '{'";
                    var name = path.Substring(open + 1, i - open - 1);
                    if (name.Trim().Length == 0) return "an empty parameter name";
                    if (!names.Add(name)) return "the parameter '" + name + "' twice";
                    if (name.Any(c => !(char.IsLetterOrDigit(c) || c is '_' or '-' or '.'))) return "the parameter name '" + name + "'";
                    open = -1;
                    break;
            }
        }
        return open >= 0 ? "a '{' without '}'" : null;
    }
}
