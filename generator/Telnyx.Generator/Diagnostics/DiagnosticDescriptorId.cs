namespace Telnyx.Generator.Diagnostics;

/// <summary>Diagnostic IDs as a small value type, so builder code reads <c>Report(Id.UnresolvedReference, ...)</c>.</summary>
internal readonly record struct DiagnosticDescriptorId(string Value)
{
    public static readonly DiagnosticDescriptorId UnresolvedReference = new(DiagnosticDescriptors.UnresolvedReference.Id);
    public static readonly DiagnosticDescriptorId UnsupportedConstruct = new(DiagnosticDescriptors.UnsupportedConstruct.Id);
    public static readonly DiagnosticDescriptorId NameCollision = new(DiagnosticDescriptors.NameCollision.Id);
    public static readonly DiagnosticDescriptorId UnsupportedBody = new(DiagnosticDescriptors.UnsupportedBody.Id);
    public static readonly DiagnosticDescriptorId NotPaginated = new(DiagnosticDescriptors.NotPaginated.Id);
    public static readonly DiagnosticDescriptorId FilterUnmatched = new(DiagnosticDescriptors.FilterUnmatched.Id);
}
