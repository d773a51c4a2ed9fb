using System;
using System.Collections.Generic;

namespace Telnyx.Generator.Naming;

/// <summary>
/// The preferred names of an inline type, from where it sits: <see cref="Short"/> is the member's own name,
/// <see cref="Qualified"/> the member's name behind its parent's. Enums try the short one first (shared when
/// identical); objects and unions take the qualified one.
/// </summary>
internal readonly record struct TypeNameHint(string Short, string Qualified)
{
    /// <summary>Property names too generic to stand alone as a type name: their enums take the parent's name too.</summary>
    private static readonly HashSet<string> GenericEnumNames = new(StringComparer.Ordinal)
    {
        "Status", "Type", "Reason", "State", "Kind", "Mode", "EventType", "RecordType", "PayloadType", "Direction", "Result", "Code", "Source", "Name",
    };

    /// <summary>One name, however the type turns out.</summary>
    public static TypeNameHint Exact(string name) => new(name, name);

    /// <summary>The type of property <paramref name="member"/> of type <paramref name="parent"/>.</summary>
    public static TypeNameHint ForMember(string parent, string member) => new(member, TypeNames.Qualify(parent, member));

    /// <summary>The element type of an array named by this hint: <c>Participants</c> -> <c>Participant</c>.</summary>
    public TypeNameHint ForItems()
        => new(TypeNames.Singular(Short), Qualified.EndsWith("s", StringComparison.Ordinal) ? TypeNames.Singular(Qualified) : Qualified + "Item");

    /// <summary>The value type of a map named by this hint.</summary>
    public TypeNameHint ForMapValues() => new(Short + "Value", Qualified + "Value");

    /// <summary>The name an inline enum asks for first: the short one, unless it is too generic to stand alone.</summary>
    public string PreferredEnumName => GenericEnumNames.Contains(Short) ? Qualified : Short;
}
