using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using Telnyx.Generator.Diagnostics;
using Telnyx.Generator.Helpers;
using Telnyx.Generator.Naming;
using Telnyx.Generator.OpenApi;

namespace Telnyx.Generator.Modeling.Builders;

/// <summary>Type building: the enum, object and union models of schemas that have a name.</summary>
internal sealed partial class ModelBuilder
{
    private EnumModel BuildEnum(string name, IOpenApiSchema schema, string pointer)
    {
        var values = EnumValuesOf(schema) ?? Array.Empty<string>();
        var members = MemberNames.EnumScope(name);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<EnumMemberModel>();
        for (var i = 0; i < values.Count; i++)
        {
            if (!seen.Add(values[i])) continue;
            var preferred = MemberNames.EnumMember(values[i]);
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

        var members = MemberNames.ObjectScope(name);
        var memberParent = _memberTypeParents.TryGetValue(name, out var parent) ? parent : name;
        var properties = new List<PropertyModel>(collected.Count);
        foreach (var (jsonName, propertySchema, ownerPointer) in collected)
        {
            var preferred = MemberNames.Property(jsonName);
            var memberName = members.TryClaim(preferred) ? preferred : members.Claim(MemberNames.PropertyAlternative(preferred));
            if (memberName != preferred) Report(DiagnosticDescriptorId.NameCollision, PropertyPointer(ownerPointer, jsonName), preferred, memberName, jsonName);
            var target = TargetOf(propertySchema);
            // A one-value inline enum (record_type: [event]) is a constant, not a type of its own.
            var constant = propertySchema is not OpenApiSchemaReference && target is not null
                ? (EnumValuesOf(target) is { Count: 1 } single ? single[0] : target.Const)
                : null;
            // Most properties are references or plain values: their pointer and inline name are only built when needed.
            var type = constant is not null ? TypeRef.String
                : TryResolvePlain(propertySchema) ?? Resolve(propertySchema, TypeNameHint.ForMember(memberParent, preferred), PropertyPointer(ownerPointer, jsonName));
            var nullable = target is not null && SchemaFacts.AllowsNull(target);
            var doc = Describe(propertySchema);
            var deprecated = propertySchema is OpenApiSchemaReference r2 ? r2.Reference?.Deprecated ?? target?.Deprecated ?? false : propertySchema.Deprecated;
            properties.Add(new PropertyModel(jsonName, memberName, type, required.Contains(jsonName), nullable, deprecated, doc, constant));
        }

        var additional = MemberNames.AdditionalProperties(members);
        return new ObjectModel(name, SchemaFacts.Summary(schema), pointer, properties.ToEquatableArray(), false, additional);
    }

    private static string PropertyPointer(string ownerPointer, string jsonName) => ownerPointer + "/properties/" + SchemaFacts.EscapePointerSegment(jsonName);

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
        var caseNames = MemberNames.UnionScope(name);
        var seenTypes = new HashSet<TypeRef>();
        for (var i = 0; i < branches.Count; i++)
        {
            var branch = branches[i];
            if (SchemaFacts.IsNullOnly(branch)) continue;
            var branchPointer = fromTypes ? pointer : pointer + "/" + keyword + "/" + i;
            var type = Resolve(branch, TypeNameHint.Exact(TypeNames.UnionVariant(name, i)), branchPointer);
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
            var caseName = caseNames.Claim(MemberNames.UnionCase(type));
            cases.Add(new UnionCaseModel(caseName, type, values.ToEquatableArray()));
        }
        return new UnionModel(name, SchemaFacts.Summary(schema), pointer, cases.ToEquatableArray(), discriminator);
    }
}
