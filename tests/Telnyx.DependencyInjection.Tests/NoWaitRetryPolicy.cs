using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Telnyx.Runtime;

namespace Telnyx.DependencyInjection.Tests;

/// <summary>The default retry rules without the waits, recording each retry.</summary>
internal sealed class NoWaitRetryPolicy : TelnyxRetryPolicy
{
    private readonly ConcurrentQueue<TelnyxRetryEvent> _retries = new();

    public NoWaitRetryPolicy()
    {
    }

    public NoWaitRetryPolicy(TelnyxRetryPolicy settings)
        : base(settings)
    {
    }

    public TelnyxRetryEvent[] Retries => _retries.ToArray();

    public override ValueTask DelayAsync(TimeSpan delay, TimeProvider timeProvider, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public override void OnRetry(TelnyxRetryEvent retry) => _retries.Enqueue(retry);
}
