using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Telnyx.Runtime;

/// <summary>
/// The Telnyx API answered with a non-success status. Specific statuses raise the subclasses
/// (<see cref="TelnyxBadRequestException"/>, <see cref="TelnyxNotFoundException"/>, ...); any other status raises
/// this class itself.
/// </summary>
public class TelnyxApiException : TelnyxException
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoHeaders =
        new ReadOnlyDictionary<string, IReadOnlyList<string>>(new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase));

    /// <summary>Creates an API exception.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="message">The exception message.</param>
    /// <param name="errors">The parsed <c>errors</c> array (empty when the body had none or was not JSON).</param>
    /// <param name="headers">The response headers (case-insensitive names).</param>
    /// <param name="body">The raw response body text.</param>
    /// <param name="attempts">How many HTTP attempts were made.</param>
    public TelnyxApiException(
        int statusCode,
        string message,
        IReadOnlyList<TelnyxError>? errors = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? headers = null,
        string? body = null,
        int attempts = 1)
        : base(message, null, attempts)
    {
        StatusCode = statusCode;
        Errors = errors ?? Array.Empty<TelnyxError>();
        Headers = headers ?? NoHeaders;
        Body = body ?? string.Empty;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The parsed <c>errors</c> array; empty when the body had none or was not JSON.</summary>
    public IReadOnlyList<TelnyxError> Errors { get; }

    /// <summary>The response headers (response and content headers, case-insensitive names).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The raw response body text (empty when there was none).</summary>
    public string Body { get; }

    /// <summary>The value of the <c>x-request-id</c> response header, useful when contacting Telnyx support.</summary>
    public string? RequestId => Headers.TryGetValue("x-request-id", out var values) && values.Count > 0 ? values[0] : null;
}

/// <summary>HTTP 400: the request was malformed.</summary>
public sealed class TelnyxBadRequestException : TelnyxApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="errors">The parsed errors.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="body">The raw response body text.</param>
    /// <param name="attempts">How many HTTP attempts were made.</param>
    public TelnyxBadRequestException(string message, IReadOnlyList<TelnyxError>? errors = null, IReadOnlyDictionary<string, IReadOnlyList<string>>? headers = null, string? body = null, int attempts = 1)
        : base(400, message, errors, headers, body, attempts)
    {
    }
}

/// <summary>HTTP 401: the API key is missing, malformed or revoked.</summary>
public sealed class TelnyxAuthenticationException : TelnyxApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="errors">The parsed errors.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="body">The raw response body text.</param>
    /// <param name="attempts">How many HTTP attempts were made.</param>
    public TelnyxAuthenticationException(string message, IReadOnlyList<TelnyxError>? errors = null, IReadOnlyDictionary<string, IReadOnlyList<string>>? headers = null, string? body = null, int attempts = 1)
        : base(401, message, errors, headers, body, attempts)
    {
    }
}

/// <summary>HTTP 403: the API key may not perform this operation.</summary>
public sealed class TelnyxPermissionDeniedException : TelnyxApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="errors">The parsed errors.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="body">The raw response body text.</param>
    /// <param name="attempts">How many HTTP attempts were made.</param>
    public TelnyxPermissionDeniedException(string message, IReadOnlyList<TelnyxError>? errors = null, IReadOnlyDictionary<string, IReadOnlyList<string>>? headers = null, string? body = null, int attempts = 1)
        : base(403, message, errors, headers, body, attempts)
    {
    }
}

/// <summary>HTTP 404: the resource does not exist.</summary>
public sealed class TelnyxNotFoundException : TelnyxApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="errors">The parsed errors.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="body">The raw response body text.</param>
    /// <param name="attempts">How many HTTP attempts were made.</param>
    public TelnyxNotFoundException(string message, IReadOnlyList<TelnyxError>? errors = null, IReadOnlyDictionary<string, IReadOnlyList<string>>? headers = null, string? body = null, int attempts = 1)
        : base(404, message, errors, headers, body, attempts)
    {
    }
}

/// <summary>HTTP 409: the request conflicts with the current state of the resource (retried by default).</summary>
public sealed class TelnyxConflictException : TelnyxApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="errors">The parsed errors.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="body">The raw response body text.</param>
    /// <param name="attempts">How many HTTP attempts were made.</param>
    public TelnyxConflictException(string message, IReadOnlyList<TelnyxError>? errors = null, IReadOnlyDictionary<string, IReadOnlyList<string>>? headers = null, string? body = null, int attempts = 1)
        : base(409, message, errors, headers, body, attempts)
    {
    }
}

/// <summary>HTTP 422: the request was well formed but failed validation.</summary>
public sealed class TelnyxUnprocessableEntityException : TelnyxApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="errors">The parsed errors.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="body">The raw response body text.</param>
    /// <param name="attempts">How many HTTP attempts were made.</param>
    public TelnyxUnprocessableEntityException(string message, IReadOnlyList<TelnyxError>? errors = null, IReadOnlyDictionary<string, IReadOnlyList<string>>? headers = null, string? body = null, int attempts = 1)
        : base(422, message, errors, headers, body, attempts)
    {
    }
}

/// <summary>HTTP 429: too many requests (retried by default, honouring <c>Retry-After</c>).</summary>
public sealed class TelnyxRateLimitException : TelnyxApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="errors">The parsed errors.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="body">The raw response body text.</param>
    /// <param name="attempts">How many HTTP attempts were made.</param>
    /// <param name="retryAfter">The wait the server asked for, uncapped, if it sent <c>retry-after-ms</c> or <c>Retry-After</c>.</param>
    public TelnyxRateLimitException(string message, IReadOnlyList<TelnyxError>? errors = null, IReadOnlyDictionary<string, IReadOnlyList<string>>? headers = null, string? body = null, int attempts = 1, TimeSpan? retryAfter = null)
        : base(429, message, errors, headers, body, attempts)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>The wait the server asked for (uncapped), or <see langword="null"/> when it sent no hint.</summary>
    public TimeSpan? RetryAfter { get; }
}

/// <summary>HTTP 5xx: the Telnyx API failed (retried by default).</summary>
public sealed class TelnyxServerException : TelnyxApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The 5xx status code.</param>
    /// <param name="message">The exception message.</param>
    /// <param name="errors">The parsed errors.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="body">The raw response body text.</param>
    /// <param name="attempts">How many HTTP attempts were made.</param>
    public TelnyxServerException(int statusCode, string message, IReadOnlyList<TelnyxError>? errors = null, IReadOnlyDictionary<string, IReadOnlyList<string>>? headers = null, string? body = null, int attempts = 1)
        : base(statusCode, message, errors, headers, body, attempts)
    {
    }
}
