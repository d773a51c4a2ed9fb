using System;
using Telnyx.Generator.Modeling;

namespace Telnyx.Generator.Naming;

/// <summary>
/// The rules for member names (properties, enum members, union cases, method parameters) and the scopes they are
/// unique in. A taken name gets the alternative given here, then a number (<see cref="NameScope"/>).
/// </summary>
internal static class MemberNames
{
    /// <summary>The names of an object record's members.</summary>
    public static NameScope ObjectScope(string typeName) => new(ReservedNames.ObjectMembers, typeName);

    /// <summary>The names of an enum's known values.</summary>
    public static NameScope EnumScope(string typeName) => new(ReservedNames.EnumMembers, typeName);

    /// <summary>The names of a union's cases.</summary>
    public static NameScope UnionScope(string unionName) => new(ReservedNames.UnionMembers(unionName));

    /// <summary>The names of a query parameters record's members.</summary>
    public static NameScope QueryRecordScope(string recordName)
    {
        var reserved = new string[ReservedNames.QueryRecordMembers.Length + 1];
        reserved[0] = recordName;
        ReservedNames.QueryRecordMembers.CopyTo(reserved, 1);
        return new NameScope(ReservedNames.ObjectMembers, reserved);
    }

    /// <summary>The names of a client method's parameters.</summary>
    public static NameScope MethodParameterScope() => new(ReservedNames.MethodLocals);

    /// <summary>A JSON property as a C# property: <c>call_control_id</c> -> <c>CallControlId</c>.</summary>
    public static string Property(string jsonName) => Identifiers.ToPascalCase(jsonName, "Property");

    /// <summary>What a property whose name is taken tries before a number.</summary>
    public static string PropertyAlternative(string preferred) => preferred + "Value";

    /// <summary>The dictionary of properties the spec does not list: the first of these that is free.</summary>
    public static string AdditionalProperties(NameScope members) => members.Claim("AdditionalProperties", "AdditionalJsonProperties");

    /// <summary>A known enum value as a static member: <c>all_left</c> -> <c>AllLeft</c>; <c>""</c> -> <c>Empty</c>.</summary>
    public static string EnumMember(string value) => Identifiers.ToPascalCase(value, "Empty");

    /// <summary>A query parameter as a member of the parameters record.</summary>
    public static string QueryParameter(string name) => Identifiers.ToPascalCase(name, "Parameter");

    /// <summary>A path parameter as a method parameter: <c>call_control_id</c> -> <c>callControlId</c>, keywords escaped.</summary>
    public static string MethodParameter(string name) => Identifiers.ToCamelCase(name);

    /// <summary>A union case, from what it holds: <c>String</c>, <c>Integer</c>, <c>ConferenceList</c>, a type's name.</summary>
    public static string UnionCase(TypeRef type) => type.Kind switch
    {
        TypeKind.String => "String",
        TypeKind.Int32 or TypeKind.Int64 => "Integer",
        TypeKind.Double => "Number",
        TypeKind.Boolean => "Boolean",
        TypeKind.DateTimeOffset => "DateTime",
        TypeKind.Json => "Json",
        TypeKind.Array => UnionCase(type.Element!) + "List",
        TypeKind.Map => UnionCase(type.Element!) + "Map",
        _ => type.Name!,
    };

    /// <summary>The case name that would give <paramref name="unionName"/> with <paramref name="prefix"/>, or the union's own name.</summary>
    public static string CaseStem(string unionName, string prefix)
        => unionName.Length > prefix.Length && unionName.StartsWith(prefix, StringComparison.Ordinal) ? unionName.Substring(prefix.Length) : unionName;
}
