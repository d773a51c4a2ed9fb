using System.Collections.Generic;
using Microsoft.OpenApi;
using Telnyx.Generator.Diagnostics;

namespace Telnyx.Generator.OpenApi;

/// <summary>What <see cref="KeywordShapeScan"/> finds in the raw JSON, for the reader to act on.</summary>
internal sealed class ScanFindings
{
    /// <summary>TLX0007 warnings about values the reader would drop or keep silently.</summary>
    public List<PendingDiagnostic> Diagnostics { get; } = new();

    /// <summary>
    /// Byte spans of values of the wrong JSON kind where an object belongs (a schema that is a number, a path item that
    /// is a string): the reader is handed <c>{}</c> in their place, since Microsoft.OpenApi throws on some of them and
    /// drops others (a null component schema), and the rest of the document is still generated.
    /// </summary>
    public List<(int Start, int End)> Replacements { get; } = new();

    /// <summary>
    /// <c>type</c> arrays, with the pointer of the schema that holds them. Kept only while the document may be 3.0,
    /// where Microsoft.OpenApi drops a type array with an error; 3.1 reads them itself.
    /// </summary>
    public List<(string SchemaPointer, JsonSchemaType Types)> TypeArrays { get; } = new();

    /// <summary>The document's <c>openapi</c> value, once the scan has met it at the root.</summary>
    public string? Version { get; set; }

    /// <summary>True for <c>openapi: 3.0.x</c> (a number such as 3.0 too, which the reader accepts).</summary>
    public bool IsOpenApi30 => Version is { } v && (v == "3.0" || v.StartsWith("3.0.", System.StringComparison.Ordinal));
}
