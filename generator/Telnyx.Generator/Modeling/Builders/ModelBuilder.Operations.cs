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

    /// <summary>The operations the filter selects, in sorted order (path, then method), with their pointers.</summary>
    private IEnumerable<(string Path, string HttpMethod, IOpenApiPathItem Item, OpenApiOperation Operation, string Pointer)> SelectedOperations()
    {
        if (_document.Paths is null) yield break;
        foreach (var path in _document.Paths.Keys.OrderBy(p => p, StringComparer.Ordinal))
        {
            var item = _document.Paths[path];
            if (item?.Operations is null) continue;
            foreach (var (method, methodName) in Methods)
            {
                if (!TryGetOperation(item.Operations, method, out var operation)) continue;
                if (_filter is not null && !_filter.IncludesOperation(path, operation)) continue;
                _cancellationToken.ThrowIfCancellationRequested();
                yield return (path, methodName, item, operation, "#/paths/" + SchemaFacts.EscapePointerSegment(path) + "/" + methodName.ToLowerInvariant());
            }
        }
    }

    /// <summary>Operation ids, resource groups and method names, by operation pointer (see <see cref="OperationNaming"/>).</summary>
    private readonly Dictionary<string, OperationNames> _operationNames = new(StringComparer.Ordinal);

    private void NameOperations()
    {
        foreach (var (path, httpMethod, _, operation, pointer) in SelectedOperations())
        {
            _operationNames[pointer] = _operationNaming.Name(path, httpMethod, operation.OperationId, pointer);
        }
    }

    private EquatableArray<OperationModel> BuildOperations()
    {
        var result = new List<OperationModel>();
        foreach (var (path, httpMethod, item, operation, pointer) in SelectedOperations())
        {
            result.Add(BuildOperation(path, httpMethod, item, operation, pointer, _operationNames[pointer]));
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

    private OperationModel BuildOperation(string path, string httpMethod, IOpenApiPathItem item, OpenApiOperation operation, string pointer, OperationNames names)
    {
        var (operationId, baseName, resources, methodName) = (names.OperationId, names.BaseName, names.Resources, names.MethodName);
        if (PathTemplateProblem(path) is { } problem)
        {
            Report(DiagnosticDescriptorId.UnsupportedConstruct, "#/paths/" + SchemaFacts.EscapePointerSegment(path), "The path template '" + path + "' (" + problem + ")", path);
        }

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
        var parameterNames = MemberNames.MethodParameterScope();
        var queryMembers = MemberNames.QueryRecordScope(TypeNames.QueryParameters(baseName));
        foreach (var (parameter, parameterPointer) in parameters)
        {
            if (parameter.Name is null) continue;
            if (parameter.In == Microsoft.OpenApi.ParameterLocation.Path)
            {
                var name = parameterNames.Claim(MemberNames.MethodParameter(parameter.Name));
                pathParameters.Add(new ParameterModel(parameter.Name, name, Modeling.ParameterLocation.Path, TypeRef.String, true,
                    parameter.Description, "simple", EquatableArray<PropertyModel>.Empty));
            }
            else if (parameter.In == Microsoft.OpenApi.ParameterLocation.Query)
            {
                if (parameter.Name == "page" || parameter.Name.StartsWith("page[", StringComparison.Ordinal)) continue; // the pager owns paging
                var memberName = queryMembers.Claim(MemberNames.QueryParameter(parameter.Name));
                var isDeepObject = parameter.Style == ParameterStyle.DeepObject;
                var type = Resolve(parameter.Schema, TypeNameHint.Exact(TypeNames.QueryParameter(baseName, memberName)), parameterPointer + "/schema");
                queryParameters.Add(new ParameterModel(parameter.Name, memberName, Modeling.ParameterLocation.Query, type, parameter.Required,
                    parameter.Description, isDeepObject ? "deepObject" : "form", EquatableArray<PropertyModel>.Empty));
            }
        }
        // Path placeholders that no parameter declares still need an argument.
        foreach (var placeholder in Placeholders(path))
        {
            if (pathParameters.Any(p => p.JsonName == placeholder)) continue;
            var name = parameterNames.Claim(MemberNames.MethodParameter(placeholder));
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
            queryTypeName = _typeNames.Claim(TypeNames.QueryParameters(baseName), pointer + "/parameters");
        }

        var model = new OperationModel
        {
            OperationId = operationId,
            HttpMethod = httpMethod,
            Path = path,
            Pointer = pointer,
            ResourcePath = resources,
            MethodName = methodName,
            Summary = operation.Summary?.Trim(),
            Description = operation.Description?.Trim(),
            IsDeprecated = operation.Deprecated,
            PathParameters = pathParameters.ToEquatableArray(),
            QueryTypeName = queryTypeName,
            QueryParameters = queryParameters.ToEquatableArray(),
            Body = body.Type,
            RawBodyMediaType = body.RawMediaType,
            BodyIsRequired = body.IsRequired,
            BodyCanBeEmpty = body.CanBeEmpty,
            HasCommandId = body.HasCommandId,
            ResponseShape = shape,
            ResponseType = responseType,
        };
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

    private readonly List<TypeRef> _operationRefs = new();

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
