using Microsoft.CodeAnalysis;

namespace Telnyx.Generator.Diagnostics;

/// <summary>Every diagnostic the generator reports. The README's diagnostics table lists the same IDs.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Telnyx.Generator";

    public static readonly DiagnosticDescriptor SpecNotFound = new(
        "TLX0001", "Telnyx spec file not found",
        "The Telnyx spec file '{0}' could not be read: {1}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidJson = new(
        "TLX0002", "Telnyx spec is not valid JSON",
        "The Telnyx spec is not valid JSON: {0}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ReaderError = new(
        "TLX0003", "Telnyx spec is not a readable OpenAPI document",
        "The OpenAPI reader reported: {0}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnresolvedReference = new(
        "TLX0004", "Unresolved $ref in the Telnyx spec",
        "The reference '{0}' does not resolve; '{1}' is typed as JsonElement",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedConstruct = new(
        "TLX0005", "Unsupported construct in the Telnyx spec",
        "{0} at '{1}' is not supported; it is typed as JsonElement",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NameCollision = new(
        "TLX0006", "Name collision resolved",
        "The name '{0}' is already taken; '{1}' is used for '{2}'",
        Category, DiagnosticSeverity.Info, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ReaderWarning = new(
        "TLX0007", "OpenAPI reader warning",
        "The OpenAPI reader warned: {0}",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedBody = new(
        "TLX0008", "Operation body is not JSON",
        "Operation '{0}' has no JSON {1} body ({2}); it is exposed through the raw request method only",
        Category, DiagnosticSeverity.Info, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NotPaginated = new(
        "TLX0009", "List operation without page-number pagination",
        "Operation '{0}' returns a list without page-number pagination; it returns the whole response body",
        Category, DiagnosticSeverity.Info, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor FilterUnmatched = new(
        "TLX0010", "TelnyxInclude selector matched nothing",
        "The TelnyxInclude selector '{0}' matches no operation or webhook in this document",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InternalError = new(
        "TLX0099", "Internal generator error",
        "The Telnyx generator failed on '{0}': {1}. Please report this with the spec that caused it.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
