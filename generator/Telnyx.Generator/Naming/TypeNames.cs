using System;
using System.Globalization;

namespace Telnyx.Generator.Naming;

/// <summary>
/// The rules for type names, in one place: what each kind of generated type is called before collisions are
/// resolved (<see cref="TypeNamer"/> resolves them).
/// </summary>
internal static class TypeNames
{
    /// <summary>A component schema's type: its key as a type name (<c>conference_region</c> -> <c>ConferenceRegion</c>).</summary>
    public static string Component(string key) => Identifiers.ToTypeName(key);

    /// <summary>What a type name that is taken tries next, when its claimant names no alternative.</summary>
    public static string CollisionAlternative(string preferred) => preferred + "Model";

    /// <summary>An inline branch of union <paramref name="union"/>, counted from 1.</summary>
    public static string UnionVariant(string union, int index) => union + "Variant" + (index + 1).ToString(CultureInfo.InvariantCulture);

    // ---- types an operation names ------------------------------------------------------------------------------

    public static string RequestBody(string operation) => operation + "Request";

    public static string ResponseBody(string operation) => operation + "Response";

    /// <summary>The <c>data</c> of a <c>{ "data": X }</c> response.</summary>
    public static string ResponseData(string operation) => operation + "Data";

    /// <summary>The item of a list response: <c>ListConferences</c> -> <c>Conference</c>.</summary>
    public static string ListItem(string operation)
        => Singular(operation.StartsWith("List", StringComparison.Ordinal) ? operation.Substring(4) : operation);

    /// <summary>The record that holds an operation's query parameters (and the page size of a paged one).</summary>
    public static string QueryParameters(string operation) => operation + "Parameters";

    /// <summary>The inline type of query parameter <paramref name="member"/>.</summary>
    public static string QueryParameter(string operation, string member) => operation + member;

    // ---- types a webhook names ---------------------------------------------------------------------------------

    /// <summary>An inline webhook body, named after the webhook's key.</summary>
    public static string WebhookBody(string key) => Identifiers.ToTypeName(key) + "Event";

    /// <summary>The event class when its preferred name is the name of a type something else refers to.</summary>
    public static string WebhookClass(string eventName) => eventName + "Webhook";

    /// <summary>
    /// The data record of a bare event component: the component name without <c>Event</c>
    /// (<c>ConferenceFloorChangedEvent</c> -> <c>ConferenceFloorChanged</c>), which the event class takes.
    /// </summary>
    public static string EventData(string component)
    {
        var stem = component.EndsWith("Event", StringComparison.Ordinal) ? component.Substring(0, component.Length - 5) : component;
        return stem.Length > 0 ? stem : EventDataAlternative(component);
    }

    public static string EventDataAlternative(string component) => component + "Data";

    // ---- word rules --------------------------------------------------------------------------------------------

    /// <summary>
    /// An inline type's name from its parent and member, without doubling the word where they meet:
    /// <c>ConferenceFloorChangedEvent</c> + <c>EventType</c> is <c>ConferenceFloorChangedEventType</c>.
    /// </summary>
    public static string Qualify(string parent, string member)
    {
        var firstWord = 1;
        while (firstWord < member.Length && !char.IsUpper(member[firstWord])) firstWord++;
        var word = member.Substring(0, firstWord);
        return firstWord < member.Length && parent.EndsWith(word, StringComparison.Ordinal) ? parent + member.Substring(firstWord) : parent + member;
    }

    /// <summary>English plural to singular for the common endings; anything else gets <c>Item</c>.</summary>
    public static string Singular(string name)
    {
        if (name.EndsWith("ies", StringComparison.Ordinal) && name.Length > 3) return name.Substring(0, name.Length - 3) + "y";
        if (name.EndsWith("ses", StringComparison.Ordinal) || name.EndsWith("xes", StringComparison.Ordinal)) return name.Substring(0, name.Length - 2);
        if (name.EndsWith("s", StringComparison.Ordinal) && !name.EndsWith("ss", StringComparison.Ordinal) && name.Length > 1) return name.Substring(0, name.Length - 1);
        return name + "Item";
    }
}
