using System;
using System.Threading;
using System.Threading.Tasks;
using Telnyx.Runtime;

namespace Telnyx.AspNetCore.Tests.Infrastructure;

/// <summary>A store that cannot be reached: every call throws, as a client of a dead server does.</summary>
public sealed class UnreachableStore : ITelnyxWebhookDeliveryStore
{
    public int Calls;

    public ValueTask<TelnyxDeliveryClaim> TryClaimAsync(string eventId, TimeSpan claimLifetime, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Calls);
        throw new TimeoutException("the deduplication store did not answer");
    }

    public ValueTask MarkHandledAsync(TelnyxDeliveryClaim claim, TimeSpan window, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Calls);
        throw new TimeoutException("the deduplication store did not answer");
    }

    public ValueTask ReleaseAsync(TelnyxDeliveryClaim claim, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Calls);
        throw new TimeoutException("the deduplication store did not answer");
    }
}
