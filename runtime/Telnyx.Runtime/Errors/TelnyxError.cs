using System.Text.Json;

namespace Telnyx.Runtime;

/// <summary>One entry of the <c>errors</c> array of a Telnyx error response.</summary>
/// <param name="Code">The Telnyx error code, for example <c>10005</c> (numbers are kept as their text).</param>
/// <param name="Title">A short, human-readable summary of the problem.</param>
/// <param name="Detail">A human-readable explanation specific to this occurrence.</param>
/// <param name="SourcePointer">The JSON pointer (<c>source.pointer</c>) to the offending request body member.</param>
/// <param name="SourceParameter">The query or path parameter (<c>source.parameter</c>) that caused the error.</param>
/// <param name="Meta">The raw <c>meta</c> object, if the server sent one.</param>
public sealed record TelnyxError(
    string? Code,
    string? Title,
    string? Detail,
    string? SourcePointer,
    string? SourceParameter,
    JsonElement? Meta);
