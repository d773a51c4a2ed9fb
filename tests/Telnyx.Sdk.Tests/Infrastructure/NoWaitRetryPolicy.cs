using System;
using System.Threading;
using System.Threading.Tasks;
using Telnyx.Runtime;

namespace Telnyx.Sdk.Tests.Infrastructure;

/// <summary>The default retry rules without the waits and without jitter, so retried calls finish at once.</summary>
public sealed class NoWaitRetryPolicy : TelnyxRetryPolicy
{
    public override ValueTask DelayAsync(TimeSpan delay, TimeProvider timeProvider, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    protected override double NextJitter() => 0;
}
