using System;
using System.Collections.Generic;
using System.Linq;

namespace Telnyx.Generator.Naming;

/// <summary>
/// Class names of the client's resource groups. They must not take a model type's name (a schema may be called
/// "MediaResource"), ignoring case as Roslyn compares the hint names (one file per class); each group claims its
/// name once ("Oauth.Grants" and "OauthGrants" both concatenate to OauthGrants).
/// </summary>
internal sealed class ResourceClassNames
{
    private static readonly string[] Suffixes = { "Resource", "Operations", "Api" };

    private readonly HashSet<string> _taken;
    private readonly Dictionary<string, string> _classNames = new(StringComparer.Ordinal);

    /// <param name="taken">The type names already in the namespace.</param>
    public ResourceClassNames(IEnumerable<string> taken) => _taken = new HashSet<string>(taken, StringComparer.OrdinalIgnoreCase);

    /// <summary>The class of the group at <paramref name="path"/>: <c>["Conferences", "Actions"]</c> -> <c>ConferencesActionsResource</c>.</summary>
    public string For(IEnumerable<string> path)
    {
        var key = string.Join(".", path);
        if (_classNames.TryGetValue(key, out var known)) return known;
        var stem = string.Concat(path);
        var name = Suffixes.Select(suffix => stem + suffix).FirstOrDefault(n => !_taken.Contains(n));
        for (var i = 2; name is null; i++)
        {
            if (!_taken.Contains(stem + "Resource" + i)) name = stem + "Resource" + i;
        }
        _taken.Add(name);
        _classNames[key] = name;
        return name;
    }
}
