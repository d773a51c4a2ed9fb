using System;

namespace Telnyx.Runtime;

/// <summary>
/// No HTTP response could be obtained (DNS, connect, TLS, connection reset, response cut off), and every retry
/// was spent. <see cref="Exception.InnerException"/> holds the last underlying failure.
/// </summary>
public sealed class TelnyxConnectionException : TelnyxException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The last underlying failure.</param>
    /// <param name="attempts">How many HTTP attempts were made.</param>
    public TelnyxConnectionException(string message, Exception? innerException, int attempts)
        : base(message, innerException, attempts)
    {
    }
}

/// <summary>Every attempt exceeded its per-attempt timeout, and every retry was spent.</summary>
public sealed class TelnyxTimeoutException : TelnyxException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="timeout">The per-attempt timeout that was exceeded.</param>
    /// <param name="innerException">The cancellation raised by the timeout.</param>
    /// <param name="attempts">How many HTTP attempts were made.</param>
    public TelnyxTimeoutException(string message, TimeSpan timeout, Exception? innerException, int attempts)
        : base(message, innerException, attempts)
    {
        Timeout = timeout;
    }

    /// <summary>The per-attempt timeout that was exceeded.</summary>
    public TimeSpan Timeout { get; }
}

/// <summary>
/// The API answered with a success status but the body could not be read as the expected JSON (empty, HTML,
/// malformed, or the wrong shape). Not retried.
/// </summary>
public sealed class TelnyxInvalidResponseException : TelnyxException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status code of the response.</param>
    /// <param name="body">The raw response body text.</param>
    /// <param name="innerException">The parse failure, usually a <see cref="System.Text.Json.JsonException"/>.</param>
    /// <param name="attempts">How many HTTP attempts were made.</param>
    public TelnyxInvalidResponseException(string message, int statusCode, string body, Exception? innerException, int attempts)
        : base(message, innerException, attempts)
    {
        StatusCode = statusCode;
        Body = body;
    }

    /// <summary>The HTTP status code of the response.</summary>
    public int StatusCode { get; }

    /// <summary>The raw response body text.</summary>
    public string Body { get; }
}

/// <summary>The client is misconfigured (for example no API key); thrown before any request is sent.</summary>
public sealed class TelnyxConfigurationException : TelnyxException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is misconfigured and how to fix it.</param>
    public TelnyxConfigurationException(string message)
        : base(message)
    {
    }
}
