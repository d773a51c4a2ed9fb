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
    private readonly HashSet<string> _taken;

    public NameScope(IEnumerable<string>? reserved = null, StringComparer? comparer = null)
    {
        _taken = new HashSet<string>(reserved ?? Array.Empty<string>(), comparer ?? StringComparer.Ordinal);
    }

    public bool IsTaken(string name) => _taken.Contains(name);

    public bool TryClaim(string name) => _taken.Add(name);

    /// <summary>Claims <paramref name="preferred"/>, else the first free alternative, else a numbered name.</summary>
    public string Claim(string preferred, params string[] alternatives)
    {
        if (_taken.Add(preferred)) return preferred;
        foreach (var alternative in alternatives)
        {
            if (_taken.Add(alternative)) return alternative;
        }
        var baseName = alternatives.Length > 0 ? alternatives[alternatives.Length - 1] : preferred;
        for (var i = 2; ; i++)
        {
            var candidate = baseName + i.ToString(CultureInfo.InvariantCulture);
            if (_taken.Add(candidate)) return candidate;
        }
    }
}
