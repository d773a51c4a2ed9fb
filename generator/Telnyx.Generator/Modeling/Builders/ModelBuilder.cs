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
    /// <summary>Names the generated code and the runtime use themselves.</summary>
    private static readonly string[] ReservedTypeNames =
    {
        "TelnyxClient", "TelnyxWebhookEvent", "UnknownWebhookEvent", "TelnyxWebhooks", "JsonElement", "Object", "String",
        // The receiving surface: the handler, DI, ASP.NET Core and Redis files.
        "TelnyxWebhookHandler", "TelnyxClientServiceCollectionExtensions", "TelnyxEndpointRouteBuilderExtensions",
        "TelnyxRedisWebhooksBuilderExtensions", "TelnyxRedisDeliveryStore",
        // The runtime's namespace: a type Telnyx.Runtime would hide global::Telnyx.Runtime in the default namespace.
        "Runtime",
        // Members every generated type (record, enum struct, union) emits: a type may not share a name with its own
        // member (CS0542).
        "Value", "Raw", "IsKnown", "IsUnknown", "Type", "Data", "Payload", "ReadJson", "WriteJson", "PropertyIndex",
        "ThrowIfInvalid", "EqualityContract", "PrintMembers", "Equals", "GetHashCode", "ToString", "AddTo",
    };

    /// <summary>
    /// Members an object record has besides its properties: what ObjectEmitter writes (ReadJson, PropertyIndex,
    /// WriteJson, ThrowIfInvalid), what the compiler synthesizes for a record, and object's members a property
    /// would hide (CS0108).
    /// </summary>
    private static readonly IReadOnlyCollection<string> ReservedMemberNames = NameScope.Reserve(
        "EqualityContract", "ReadJson", "WriteJson", "ThrowIfInvalid", "PropertyIndex", "ToString", "Equals",
        "GetHashCode", "Deconstruct", "PrintMembers", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals", "Clone");

    /// <summary>Members EnumEmitter writes beside the known values (and object's, which a static member would hide).</summary>
    private static readonly IReadOnlyCollection<string> ReservedEnumMemberNames = NameScope.Reserve(
        "Value", "IsKnown", "KnownValues", "ReadJson", "WriteJson", "Equals", "GetHashCode", "ToString",
        "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals");

    private readonly OpenApiDocument _document;
    private readonly string _namespace;
    private readonly string _fileName;
    private readonly CancellationToken _cancellationToken;
    private readonly List<PendingDiagnostic> _diagnostics = new();
    // Case-insensitive: each type is one file, and Roslyn compares hint names ignoring case (FooBar and Foobar).
    private readonly NameScope _typeNames = NameScope.IgnoringCase(ReservedTypeNames);

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

        // Components claim their names before any inline type, so a component keeps its own name.
        foreach (var key in keys)
        {
            if (Classify(schemas[key]) == SchemaClass.Alias) continue;
            var preferred = Identifiers.ToTypeName(key);
            _componentNames[key] = ClaimTypeName(preferred, ComponentPointer(key));
        }
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

    private string ClaimTypeName(string preferred, string pointer, params string[] alternatives)
    {
        var name = _typeNames.TryClaim(preferred) ? preferred : _typeNames.Claim(preferred, alternatives.Length > 0 ? alternatives : new[] { preferred + "Model" });
        if (name != preferred) Report(DiagnosticDescriptorId.NameCollision, pointer, preferred, name, pointer);
        return name;
    }

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
