using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Telnyx.Runtime.Tests.Infrastructure;

/// <summary>A retry-delay seam that records every requested delay and completes it at once.</summary>
public sealed class RecordingDelay
{
    private readonly ConcurrentQueue<TimeSpan> _delays = new();

    /// <summary>Optional behaviour run after recording (for example cancel and wait forever).</summary>
    public Func<TimeSpan, CancellationToken, Task>? Behaviour { get; set; }

    public TimeSpan[] Delays => _delays.ToArray();

    public double[] DelaySeconds => _delays.Select(d => d.TotalSeconds).ToArray();

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        _delays.Enqueue(delay);
        if (Behaviour is { } behaviour)
        {
            return behaviour(delay, cancellationToken);
        }
        return cancellationToken.IsCancellationRequested ? Task.FromCanceled(cancellationToken) : Task.CompletedTask;
    }
}

/// <summary>A clock stuck at a fixed instant; timers still run on real time.</summary>
public sealed class FixedTimeProvider : TimeProvider
{
    public FixedTimeProvider(DateTimeOffset now) => Now = now;

    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;
}
