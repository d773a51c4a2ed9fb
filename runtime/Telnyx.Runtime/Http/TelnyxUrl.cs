using System;

namespace Telnyx.Runtime.Primitives;

/// <summary>URL helpers used by the generated client.</summary>
public static class TelnyxUrl
{
    /// <summary>
    /// Escapes one path segment with <see cref="Uri.EscapeDataString(string)"/> semantics: everything but
    /// <c>A-Z a-z 0-9 - . _ ~</c> is percent-encoded as UTF-8 (so <c>/</c>, <c>?</c>, <c>#</c>, <c>%</c>, spaces and
    /// non-ASCII characters cannot change the path). The dot segments <c>.</c> and <c>..</c> are encoded as
    /// <c>%2E</c> so they cannot move up the path.
    /// </summary>
    /// <param name="value">The parameter value.</param>
    /// <param name="parameterName">The parameter's name, used in the exception message.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty, <c>.</c> or <c>..</c>.</exception>
    public static string EscapePathSegment(string value, string parameterName)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"path parameter '{parameterName}' must not be empty", parameterName);
        }
        // Servers and proxies decode %2E and then drop dot segments, so "." and ".." would address another
        // resource: refuse them rather than send a request somewhere the caller did not mean.
        if (value is "." or "..")
        {
            throw new ArgumentException($"path parameter '{parameterName}' must not be '{value}'", parameterName);
        }
        return Uri.EscapeDataString(value);
    }

    /// <summary>Escapes one path segment; see <see cref="EscapePathSegment(string, string)"/>.</summary>
    /// <param name="value">The parameter value.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty, <c>.</c> or <c>..</c>.</exception>
    public static string EscapePathSegment(string value) => EscapePathSegment(value, nameof(value));

    /// <summary>
    /// Escapes a query parameter name: like <see cref="Uri.EscapeDataString(string)"/>, except that <c>[</c> and
    /// <c>]</c> stay literal, so deep-object names read as the Telnyx documentation shows them
    /// (<c>page[number]=2</c>, <c>filter[name]=x</c>).
    /// </summary>
    /// <param name="name">The parameter name.</param>
    public static string EscapeQueryName(string name)
    {
        string escaped = Uri.EscapeDataString(name);
        if (escaped.Contains('%', StringComparison.Ordinal))
        {
            escaped = escaped.Replace("%5B", "[", StringComparison.Ordinal).Replace("%5D", "]", StringComparison.Ordinal);
        }
        return escaped;
    }

    /// <summary>Escapes a query parameter value with <see cref="Uri.EscapeDataString(string)"/> semantics.</summary>
    /// <param name="value">The parameter value.</param>
    public static string EscapeQueryValue(string value) => Uri.EscapeDataString(value);
}
