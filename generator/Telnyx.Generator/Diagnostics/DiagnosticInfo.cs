using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Telnyx.Generator.Helpers;
using Telnyx.Generator.Modeling;

namespace Telnyx.Generator.Diagnostics;

/// <summary>A location in the spec file, held as plain values so the pipeline stays equatable.</summary>
internal sealed record SpecLocation(string FilePath, int Start, int Length, int Line, int Column, int EndLine, int EndColumn)
{
    public static SpecLocation FileStart(string path) => new(path, 0, 0, 0, 0, 0, 0);

    public Location ToLocation() => Location.Create(
        FilePath,
        new TextSpan(Start, Length),
        new LinePositionSpan(new LinePosition(Line, Column), new LinePosition(EndLine, EndColumn)));
}

/// <summary>A diagnostic as an equatable value: descriptor ID, message arguments and spec location.</summary>
internal sealed record DiagnosticInfo(string Id, SpecLocation Location, EquatableArray<string> Arguments)
{
    /// <param name="strict">TelnyxStrict: worked-around document defects are reported as errors (see <see cref="SeverityPolicy"/>).</param>
    public Diagnostic ToDiagnostic(bool strict = false)
    {
        var descriptor = DiagnosticDescriptorLookup.Find(Id);
        var severity = SeverityPolicy.Effective(descriptor, strict);
        return Diagnostic.Create(descriptor, Location.ToLocation(), severity, additionalLocations: null, properties: null,
            System.Linq.Enumerable.ToArray<object>(Arguments.AsImmutableArray()));
    }
}

internal static class DiagnosticDescriptorLookup
{
    private static readonly DiagnosticDescriptor[] All =
    {
        DiagnosticDescriptors.SpecNotFound,
        DiagnosticDescriptors.InvalidJson,
        DiagnosticDescriptors.ReaderError,
        DiagnosticDescriptors.UnresolvedReference,
        DiagnosticDescriptors.UnsupportedConstruct,
        DiagnosticDescriptors.NameCollision,
        DiagnosticDescriptors.ReaderWarning,
        DiagnosticDescriptors.UnsupportedBody,
        DiagnosticDescriptors.NotPaginated,
        DiagnosticDescriptors.FilterUnmatched,
        DiagnosticDescriptors.InternalError,
    };

    public static DiagnosticDescriptor Find(string id)
    {
        foreach (var descriptor in All)
        {
            if (descriptor.Id == id) return descriptor;
        }
        return DiagnosticDescriptors.InternalError;
    }
}
