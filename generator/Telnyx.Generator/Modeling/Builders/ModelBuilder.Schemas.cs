using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using Telnyx.Generator.Diagnostics;
using Telnyx.Generator.Helpers;
using Telnyx.Generator.Naming;
using Telnyx.Generator.OpenApi;

namespace Telnyx.Generator.Modeling.Builders;

/// <summary>Schema resolution: <c>$ref</c> targets, classification, and schema -> <see cref="TypeRef"/> (naming inline types on the way).</summary>
internal sealed partial class ModelBuilder
{
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
            var resolved = ResolveInline(schema, TypeNameHint.Exact(TypeNames.Component(key)), pointer);
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

    // ---- schema -> TypeRef ------------------------------------------------------------------------------------

    private TypeRef Resolve(IOpenApiSchema? schema, TypeNameHint hint, string pointer)
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

    private TypeRef ResolveInline(IOpenApiSchema schema, TypeNameHint hint, string pointer)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (schema is OpenApiSchemaReference) return Resolve(schema, hint, pointer);

        switch (Classify(schema))
        {
            case SchemaClass.Enum:
                return ResolveInlineEnum(schema, hint, pointer);
            case SchemaClass.Union:
            {
                var name = _typeNames.Claim(hint.Qualified, pointer);
                _types[name] = BuildUnion(name, schema, pointer);
                return TypeRef.Named(TypeKind.Union, name);
            }
            case SchemaClass.Object:
            {
                var name = _typeNames.Claim(hint.Qualified, pointer);
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
            return TypeRef.ArrayOf(Resolve(schema.Items, hint.ForItems(), pointer + "/items"));
        }
        if (SchemaFacts.HasTypeFlag(type, JsonSchemaType.Object) || (type is null && schema.AdditionalProperties is not null))
        {
            if (schema.AdditionalProperties is { } valueSchema)
            {
                return TypeRef.MapOf(Resolve(valueSchema, hint.ForMapValues(), pointer + "/additionalProperties"));
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

    private TypeRef ResolveInlineEnum(IOpenApiSchema schema, TypeNameHint hint, string pointer)
    {
        var values = EnumValuesOf(schema)!;
        var signature = string.Join("\u0001", values);
        var qualified = hint.Qualified;
        var preferred = hint.PreferredEnumName;

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
        var name = _typeNames.TryClaim(preferred) ? preferred : _typeNames.Claim(qualified, pointer);
        _enumSignatures[name] = signature;
        _types[name] = BuildEnum(name, schema, pointer);
        return TypeRef.Named(TypeKind.Enum, name);
    }

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
}
