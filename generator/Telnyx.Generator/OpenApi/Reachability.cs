using System;
using System.Collections.Generic;
using Microsoft.OpenApi;

namespace Telnyx.Generator.OpenApi;

/// <summary>The component schemas that a set of operations and webhooks reach through <c>$ref</c>s.</summary>
internal sealed class Reachability
{
    private readonly HashSet<string> _components = new(StringComparer.Ordinal);
    private readonly HashSet<IOpenApiSchema> _visited = new();

    public IReadOnlyCollection<string> Components => _components;

    public void AddOperation(OpenApiOperation operation, IOpenApiPathItem item)
    {
        AddParameters(item.Parameters);
        AddParameters(operation.Parameters);
        AddContent(operation.RequestBody?.Content);
        if (operation.Responses is null) return;
        foreach (var response in operation.Responses.Values)
        {
            AddContent(response?.Content);
        }
    }

    private void AddParameters(IList<IOpenApiParameter>? parameters)
    {
        if (parameters is null) return;
        foreach (var p in parameters) Add(p?.Schema);
    }

    private void AddContent(IDictionary<string, IOpenApiMediaType>? content)
    {
        if (content is null) return;
        foreach (var media in content.Values) Add(media?.Schema);
    }

    public void Add(IOpenApiSchema? schema)
    {
        // Iterative walk: deep or cyclic documents must not overflow the stack.
        var pending = new Stack<IOpenApiSchema>();
        if (schema is not null) pending.Push(schema);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!_visited.Add(current)) continue;
            if (current is OpenApiSchemaReference reference)
            {
                if (reference.Reference?.Id is { } id) _components.Add(id);
                if (reference.Target is { } target) pending.Push(target);
                continue;
            }
            Push(pending, current.Items);
            Push(pending, current.AdditionalProperties);
            Push(pending, current.Not);
            PushAll(pending, current.AllOf);
            PushAll(pending, current.OneOf);
            PushAll(pending, current.AnyOf);
            if (current.Properties is { } properties) PushAll(pending, properties.Values);
            if (current.Discriminator?.Mapping is { } mapping)
            {
                foreach (var target in mapping.Values) Push(pending, target);
            }
        }
    }

    private static void Push(Stack<IOpenApiSchema> pending, IOpenApiSchema? schema)
    {
        if (schema is not null) pending.Push(schema);
    }

    private static void PushAll(Stack<IOpenApiSchema> pending, IEnumerable<IOpenApiSchema>? schemas)
    {
        if (schemas is null) return;
        foreach (var s in schemas) Push(pending, s);
    }
}
