using System;
using System.Net.Http;

namespace Telnyx.Runtime;

/// <summary>Describes one retry, as reported to <see cref="TelnyxRetryPolicy.OnRetry"/>.</summary>
/// <param name="Method">The HTTP method of the request.</param>
/// <param name="Path">The request path relative to the base URL, without the query.</param>
/// <param name="Attempt">The 1-based number of the attempt that failed.</param>
/// <param name="Delay">How long the client waits before the next attempt.</param>
/// <param name="StatusCode">The status of the failed attempt, or null when it got no response.</param>
/// <param name="Error">The exception of the failed attempt (connection failure or timeout), or null when it got a response.</param>
public readonly record struct TelnyxRetryEvent(HttpMethod Method, string Path, int Attempt, TimeSpan Delay, int? StatusCode, Exception? Error);
