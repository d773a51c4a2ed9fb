using System;
using System.Threading;
using System.Threading.Tasks;

namespace Telnyx.Runtime;

/// <summary>
/// When and how long a Telnyx client waits before retrying a failed attempt. Set the properties for the common
/// cases; derive and override the virtual members to change the rules (a custom scheduler, no waits in tests,
/// metrics on each retry). Assigned to <see cref="TelnyxClientOptions.Retry"/>; one instance may serve many clients,
/// so an override must be thread-safe, and the properties should not change once a client uses it.
/// </summary>
/// <remarks>
/// <para>By default a request is retried after a connection failure (no response, or a response cut off), an
/// attempt timeout, or a 408, 409, 429 or 5xx status. The wait before retry n is
/// <c>min(0.5 s × 2^(n-1), MaxDelay) × (1 - 0.25 × jitter)</c>, jitter in [0, 1), unless the response carries
/// <c>retry-after-ms</c> or <c>Retry-After</c>, which is used instead (capped at <see cref="MaxRetryAfter"/>).</para>
/// </remarks>
public class TelnyxRetryPolicy
{
    /// <summary>Creates the default policy: 2 retries, backoff capped at 8 s, <c>Retry-After</c> honoured up to 60 s.</summary>
    public TelnyxRetryPolicy()
    {
    }

    /// <summary>
    /// Creates a policy with the settings of <paramref name="settings"/>, so a subclass can replace
    /// <see cref="TelnyxClientOptions.Retry"/> without losing values bound from configuration:
    /// <c>options.Retry = new MyPolicy(options.Retry)</c>.
    /// </summary>
    /// <param name="settings">The policy whose <see cref="MaxRetries"/>, <see cref="MaxDelay"/> and <see cref="MaxRetryAfter"/> are copied.</param>
    protected TelnyxRetryPolicy(TelnyxRetryPolicy settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        MaxRetries = settings.MaxRetries;
        MaxDelay = settings.MaxDelay;
        MaxRetryAfter = settings.MaxRetryAfter;
    }

    /// <summary>How many times a failed request is retried (default 2, so 3 attempts); 0 disables retries.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The cap of the exponential backoff (default 8 seconds).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// The longest server-requested wait honoured (default 60 seconds). When a response carries
    /// <c>retry-after-ms</c> (milliseconds) or <c>Retry-After</c> (seconds or an HTTP date), that wait is used instead
    /// of the backoff; a longer request is shortened to this cap, a date in the past means no wait.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Whether a response with this (non-2xx) status is retried: 408, 409, 429 and 5xx by default.</summary>
    /// <param name="statusCode">The HTTP status of the failed attempt.</param>
    public virtual bool ShouldRetry(int statusCode) => statusCode is 408 or 409 or 429 || statusCode >= 500;

    /// <summary>
    /// Whether an attempt that got no complete response is retried: a connection failure
    /// (<see cref="System.Net.Http.HttpRequestException"/>, <see cref="System.IO.IOException"/>) or an attempt timeout
    /// (<see cref="OperationCanceledException"/>). Always by default. Not asked when the caller cancelled.
    /// </summary>
    /// <param name="transportFailure">The exception of the failed attempt.</param>
    public virtual bool ShouldRetry(Exception transportFailure) => true;

    /// <summary>
    /// The wait after failed attempt <paramref name="failedAttempt"/>: the server's request clamped to
    /// [0, <see cref="MaxRetryAfter"/>] when there is one, else the jittered exponential backoff.
    /// </summary>
    /// <param name="failedAttempt">The 1-based number of the attempt that failed.</param>
    /// <param name="retryAfter">The wait the response asked for (<c>retry-after-ms</c> / <c>Retry-After</c>), or null.</param>
    public virtual TimeSpan GetDelay(int failedAttempt, TimeSpan? retryAfter)
    {
        if (retryAfter is TimeSpan requested)
        {
            return requested < TimeSpan.Zero ? TimeSpan.Zero : requested > MaxRetryAfter ? MaxRetryAfter : requested;
        }
        int exponent = Math.Clamp(failedAttempt - 1, 0, 30);
        double seconds = Math.Min(0.5 * Math.Pow(2, exponent), MaxDelay.TotalSeconds);
        double jitter = NextJitter();
        // NaN and out-of-range values from an override are pinned, so the wait stays within (0.75, 1] of the backoff.
        if (!(jitter >= 0))
        {
            jitter = 0;
        }
        else if (jitter > 1)
        {
            jitter = 1;
        }
        return TimeSpan.FromSeconds(Math.Max(seconds, 0) * (1 - (0.25 * jitter)));
    }

    /// <summary>Waits <paramref name="delay"/> before the next attempt: <c>Task.Delay</c> on the client's clock.</summary>
    /// <param name="delay">The wait chosen by <see cref="GetDelay"/>.</param>
    /// <param name="timeProvider">The client's <see cref="TelnyxClientOptions.TimeProvider"/>.</param>
    /// <param name="cancellationToken">The caller's token; cancelling it must end the wait.</param>
    /// <returns>A task that completes when the wait is over, or faults/cancels to stop retrying.</returns>
    public virtual ValueTask DelayAsync(TimeSpan delay, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return delay > TimeSpan.Zero ? new ValueTask(Task.Delay(delay, timeProvider, cancellationToken)) : ValueTask.CompletedTask;
    }

    /// <summary>
    /// Called before each retry wait with the failed attempt, the chosen delay, and the status or exception that
    /// caused the retry. Does nothing by default. Runs on the request's thread; an exception it throws propagates to
    /// the caller.
    /// </summary>
    /// <param name="retry">The retry about to happen.</param>
    public virtual void OnRetry(TelnyxRetryEvent retry)
    {
    }

    /// <summary>The jitter of one backoff, in [0, 1): <see cref="Random.Shared"/> by default; return 0 for none.</summary>
    protected virtual double NextJitter() => Random.Shared.NextDouble();
}
