using Microsoft.CodeAnalysis;

namespace Telnyx.Generator.Diagnostics;

/// <summary>
/// Which diagnostics may fail a build. A defect in the document that the generator works around (the rest of the
/// SDK is still generated) is a warning, and the build props keep it one under TreatWarningsAsErrors
/// (WarningsNotAsErrors), so a newer Telnyx document never stops a build; with <c>TelnyxStrict=true</c> the
/// generator reports it as an error instead. A problem that leaves nothing usable is an error in both modes.
/// </summary>
internal static class SeverityPolicy
{
    /// <summary>The MSBuild property (compiler-visible through the build props) that turns strictness on.</summary>
    public const string StrictProperty = "build_property.TelnyxStrict";

    /// <summary>
    /// The IDs the generator works around: TLX0004, TLX0005, TLX0007, and TLX0010, since selectors written for one
    /// document can stop matching when Telnyx renames a tag or drops a webhook in a newer one. Keep in step with
    /// WarningsNotAsErrors in build/Telnyx.Generated.props and the README's diagnostics table.
    /// </summary>
    public static bool IsWorkedAround(string id)
        => id == DiagnosticDescriptors.UnresolvedReference.Id
            || id == DiagnosticDescriptors.UnsupportedConstruct.Id
            || id == DiagnosticDescriptors.ReaderWarning.Id
            || id == DiagnosticDescriptors.FilterUnmatched.Id;

    /// <summary>The severity to report: the descriptor's own, raised to an error for worked-around IDs in strict mode.</summary>
    public static DiagnosticSeverity Effective(DiagnosticDescriptor descriptor, bool strict)
        => strict && IsWorkedAround(descriptor.Id) ? DiagnosticSeverity.Error : descriptor.DefaultSeverity;

    /// <summary>Reads <c>TelnyxStrict</c>: only <c>true</c> (any case) turns it on.</summary>
    public static bool IsStrict(string? value)
        => string.Equals(value?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase);
}
