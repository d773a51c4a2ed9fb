using System;
using System.Collections.Generic;
using System.Globalization;

namespace Telnyx.Generator.Naming;

/// <summary>
/// Hands out unique names in one scope (a namespace, or one type's members). The rule, documented in the README:
/// the first claimant (in sorted spec order) keeps the name; later ones get the numeric suffix 2, 3, ...
/// unless the caller supplies a more readable alternative first.
/// </summary>
internal sealed class NameScope
{
    private readonly HashSet<string>? _shared;
    private readonly SmallStringSet _taken = new();
    private readonly bool _ignoreCase;

    public NameScope(params string[] reserved)
        : this(null, reserved)
    {
    }

    /// <param name="shared">Names reserved in many scopes alike (see <see cref="Reserve"/>): looked up, never copied.</param>
    /// <param name="reserved">Names reserved in this scope only.</param>
    public NameScope(IReadOnlyCollection<string>? shared, params string[] reserved)
    {
        _shared = shared as HashSet<string> ?? (shared is null ? null : new HashSet<string>(shared, StringComparer.Ordinal));
        foreach (var name in reserved) _taken.Add(name);
    }

    /// <summary>A scope where names that differ only in case clash (type names, which are also file names).</summary>
    public static NameScope IgnoringCase(params string[] reserved)
    {
        var scope = new NameScope(null, reserved, ignoreCase: true);
        return scope;
    }

    private NameScope(IReadOnlyCollection<string>? shared, string[] reserved, bool ignoreCase)
    {
        _ignoreCase = ignoreCase;
        _shared = shared is null ? null : new HashSet<string>(shared, StringComparer.Ordinal);
        foreach (var name in reserved) _taken.Add(Key(name));
    }

    private string Key(string name) => _ignoreCase ? name.ToUpperInvariant() : name;

    /// <summary>A reusable set of reserved names for <see cref="NameScope(IReadOnlyCollection{string}, string[])"/>.</summary>
    public static IReadOnlyCollection<string> Reserve(params string[] names) => new HashSet<string>(names, StringComparer.Ordinal);

    public bool TryClaim(string name) => _shared?.Contains(name) != true && _taken.Add(Key(name));

    /// <summary>Claims <paramref name="preferred"/>, else the first free alternative, else a numbered name.</summary>
    public string Claim(string preferred, params string[] alternatives)
    {
        if (TryClaim(preferred)) return preferred;
        foreach (var alternative in alternatives)
        {
            if (TryClaim(alternative)) return alternative;
        }
        var baseName = alternatives.Length > 0 ? alternatives[alternatives.Length - 1] : preferred;
        for (var i = 2; ; i++)
        {
            var candidate = baseName + i.ToString(CultureInfo.InvariantCulture);
            if (TryClaim(candidate)) return candidate;
        }
    }
}
