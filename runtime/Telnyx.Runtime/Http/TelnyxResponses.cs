using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace Telnyx.Runtime;

/// <summary>A complete HTTP response: status, headers and the whole body.</summary>
public sealed class TelnyxRawResponse
{
    private string? _bodyText;

    /// <summary>Creates a raw response.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="headers">The response and content headers (case-insensitive names).</param>
    /// <param name="body">The body bytes.</param>
    /// <param name="attempts">How many HTTP attempts it took to get this response.</param>
    public TelnyxRawResponse(int statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, ReadOnlyMemory<byte> body, int attempts = 1)
    {
        ArgumentNullException.ThrowIfNull(headers);
        StatusCode = statusCode;
        Headers = headers;
        Body = body;
        Attempts = attempts;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The response and content headers; names are case-insensitive, repeated headers keep every value.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The body bytes (empty when there was none).</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The body decoded as UTF-8.</summary>
    public string BodyText => _bodyText ??= Body.IsEmpty ? string.Empty : Encoding.UTF8.GetString(Body.Span);

    /// <summary>How many HTTP attempts it took to get this response (1 when the first succeeded).</summary>
    public int Attempts { get; }

    /// <summary>The value of the <c>x-request-id</c> header, if any.</summary>
    public string? RequestId => Headers.TryGetValue("x-request-id", out var values) && values.Count > 0 ? values[0] : null;
}

/// <summary>A typed result together with the raw response it was read from.</summary>
/// <typeparam name="T">The result type.</typeparam>
public sealed class TelnyxResponse<T>
{
    /// <summary>Creates the pair.</summary>
    /// <param name="value">The typed result.</param>
    /// <param name="response">The raw response.</param>
    public TelnyxResponse(T value, TelnyxRawResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Value = value;
        Response = response;
    }

    /// <summary>The typed result.</summary>
    public T Value { get; }

    /// <summary>The raw response (status, headers, body).</summary>
    public TelnyxRawResponse Response { get; }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode => Response.StatusCode;

    /// <summary>The response headers.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers => Response.Headers;
}
