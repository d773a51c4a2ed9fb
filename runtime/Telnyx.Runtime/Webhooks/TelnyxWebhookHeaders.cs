using System;
using System.Collections.Generic;
using System.Net.Http.Headers;
using Microsoft.Extensions.Primitives;

namespace Telnyx.Runtime;

/// <summary>
/// The two headers a Telnyx webhook is verified with: <c>telnyx-signature-ed25519</c> and <c>telnyx-timestamp</c>.
/// Build it with one of the <c>From</c> methods from whatever the request's headers are held in; names always match
/// case-insensitively.
/// </summary>
/// <remarks>
/// ASP.NET Core: <c>TelnyxWebhookHeaders.From(request.Headers)</c> (an <c>IHeaderDictionary</c> is a dictionary of
/// <see cref="StringValues"/>). A header sent more than once counts by its first value.
/// </remarks>
public readonly struct TelnyxWebhookHeaders
{
    private const string SignatureHeaderName = TelnyxWebhookVerifier.SignatureHeaderName;

    private const string TimestampHeaderName = TelnyxWebhookVerifier.TimestampHeaderName;

    /// <summary>The two values as received (null when absent).</summary>
    public TelnyxWebhookHeaders(string? signature, string? timestamp)
    {
        Signature = signature;
        Timestamp = timestamp;
    }

    /// <summary>The <c>telnyx-signature-ed25519</c> value, or null when absent.</summary>
    public string? Signature { get; }

    /// <summary>The <c>telnyx-timestamp</c> value, or null when absent.</summary>
    public string? Timestamp { get; }

    /// <summary>From name/value pairs: a dictionary (its own comparer need not be case-insensitive) or any sequence of pairs.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> is null.</exception>
    public static TelnyxWebhookHeaders From(IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return new(Find(headers, SignatureHeaderName), Find(headers, TimestampHeaderName));
    }

    /// <summary>From name/values pairs such as ASP.NET Core's <c>IHeaderDictionary</c> (<c>request.Headers</c>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> is null.</exception>
    public static TelnyxWebhookHeaders From(IEnumerable<KeyValuePair<string, StringValues>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return new(First(Find(headers, SignatureHeaderName)), First(Find(headers, TimestampHeaderName)));
    }

    /// <summary>From <see cref="HttpHeaders"/> (for example <c>HttpRequestMessage.Headers</c>), read without validation.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> is null.</exception>
    public static TelnyxWebhookHeaders From(HttpHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return new(Find(headers, SignatureHeaderName), Find(headers, TimestampHeaderName));
    }

    /// <summary>From a lookup that returns a header's value by name, or null when absent (it should ignore case).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="getHeader"/> is null.</exception>
    public static TelnyxWebhookHeaders From(Func<string, string?> getHeader)
    {
        ArgumentNullException.ThrowIfNull(getHeader);
        return new(getHeader(SignatureHeaderName), getHeader(TimestampHeaderName));
    }

    private static TValue? Find<TValue>(IEnumerable<KeyValuePair<string, TValue>> headers, string name)
    {
        // A direct lookup first: it succeeds for case-insensitive dictionaries and for keys already in lower case.
        switch (headers)
        {
            case IReadOnlyDictionary<string, TValue> readOnly when readOnly.TryGetValue(name, out TValue? value):
                return value;
            case IDictionary<string, TValue> dictionary when dictionary.TryGetValue(name, out TValue? value):
                return value;
        }

        foreach (KeyValuePair<string, TValue> header in headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        return default;
    }

    private static string? First(StringValues values) => values.Count > 0 ? values[0] : null;

    private static string? Find(HttpHeaders headers, string name)
    {
        // NonValidated returns the values as received, without parsing them (names are case-insensitive).
        if (headers.NonValidated.TryGetValues(name, out HeaderStringValues values))
        {
            foreach (string value in values)
            {
                return value;
            }
        }

        return null;
    }
}
