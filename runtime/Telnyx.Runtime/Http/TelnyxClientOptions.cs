using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Telnyx.Runtime.Http;

/// <summary>Configuration of a Telnyx client. Read once, when the client (its <see cref="TelnyxHttpCore"/>) is created.</summary>
public sealed class TelnyxClientOptions
{
    /// <summary>The environment variable read when <see cref="ApiKey"/> is not set: <c>TELNYX_API_KEY</c>.</summary>
    public const string ApiKeyEnvironmentVariable = "TELNYX_API_KEY";

    /// <summary>The environment variable read when <see cref="BaseUrl"/> is not set: <c>TELNYX_BASE_URL</c>.</summary>
    public const string BaseUrlEnvironmentVariable = "TELNYX_BASE_URL";

    /// <summary>The environment variable read for <see cref="WebhookPublicKey"/> when it is not set.</summary>
    public const string WebhookPublicKeyEnvironmentVariable = "TELNYX_PUBLIC_KEY";

    /// <summary>The production API root, <c>https://api.telnyx.com/v2</c>.</summary>
    public static Uri DefaultBaseUrl { get; } = new("https://api.telnyx.com/v2");

    /// <summary>
    /// The API key sent as <c>Authorization: Bearer</c>. When null or blank, the <c>TELNYX_API_KEY</c> environment
    /// variable is used; when that is missing too, every call throws
    /// <see cref="Errors.TelnyxConfigurationException"/> before sending anything.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The API root that request paths are appended to. When null, the <c>TELNYX_BASE_URL</c> environment variable
    /// is used, else <see cref="DefaultBaseUrl"/>.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>
    /// The timeout of one attempt (sending, waiting for and reading the whole response); default 60 seconds.
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> disables it. An attempt that times out is retried;
    /// when no retry is left, <see cref="Errors.TelnyxTimeoutException"/> is thrown.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The Telnyx webhook public key (Mission Control Portal, "Public Key"): base64 of 32 bytes, or PEM / DER
    /// SubjectPublicKeyInfo. When null, <c>TELNYX_PUBLIC_KEY</c> is read. Needed only to verify webhooks.
    /// </summary>
    public string? WebhookPublicKey { get; set; }

    /// <summary>How far a webhook's <c>telnyx-timestamp</c> may be from now, either way (default 300 s).</summary>
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>How many times a failed request is retried (default 2, so 3 attempts); 0 disables retries.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>
    /// An <see cref="System.Net.Http.HttpClient"/> to send requests with. The client never disposes it; its own
    /// <see cref="HttpClient.Timeout"/> still applies and counts as an attempt timeout. When null, the client
    /// creates (and disposes) its own.
    /// </summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>
    /// The clock: used for per-attempt timeouts, retry delays (unless <see cref="DelayOverride"/> is set) and to
    /// resolve an HTTP-date <c>Retry-After</c>. Default <see cref="TimeProvider.System"/>.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Reads <c>TELNYX_API_KEY</c> and <c>TELNYX_BASE_URL</c> when the options leave them unset: the process environment,
    /// replaced in tests so that their outcome never depends on the machine's variables.
    /// </summary>
    internal Func<string, string?> ReadEnvironment { get; set; } = Environment.GetEnvironmentVariable;

    /// <summary>
    /// The cap of the exponential backoff (default 8 seconds). Retry n (1-based) waits
    /// <c>min(0.5 s × 2^(n-1), MaxRetryDelay)</c> multiplied by a jitter factor in (0.75, 1.0].
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// The longest server-requested wait honoured (default 60 seconds). When a response carries
    /// <c>retry-after-ms</c> (milliseconds) or <c>Retry-After</c> (seconds or an HTTP date), that wait is used instead
    /// of the backoff; a longer request is shortened to this cap, a date in the past means no wait.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Replaces the wait between retries (for tests or custom schedulers). Receives the chosen delay and the
    /// caller's token; the returned task must complete when the wait is over, or fault/cancel to stop retrying.
    /// When null, <c>Task.Delay(delay, TimeProvider, token)</c> is used.
    /// </summary>
    public Func<TimeSpan, CancellationToken, Task>? DelayOverride { get; set; }

    /// <summary>
    /// The source of jitter: returns a number in [0, 1); the backoff is multiplied by <c>1 - 0.25 × value</c>.
    /// When null, <see cref="Random.Shared"/> is used. Return 0 for no jitter.
    /// </summary>
    public Func<double>? JitterSource { get; set; }

    /// <summary>
    /// Called before each retry wait with the failed attempt, the chosen delay, and the status or exception that
    /// caused the retry. Runs on the request's thread; an exception it throws propagates to the caller.
    /// </summary>
    public Action<TelnyxRetryEvent>? OnRetry { get; set; }
}

/// <summary>Describes one retry, as reported to <see cref="TelnyxClientOptions.OnRetry"/>.</summary>
/// <param name="Method">The HTTP method of the request.</param>
/// <param name="Path">The request path relative to the base URL, without the query.</param>
/// <param name="Attempt">The 1-based number of the attempt that failed.</param>
/// <param name="Delay">How long the client waits before the next attempt.</param>
/// <param name="StatusCode">The status of the failed attempt, or null when it got no response.</param>
/// <param name="Error">The exception of the failed attempt (connection failure or timeout), or null when it got a response.</param>
public readonly record struct TelnyxRetryEvent(HttpMethod Method, string Path, int Attempt, TimeSpan Delay, int? StatusCode, Exception? Error);
