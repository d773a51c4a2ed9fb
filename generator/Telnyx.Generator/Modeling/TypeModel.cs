using Telnyx.Generator.Helpers;

namespace Telnyx.Generator.Modeling;

/// <summary>A type the generator emits: one file per type.</summary>
/// <param name="Name">The C# type name (unique in the namespace).</param>
/// <param name="Doc">Summary text, unescaped.</param>
/// <param name="Pointer">JSON pointer of the schema in the spec, for diagnostics and comments.</param>
internal abstract record TypeModel(string Name, string? Doc, string Pointer);

/// <summary>A <c>sealed record</c> for an object schema.</summary>
/// <param name="RequiredIsEnforced">
/// True for schemas reachable from a request body: required properties become C# <c>required</c> members.
/// Response-only schemas keep every property optional and nullable, so a server that omits a field never breaks a call.
/// </param>
internal sealed record ObjectModel(
    string Name,
    string? Doc,
    string Pointer,
    EquatableArray<PropertyModel> Properties,
    bool RequiredIsEnforced,
    string AdditionalPropertiesName) : TypeModel(Name, Doc, Pointer);

/// <summary>One property of an object schema.</summary>
/// <param name="IsNullable">The spec allows an explicit JSON <c>null</c>: unset, null and a value stay distinct.</param>
/// <param name="IsRequired">The spec lists the property as required.</param>
/// <param name="Constant">The only value the spec allows (a one-value enum or <c>const</c>); such properties are strings.</param>
internal sealed record PropertyModel(
    string JsonName,
    string Name,
    TypeRef Type,
    bool IsRequired,
    bool IsNullable,
    bool IsDeprecated,
    string? Doc,
    string? Constant = null);

/// <summary>An open, string-backed enum: known values as static members, unknown values kept.</summary>
internal sealed record EnumModel(string Name, string? Doc, string Pointer, EquatableArray<EnumMemberModel> Members)
    : TypeModel(Name, Doc, Pointer);

internal sealed record EnumMemberModel(string Value, string Name);

/// <summary>A union for <c>oneOf</c>/<c>anyOf</c>: one case per branch, implicit conversions from each.</summary>
/// <param name="DiscriminatorProperty">The JSON property that selects the case, when the spec names one.</param>
internal sealed record UnionModel(
    string Name,
    string? Doc,
    string Pointer,
    EquatableArray<UnionCaseModel> Cases,
    string? DiscriminatorProperty) : TypeModel(Name, Doc, Pointer);

/// <param name="Name">The case name, used for <c>Is{Name}</c>/<c>As{Name}</c>.</param>
/// <param name="DiscriminatorValues">Values of the discriminator property that select this case.</param>
internal sealed record UnionCaseModel(string Name, TypeRef Type, EquatableArray<string> DiscriminatorValues);
