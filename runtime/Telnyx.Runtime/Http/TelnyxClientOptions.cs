using System;
using System.Net.Http;
using Telnyx.Runtime.Primitives;

namespace Telnyx.Runtime;

/// <summary>Configuration of a Telnyx client. Read once, when the client (its <see cref="TelnyxHttpCore"/>) is created.</summary>
public sealed class TelnyxClientOptions
{
    private TelnyxRetryPolicy _retry = new();

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
    /// <see cref="TelnyxConfigurationException"/> before sending anything.
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
    /// when no retry is left, <see cref="TelnyxTimeoutException"/> is thrown.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The Telnyx webhook public key (Mission Control Portal, "Public Key"): base64 of 32 bytes, or PEM / DER
    /// SubjectPublicKeyInfo. When null, <c>TELNYX_PUBLIC_KEY</c> is read. Needed only to verify webhooks.
    /// </summary>
    public string? WebhookPublicKey { get; set; }

    /// <summary>How far a webhook's <c>telnyx-timestamp</c> may be from now, either way (default 300 s).</summary>
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>
    /// When and how long to wait before retrying a failed attempt: <see cref="TelnyxRetryPolicy.MaxRetries"/> (default 2),
    /// the backoff cap, the longest honoured <c>Retry-After</c>, and virtual members to override. Never null.
    /// </summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public TelnyxRetryPolicy Retry
    {
        get => _retry;
        set => _retry = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// An <see cref="System.Net.Http.HttpClient"/> to send requests with. The client never disposes it; its own
    /// <see cref="HttpClient.Timeout"/> still applies and counts as an attempt timeout. When null, the client
    /// creates (and disposes) its own.
    /// </summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>
    /// The clock: used for per-attempt timeouts, retry delays (<see cref="TelnyxRetryPolicy.DelayAsync"/>) and to
    /// resolve an HTTP-date <c>Retry-After</c>. Default <see cref="TimeProvider.System"/>.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Reads <c>TELNYX_API_KEY</c> and <c>TELNYX_BASE_URL</c> when the options leave them unset: the process environment,
    /// replaced in tests so that their outcome never depends on the machine's variables.
    /// </summary>
    internal Func<string, string?> ReadEnvironment { get; set; } = Environment.GetEnvironmentVariable;

    /// <summary>
    /// Told of every retry before <see cref="TelnyxRetryPolicy.OnRetry"/>: the dependency-injection registration logs
    /// retries through it, whatever policy the user sets.
    /// </summary>
    internal Action<TelnyxRetryEvent>? RetryLog { get; set; }
}
