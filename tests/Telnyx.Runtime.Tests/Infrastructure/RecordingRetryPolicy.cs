using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Telnyx.Runtime.Tests.Infrastructure;

/// <summary>
/// The default retry rules with the test seams: every wait is recorded and completes at once (or runs
/// <see cref="Behaviour"/>), every retry is recorded, and the jitter is fixed (0 unless set; null keeps the random one).
/// </summary>
public sealed class RecordingRetryPolicy : TelnyxRetryPolicy
{
    private readonly ConcurrentQueue<TimeSpan> _delays = new();
    private readonly ConcurrentQueue<TelnyxRetryEvent> _retries = new();

    /// <summary>The jitter every backoff uses; null for the base policy's random jitter.</summary>
    public double? Jitter { get; set; } = 0;

    /// <summary>Optional behaviour run after recording a wait (for example cancel and wait forever).</summary>
    public Func<TimeSpan, CancellationToken, Task>? Behaviour { get; set; }

    /// <summary>Optional behaviour run after recording a retry.</summary>
    public Action<TelnyxRetryEvent>? Retried { get; set; }

    public TimeSpan[] Delays => _delays.ToArray();

    public double[] DelaySeconds => _delays.Select(d => d.TotalSeconds).ToArray();

    public TelnyxRetryEvent[] Retries => _retries.ToArray();

    public override ValueTask DelayAsync(TimeSpan delay, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        _delays.Enqueue(delay);
        if (Behaviour is { } behaviour)
        {
            return new ValueTask(behaviour(delay, cancellationToken));
        }
        return cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled(cancellationToken) : ValueTask.CompletedTask;
    }

    public override void OnRetry(TelnyxRetryEvent retry)
    {
        _retries.Enqueue(retry);
        Retried?.Invoke(retry);
    }

    protected override double NextJitter() => Jitter ?? base.NextJitter();
}
