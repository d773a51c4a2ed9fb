using System.Collections.Generic;
using System.Text;

namespace Telnyx.Testing;

/// <summary>One request exactly as Kestrel received it.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">
/// <c>PathBase + Path</c>: Kestrel's decoded path (percent-escapes decoded, except <c>%2F</c>, which stays escaped so it
/// cannot be mistaken for a separator).
/// </param>
/// <param name="QueryString">The query string, still escaped, with the leading <c>?</c> (empty when none).</param>
/// <param name="RawTarget">The request target as sent on the wire.</param>
/// <param name="Headers">The request headers (names case-insensitive, repeated values joined with <c>,</c>).</param>
/// <param name="Body">The body bytes (empty when none).</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string QueryString,
    string RawTarget,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
