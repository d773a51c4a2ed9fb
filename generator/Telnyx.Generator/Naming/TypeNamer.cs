using System.Collections.Generic;
using Telnyx.Generator.Diagnostics;
using Telnyx.Generator.Helpers;

namespace Telnyx.Generator.Naming;

/// <summary>
/// The one scope of type names of a generated namespace, handing them out in the order they are claimed and
/// reporting every name that had to change (TLX0006).
/// </summary>
internal sealed class TypeNamer
{
    // Case-insensitive: each type is one file, and Roslyn compares hint names ignoring case (FooBar and Foobar).
    private readonly NameScope _names = NameScope.IgnoringCase(ReservedNames.Types);
    private readonly List<PendingDiagnostic> _diagnostics;

    public TypeNamer(List<PendingDiagnostic> diagnostics) => _diagnostics = diagnostics;

    /// <summary>Claims <paramref name="preferred"/> without a report; false when it is taken.</summary>
    public bool TryClaim(string preferred) => _names.TryClaim(preferred);

    /// <summary>
    /// Claims <paramref name="preferred"/>, else the first free of <paramref name="alternatives"/> (by default
    /// <see cref="TypeNames.CollisionAlternative"/>), else a numbered name; a changed name is reported at <paramref name="pointer"/>.
    /// </summary>
    public string Claim(string preferred, string pointer, params string[] alternatives)
    {
        var name = _names.TryClaim(preferred) ? preferred : _names.Claim(preferred, alternatives.Length > 0 ? alternatives : new[] { TypeNames.CollisionAlternative(preferred) });
        if (name != preferred)
        {
            _diagnostics.Add(new PendingDiagnostic(DiagnosticDescriptorId.NameCollision.Value, pointer, new[] { preferred, name, pointer }.ToEquatableArray()));
        }
        return name;
    }
}
