using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.OpenApi;
using Telnyx.Generator.Diagnostics;
using Telnyx.Generator.Helpers;
using Telnyx.Generator.Naming;
using Telnyx.Generator.OpenApi;

namespace Telnyx.Generator.Modeling.Builders;

/// <summary>
/// Turns a parsed OpenAPI document into the equatable <see cref="ApiModel"/>. This and OpenApi/ are the only places
/// that know Microsoft.OpenApi. Everything is visited in sorted order so names are deterministic.
/// </summary>
internal sealed partial class ModelBuilder
{
    private readonly OpenApiDocument _document;
    private readonly string _namespace;
    private readonly string _fileName;
    private readonly CancellationToken _cancellationToken;
    private readonly List<PendingDiagnostic> _diagnostics = new();
    private readonly TypeNamer _typeNames;
    private readonly OperationNaming _operationNaming;

    private readonly Dictionary<string, TypeRef> _componentRefs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _componentsInProgress = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeModel> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _enumSignatures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _componentNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _componentEnumsBySignature = new(StringComparer.Ordinal);

    private readonly SpecFilter? _filter;

    public ModelBuilder(OpenApiDocument document, string @namespace, string fileName, CancellationToken cancellationToken, SpecFilter? filter = null)
    {
        _filter = filter;
        _document = document;
        _namespace = @namespace;
        _fileName = fileName;
        _cancellationToken = cancellationToken;
        _typeNames = new TypeNamer(_diagnostics);
        _operationNaming = new OperationNaming(_diagnostics);
    }

    public IReadOnlyList<PendingDiagnostic> Diagnostics => _diagnostics;

    public ApiModel Build()
    {
        var schemas = _document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        var keys = schemas.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
        if (_filter is not null)
        {
            // Only what the selected operations and webhooks reach: names then match a document holding just those.
            var reachable = SelectedReachability();
            keys = keys.Where(k => reachable.Contains(k)).ToList();
            foreach (var selector in _filter.Unmatched(_document))
            {
                Report(DiagnosticDescriptorId.FilterUnmatched, "#", selector);
            }
        }

        // The naming stage, before any type is built: components claim their names before any inline type, so a
        // component keeps its own name; operations take their ids, resource groups and method names; bare webhook
        // events choose the parent name of their inline types.
        foreach (var key in keys)
        {
            if (Classify(schemas[key]) == SchemaClass.Alias) continue;
            _componentNames[key] = _typeNames.Claim(TypeNames.Component(key), ComponentPointer(key));
        }
        NameOperations();
        NameWebhookEvents();
        foreach (var key in keys)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            ResolveComponent(key);
        }

        var operations = BuildOperations();
        var webhooks = BuildWebhooks();

        var requestSide = RequestSideTypes(operations);
        var types = _types.Values
            .Select(t => t is ObjectModel o && requestSide.Contains(o.Name) ? o with { RequiredIsEnforced = true } : t)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToEquatableArray();

        return new ApiModel(_namespace, _fileName, types, operations, webhooks);
    }

    private void Report(DiagnosticDescriptorId id, string pointer, params string[] args)
        => _diagnostics.Add(new PendingDiagnostic(id.Value, pointer, args.ToEquatableArray()));

    private static string ComponentPointer(string key) => "#/components/schemas/" + SchemaFacts.EscapePointerSegment(key);

    // ---- reachability ---------------------------------------------------------------------------------------

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

    /// <summary>Names of types reachable from request bodies and query parameters: their required members are enforced.</summary>
    private HashSet<string> RequestSideTypes(EquatableArray<OperationModel> operations)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<TypeRef>();
        foreach (var op in operations)
        {
            if (op.Body is { } body) pending.Push(body);
        }
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (type.Element is { } element) pending.Push(element);
            if (type.Name is not { } name || !result.Add(name)) continue;
            if (!_types.TryGetValue(name, out var model)) continue;
            switch (model)
            {
                case ObjectModel o:
                    foreach (var p in o.Properties) pending.Push(p.Type);
                    break;
                case UnionModel u:
                    foreach (var c in u.Cases) pending.Push(c.Type);
                    break;
            }
        }
        return result;
    }
}
