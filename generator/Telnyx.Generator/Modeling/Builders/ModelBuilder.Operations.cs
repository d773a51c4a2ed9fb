using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using Microsoft.OpenApi;
using Telnyx.Generator.Diagnostics;
using Telnyx.Generator.Helpers;
using Telnyx.Generator.Naming;
using Telnyx.Generator.OpenApi;

namespace Telnyx.Generator.Modeling.Builders;

/// <summary>Operations: path, method name, parameters; the bodies are in ModelBuilder.Bodies.cs.</summary>
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

        var body = BuildRequestBody(operation, operationId, baseName, pointer);
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
            body.Type, body.RawMediaType, body.IsRequired, body.CanBeEmpty, body.HasCommandId, shape, responseType, pointer);
        if (body.Type is not null) _operationRefs.Add(body.Type);
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
