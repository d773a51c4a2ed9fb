using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.OpenApi;
using Telnyx.Generator.Diagnostics;
using Telnyx.Generator.Helpers;
using Telnyx.Generator.Modeling;
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

    /// <summary>
    /// Resolved <c>$ref</c> targets. Microsoft.OpenApi resolves a reference on every access (measured: about 27 µs each
    /// on the official document), so each one is resolved once per build and its target read directly.
    /// </summary>
    private readonly Dictionary<IOpenApiSchema, IOpenApiSchema?> _targets = new(IdentityComparer.Instance);

    private IOpenApiSchema? TargetOf(IOpenApiSchema schema)
    {
        var current = schema;
        for (var depth = 0; depth < 32 && current is OpenApiSchemaReference reference; depth++)
        {
            if (!_targets.TryGetValue(reference, out var target))
            {
                // A local component reference is a dictionary lookup; only other references go through the resolver.
                var components = _document.Components?.Schemas;
                var v3 = reference.Reference?.ReferenceV3;
                target = v3 is not null && v3.StartsWith("#/components/schemas/", StringComparison.Ordinal)
                         && reference.Reference?.Id is { } id && components is not null && components.TryGetValue(id, out var component)
                    ? component
                    : reference.Target;
                _targets[reference] = target;
            }
            if (target is null) return null;
            current = target;
        }
        return current is OpenApiSchemaReference ? null : current;
    }

    /// <summary>The schema to read facts from: the target of a reference, or the schema itself.</summary>
    private IOpenApiSchema Concrete(IOpenApiSchema schema) => TargetOf(schema) ?? schema;

    /// <summary>A property's description: the reference's own (3.1 allows one beside <c>$ref</c>), else its target's.</summary>
    private string? Describe(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchemaReference reference)
        {
            var own = reference.Reference?.Description;
            return string.IsNullOrWhiteSpace(own) ? (TargetOf(schema) is { } t ? SchemaFacts.Summary(t) : null) : own!.Trim();
        }
        return SchemaFacts.Summary(schema);
    }

    private readonly Dictionary<IOpenApiSchema, IReadOnlyList<string>?> _enumValues = new(IdentityComparer.Instance);

    /// <summary>
    /// <see cref="SchemaFacts.StringEnumValues"/>, once per schema: each call copies every value out of the JSON
    /// nodes, and a schema is classified, named and built several times over.
    /// </summary>
    private IReadOnlyList<string>? EnumValuesOf(IOpenApiSchema schema)
    {
        if (!_enumValues.TryGetValue(schema, out var values))
        {
            values = SchemaFacts.StringEnumValues(schema);
            _enumValues[schema] = values;
        }
        return values;
    }

    private sealed class IdentityComparer : IEqualityComparer<IOpenApiSchema>
    {
        public static readonly IdentityComparer Instance = new();

        public bool Equals(IOpenApiSchema? x, IOpenApiSchema? y) => ReferenceEquals(x, y);

        public int GetHashCode(IOpenApiSchema obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }

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

    // ---- classification -------------------------------------------------------------------------------------

    private enum SchemaClass
    {
        Object,
        Enum,
        Union,
        /// <summary>A primitive, array, map or reference: no type of its own.</summary>
        Alias,
    }

    private SchemaClass Classify(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchemaReference) return SchemaClass.Alias;
        if (EnumValuesOf(schema) is { Count: > 0 } && !SchemaFacts.HasProperties(schema)) return SchemaClass.Enum;
        if (SchemaFacts.HasBranches(schema) && !SchemaFacts.HasProperties(schema))
        {
            var nonNull = SchemaFacts.CountNonNull(schema.OneOf) + SchemaFacts.CountNonNull(schema.AnyOf);
            return nonNull > 1 ? SchemaClass.Union : SchemaClass.Alias;
        }
        // type: [integer, string] is the same union as oneOf: [{type: integer}, {type: string}].
        if (!SchemaFacts.HasBranches(schema) && SchemaFacts.IsMultiType(schema.Type)) return SchemaClass.Union;
        if (SchemaFacts.HasProperties(schema)) return SchemaClass.Object;
        if (schema.AllOf is { Count: > 0 } allOf)
        {
            return allOf.Count(p => !SchemaFacts.IsNullOnly(p)) > 1 || allOf.Any(p => p is not OpenApiSchemaReference && SchemaFacts.HasProperties(p))
                ? SchemaClass.Object
                : SchemaClass.Alias;
        }
        return SchemaClass.Alias;
    }

    private TypeRef ResolveComponent(string key)
    {
        if (_componentRefs.TryGetValue(key, out var known)) return known;
        var schemas = _document.Components!.Schemas!;
        var schema = schemas[key];
        var pointer = ComponentPointer(key);
        if (!_componentNames.TryGetValue(key, out var name))
        {
            // An alias takes the type of what it names; a cycle of aliases has no type.
            if (!_componentsInProgress.Add(key))
            {
                Report(DiagnosticDescriptorId.UnsupportedConstruct, pointer, "A cycle of schema references", pointer);
                return TypeRef.Json;
            }
            var resolved = ResolveInline(schema, new NameHint(Identifiers.ToTypeName(key), Identifiers.ToTypeName(key)), pointer);
            _componentsInProgress.Remove(key);
            _componentRefs[key] = resolved;
            return resolved;
        }

        var kind = Classify(schema) switch
        {
            SchemaClass.Enum => TypeKind.Enum,
            SchemaClass.Union => TypeKind.Union,
            _ => TypeKind.Object,
        };
        var typeRef = TypeRef.Named(kind, name);
        _componentRefs[key] = typeRef; // before building, so self-references resolve
        BuildNamedType(kind, name, schema, pointer);
        return typeRef;
    }

    private void BuildNamedType(TypeKind kind, string name, IOpenApiSchema schema, string pointer)
    {
        switch (kind)
        {
            case TypeKind.Enum:
                _types[name] = BuildEnum(name, schema, pointer);
                break;
            case TypeKind.Union:
                _types[name] = BuildUnion(name, schema, pointer);
                break;
            default:
                _types[name] = BuildObject(name, schema, pointer);
                break;
        }
    }

    /// <summary>Preferred names for an inline type: enums try <see cref="Short"/> first (shared when identical).</summary>
    private readonly record struct NameHint(string Short, string Qualified);

    // ---- schema -> TypeRef ------------------------------------------------------------------------------------

    private TypeRef Resolve(IOpenApiSchema? schema, NameHint hint, string pointer)
    {
        if (schema is null) return TypeRef.Json;
        if (schema is OpenApiSchemaReference reference)
        {
            var id = reference.Reference?.Id;
            var components = _document.Components?.Schemas;
            if (TargetOf(reference) is null || id is null || components is null || !components.ContainsKey(id))
            {
                Report(DiagnosticDescriptorId.UnresolvedReference, pointer, reference.Reference?.ReferenceV3 ?? id ?? "(unknown)", pointer);
                return TypeRef.Json;
            }
            return ResolveComponent(id);
        }
        return ResolveInline(schema, hint, pointer);
    }

    private TypeRef ResolveInline(IOpenApiSchema schema, NameHint hint, string pointer)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (schema is OpenApiSchemaReference) return Resolve(schema, hint, pointer);

        switch (Classify(schema))
        {
            case SchemaClass.Enum:
                return ResolveInlineEnum(schema, hint, pointer);
            case SchemaClass.Union:
            {
                var name = ClaimTypeName(hint.Qualified, pointer);
                _types[name] = BuildUnion(name, schema, pointer);
                return TypeRef.Named(TypeKind.Union, name);
            }
            case SchemaClass.Object:
            {
                var name = ClaimTypeName(hint.Qualified, pointer);
                var typeRef = TypeRef.Named(TypeKind.Object, name);
                _types[name] = BuildObject(name, schema, pointer);
                return typeRef;
            }
        }

        // A single non-null branch of oneOf/anyOf/allOf stands for itself.
        if (FirstNonNull(schema.OneOf) is { } oneOf) return Resolve(schema.OneOf![oneOf], hint, pointer + "/oneOf/" + oneOf);
        if (FirstNonNull(schema.AnyOf) is { } anyOf) return Resolve(schema.AnyOf![anyOf], hint, pointer + "/anyOf/" + anyOf);
        if (FirstNonNull(schema.AllOf) is { } allOf) return Resolve(schema.AllOf![allOf], hint, pointer + "/allOf/" + allOf);

        var type = SchemaFacts.NonNullType(schema); // one type at most: several make a union (Classify)

        if (SchemaFacts.HasTypeFlag(type, JsonSchemaType.Array) || (type is null && schema.Items is not null))
        {
            var itemHint = new NameHint(Singular(hint.Short), hint.Qualified.EndsWith("s", StringComparison.Ordinal) ? Singular(hint.Qualified) : hint.Qualified + "Item");
            return TypeRef.ArrayOf(Resolve(schema.Items, itemHint, pointer + "/items"));
        }
        if (SchemaFacts.HasTypeFlag(type, JsonSchemaType.Object) || (type is null && schema.AdditionalProperties is not null))
        {
            if (schema.AdditionalProperties is { } valueSchema)
            {
                return TypeRef.MapOf(Resolve(valueSchema, new NameHint(hint.Short + "Value", hint.Qualified + "Value"), pointer + "/additionalProperties"));
            }
            return TypeRef.Json; // free-form object
        }
        if (PrimitiveOf(type, schema) is { } primitive) return primitive;
        if (schema.Const is not null) return TypeRef.String;
        return TypeRef.Json; // no type keyword: any JSON value
    }

    private static int? FirstNonNull(IList<IOpenApiSchema>? branches)
    {
        if (branches is null) return null;
        for (var i = 0; i < branches.Count; i++)
        {
            if (!SchemaFacts.IsNullOnly(branches[i])) return i;
        }
        return null;
    }

    /// <summary>Property names too generic to stand alone as a type name: their enums take the parent's name too.</summary>
    private static readonly HashSet<string> GenericEnumNames = new(StringComparer.Ordinal)
    {
        "Status", "Type", "Reason", "State", "Kind", "Mode", "EventType", "RecordType", "PayloadType", "Direction", "Result", "Code", "Source", "Name",
    };

    private TypeRef ResolveInlineEnum(IOpenApiSchema schema, NameHint hint, string pointer)
    {
        var values = EnumValuesOf(schema)!;
        var signature = string.Join("\u0001", values);
        var qualified = hint.Qualified;
        var preferred = GenericEnumNames.Contains(hint.Short) ? qualified : hint.Short;

        // Identical enums share one type: an inline copy of a component enum (region -> ConferenceRegion),
        // or the same inline enum in several requests (beep_enabled -> BeepEnabled).
        if (_componentEnumsBySignature.TryGetValue(signature, out var sameValues))
        {
            foreach (var candidate in sameValues)
            {
                if (candidate.EndsWith(hint.Short, StringComparison.Ordinal)) return TypeRef.Named(TypeKind.Enum, candidate);
            }
        }
        foreach (var candidate in new[] { preferred, qualified })
        {
            if (_enumSignatures.TryGetValue(candidate, out var existing) && existing == signature)
            {
                return TypeRef.Named(TypeKind.Enum, candidate);
            }
        }
        var name = _typeNames.TryClaim(preferred) ? preferred : ClaimTypeName(qualified, pointer);
        _enumSignatures[name] = signature;
        _types[name] = BuildEnum(name, schema, pointer);
        return TypeRef.Named(TypeKind.Enum, name);
    }

    /// <summary>
    /// An inline type's name from its parent and member, without doubling the word where they meet:
    /// <c>ConferenceFloorChangedEvent</c> + <c>EventType</c> is <c>ConferenceFloorChangedEventType</c>.
    /// </summary>
    private static string Qualify(string parent, string member)
    {
        var firstWord = 1;
        while (firstWord < member.Length && !char.IsUpper(member[firstWord])) firstWord++;
        var word = member.Substring(0, firstWord);
        return firstWord < member.Length && parent.EndsWith(word, StringComparison.Ordinal) ? parent + member.Substring(firstWord) : parent + member;
    }

    private static string Singular(string name)
    {
        if (name.EndsWith("ies", StringComparison.Ordinal) && name.Length > 3) return name.Substring(0, name.Length - 3) + "y";
        if (name.EndsWith("ses", StringComparison.Ordinal) || name.EndsWith("xes", StringComparison.Ordinal)) return name.Substring(0, name.Length - 2);
        if (name.EndsWith("s", StringComparison.Ordinal) && !name.EndsWith("ss", StringComparison.Ordinal) && name.Length > 1) return name.Substring(0, name.Length - 1);
        return name + "Item";
    }

    // ---- types ------------------------------------------------------------------------------------------------

    private EnumModel BuildEnum(string name, IOpenApiSchema schema, string pointer)
    {
        var values = EnumValuesOf(schema) ?? Array.Empty<string>();
        var members = new NameScope(ReservedEnumMemberNames, name);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<EnumMemberModel>();
        for (var i = 0; i < values.Count; i++)
        {
            if (!seen.Add(values[i])) continue;
            var preferred = Identifiers.ToPascalCase(values[i], "Empty");
            var memberName = members.Claim(preferred);
            if (memberName != preferred) Report(DiagnosticDescriptorId.NameCollision, pointer + "/enum/" + i, preferred, memberName, values[i]);
            result.Add(new EnumMemberModel(values[i], memberName));
        }
        var signature = string.Join("\u0001", values);
        if (!_enumSignatures.ContainsKey(name)) _enumSignatures[name] = signature;
        if (pointer.StartsWith("#/components/schemas/", StringComparison.Ordinal) && pointer.IndexOf('/', "#/components/schemas/".Length) < 0)
        {
            // A component enum: inline copies of it (same values, name ending like the property) reuse it.
            if (!_componentEnumsBySignature.TryGetValue(signature, out var list)) _componentEnumsBySignature[signature] = list = new List<string>();
            list.Add(name);
        }
        return new EnumModel(name, SchemaFacts.Summary(schema), pointer, result.ToEquatableArray());
    }

    private ObjectModel BuildObject(string name, IOpenApiSchema schema, string pointer)
    {
        var collected = new List<(string JsonName, IOpenApiSchema Schema, string OwnerPointer)>();
        var required = new SmallStringSet();
        var seen = new SmallStringSet();
        Collect(schema, pointer, collected, required, seen, new List<IOpenApiSchema>(), 0);

        var members = new NameScope(ReservedMemberNames, name);
        var properties = new List<PropertyModel>(collected.Count);
        foreach (var (jsonName, propertySchema, ownerPointer) in collected)
        {
            var preferred = Identifiers.ToPascalCase(jsonName, "Property");
            var memberName = members.TryClaim(preferred) ? preferred : members.Claim(preferred + "Value");
            if (memberName != preferred) Report(DiagnosticDescriptorId.NameCollision, PropertyPointer(ownerPointer, jsonName), preferred, memberName, jsonName);
            var target = TargetOf(propertySchema);
            // A one-value inline enum (record_type: [event]) is a constant, not a type of its own.
            var constant = propertySchema is not OpenApiSchemaReference && target is not null
                ? (EnumValuesOf(target) is { Count: 1 } single ? single[0] : target.Const)
                : null;
            // Most properties are references or plain values: their pointer and inline name are only built when needed.
            var type = constant is not null ? TypeRef.String
                : TryResolvePlain(propertySchema) ?? Resolve(propertySchema, new NameHint(preferred, Qualify(name, preferred)), PropertyPointer(ownerPointer, jsonName));
            var nullable = target is not null && SchemaFacts.AllowsNull(target);
            var doc = Describe(propertySchema);
            var deprecated = propertySchema is OpenApiSchemaReference r2 ? r2.Reference?.Deprecated ?? target?.Deprecated ?? false : propertySchema.Deprecated;
            properties.Add(new PropertyModel(jsonName, memberName, type, required.Contains(jsonName), nullable, deprecated, doc, constant));
        }

        var additional = members.Claim("AdditionalProperties", "AdditionalJsonProperties");
        return new ObjectModel(name, SchemaFacts.Summary(schema), pointer, properties.ToEquatableArray(), false, additional);
    }

    private static string PropertyPointer(string ownerPointer, string jsonName) => ownerPointer + "/properties/" + SchemaFacts.EscapePointerSegment(jsonName);

    /// <summary>
    /// The type of a schema that needs no name and no location: a resolvable component reference, or a single
    /// primitive type. Null for anything else, which goes through <see cref="Resolve"/>.
    /// </summary>
    private TypeRef? TryResolvePlain(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchemaReference reference)
        {
            var id = reference.Reference?.Id;
            var components = _document.Components?.Schemas;
            return id is not null && components is not null && components.ContainsKey(id) && TargetOf(reference) is not null ? ResolveComponent(id) : null;
        }
        if (schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 } || schema.AllOf is { Count: > 0 }
            || schema.Items is not null || schema.AdditionalProperties is not null || SchemaFacts.HasProperties(schema)
            || EnumValuesOf(schema) is { Count: > 0 })
        {
            return null;
        }
        return PrimitiveOf(SchemaFacts.NonNullType(schema), schema);
    }

    /// <summary>The C# type of one primitive JSON type (<c>format</c> picks date-time and int32), or null.</summary>
    private static TypeRef? PrimitiveOf(JsonSchemaType? type, IOpenApiSchema schema) => type switch
    {
        JsonSchemaType.String => schema.Format == "date-time" ? TypeRef.DateTimeOffset : TypeRef.String,
        JsonSchemaType.Integer => schema.Format == "int32" ? TypeRef.Int32 : TypeRef.Int64,
        JsonSchemaType.Number => TypeRef.Double,
        JsonSchemaType.Boolean => TypeRef.Boolean,
        _ => null,
    };

    /// <summary>Own properties plus every <c>allOf</c> part's, first occurrence wins.</summary>
    private void Collect(
        IOpenApiSchema schema,
        string pointer,
        List<(string, IOpenApiSchema, string)> properties,
        SmallStringSet required,
        SmallStringSet seen,
        List<IOpenApiSchema> visiting,
        int depth)
    {
        var target = TargetOf(schema);
        if (target is null)
        {
            Report(DiagnosticDescriptorId.UnresolvedReference, pointer, (schema as OpenApiSchemaReference)?.Reference?.ReferenceV3 ?? "(unknown)", pointer);
            return;
        }
        if (depth > 32 || IsVisiting(visiting, target))
        {
            // allOf cycle: the properties met so far are kept, the loop is reported.
            Report(DiagnosticDescriptorId.UnsupportedConstruct, pointer, "An allOf cycle", pointer);
            return;
        }
        visiting.Add(target);
        if (target.AllOf is { } parts)
        {
            for (var i = 0; i < parts.Count; i++)
            {
                Collect(parts[i], pointer + "/allOf/" + i, properties, required, seen, visiting, depth + 1);
            }
        }
        var ownPointer = schema is OpenApiSchemaReference r && r.Reference?.Id is { } id ? ComponentPointer(id) : pointer;
        if (target.Properties is { } own)
        {
            foreach (var pair in own)
            {
                if (seen.Add(pair.Key)) properties.Add((pair.Key, pair.Value, ownPointer));
            }
        }
        if (target.Required is { } req)
        {
            foreach (var r2 in req) required.Add(r2);
        }
        visiting.RemoveAt(visiting.Count - 1);
    }

    /// <summary>Whether <paramref name="schema"/> is on the current allOf path (by identity; the path is short).</summary>
    private static bool IsVisiting(List<IOpenApiSchema> visiting, IOpenApiSchema schema)
    {
        foreach (var v in visiting)
        {
            if (ReferenceEquals(v, schema)) return true;
        }
        return false;
    }

    private UnionModel BuildUnion(string name, IOpenApiSchema schema, string pointer)
    {
        var keyword = schema.OneOf is { Count: > 0 } ? "oneOf" : "anyOf";
        // A type array has no branches in the text: each synthesized branch is the schema itself, narrowed to one type.
        var fromTypes = !SchemaFacts.HasBranches(schema);
        var branches = fromTypes ? SchemaFacts.TypeBranches(schema) : SchemaFacts.Branches(schema).ToList();
        var discriminator = schema.Discriminator?.PropertyName;
        var mapping = schema.Discriminator?.Mapping;

        var cases = new List<UnionCaseModel>();
        // Each case emits From{Case}, Is{Case} and As{Case}: "Unknown" would repeat IsUnknown, and a union named
        // IsString may not have a String case (CS0542).
        var caseNames = new NameScope(name, "Value", "Raw", "Kind", "Unknown", CaseStem(name, "Is"), CaseStem(name, "As"), CaseStem(name, "From"));
        var seenTypes = new HashSet<TypeRef>();
        for (var i = 0; i < branches.Count; i++)
        {
            var branch = branches[i];
            if (SchemaFacts.IsNullOnly(branch)) continue;
            var branchPointer = fromTypes ? pointer : pointer + "/" + keyword + "/" + i;
            var hintName = name + "Variant" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var type = Resolve(branch, new NameHint(hintName, hintName), branchPointer);
            if (type.Kind == TypeKind.Union && type.Name == name)
            {
                // oneOf: [itself, ...] adds nothing a value could hold; C# cannot convert a type to itself either.
                Report(DiagnosticDescriptorId.UnsupportedConstruct, branchPointer, "A union that lists itself as a case", branchPointer);
                continue;
            }
            if (!seenTypes.Add(type)) continue;

            var values = new List<string>();
            if (discriminator is not null)
            {
                var id = SchemaFacts.ReferenceId(branch);
                if (mapping is not null)
                {
                    foreach (var pair in mapping.OrderBy(p => p.Key, StringComparer.Ordinal))
                    {
                        if (pair.Value?.Reference?.Id is { } mapped && mapped == id) values.Add(pair.Key);
                    }
                }
                if (values.Count == 0)
                {
                    // Without a mapping, the branch's own single-value enum or const names it, else its schema name.
                    var target = TargetOf(branch);
                    if (target?.Properties is { } props && props.TryGetValue(discriminator, out var discriminatorSchema))
                    {
                        var t = TargetOf(discriminatorSchema);
                        if (t?.Const is { } c) values.Add(c);
                        else if (t is not null && EnumValuesOf(t) is { } e) values.AddRange(e);
                    }
                    if (values.Count == 0 && id is not null) values.Add(id);
                }
            }
            var caseName = caseNames.Claim(CaseName(type));
            cases.Add(new UnionCaseModel(caseName, type, values.ToEquatableArray()));
        }
        return new UnionModel(name, SchemaFacts.Summary(schema), pointer, cases.ToEquatableArray(), discriminator);
    }

    /// <summary>The case name that would give <paramref name="unionName"/> with <paramref name="prefix"/>, or the union's own name.</summary>
    private static string CaseStem(string unionName, string prefix)
        => unionName.Length > prefix.Length && unionName.StartsWith(prefix, StringComparison.Ordinal) ? unionName.Substring(prefix.Length) : unionName;

    private static string CaseName(TypeRef type) => type.Kind switch
    {
        TypeKind.String => "String",
        TypeKind.Int32 or TypeKind.Int64 => "Integer",
        TypeKind.Double => "Number",
        TypeKind.Boolean => "Boolean",
        TypeKind.DateTimeOffset => "DateTime",
        TypeKind.Json => "Json",
        TypeKind.Array => CaseName(type.Element!) + "List",
        TypeKind.Map => CaseName(type.Element!) + "Map",
        _ => type.Name!,
    };

    // ---- reachability ---------------------------------------------------------------------------------------

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
