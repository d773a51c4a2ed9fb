using Telnyx.Generator.Helpers;

namespace Telnyx.Generator.Diagnostics;

/// <summary>A diagnostic before it has a line and column: the JSON pointer it is about.</summary>
internal sealed record PendingDiagnostic(string Id, string Pointer, EquatableArray<string> Arguments);
