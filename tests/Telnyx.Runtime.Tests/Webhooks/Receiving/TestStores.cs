using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Telnyx.Runtime.Tests.Webhooks.Receiving;

/// <summary>Wraps a store, records every call, and fails the calls it is told to fail.</summary>
internal sealed class RecordingStore(ITelnyxWebhookDeliveryStore inner) : ITelnyxWebhookDeliveryStore
{
    private readonly ConcurrentQueue<string> _calls = new();

    public Exception? ClaimError { get; set; }

    public Exception? MarkError { get; set; }

    public Exception? ReleaseError { get; set; }

    public TimeSpan? LastClaimLifetime { get; private set; }

    public TimeSpan? LastWindow { get; private set; }

    public List<TelnyxDeliveryClaim> Released { get; } = [];

    public List<TelnyxDeliveryClaim> Marked { get; } = [];

    public IReadOnlyList<string> Calls => _calls.ToArray();

    public ValueTask<TelnyxDeliveryClaim> TryClaimAsync(string eventId, TimeSpan claimLifetime, CancellationToken cancellationToken)
    {
        _calls.Enqueue("claim " + eventId);
        LastClaimLifetime = claimLifetime;
        return ClaimError is { } error ? ValueTask.FromException<TelnyxDeliveryClaim>(error) : inner.TryClaimAsync(eventId, claimLifetime, cancellationToken);
    }

    public async ValueTask MarkHandledAsync(TelnyxDeliveryClaim claim, TimeSpan window, CancellationToken cancellationToken)
    {
        _calls.Enqueue("mark " + claim.EventId);
        LastWindow = window;
        lock (Marked)
        {
            Marked.Add(claim);
        }
        await inner.MarkHandledAsync(claim, window, cancellationToken);
        if (MarkError is { } error)
        {
            throw error;
        }
    }

    public async ValueTask ReleaseAsync(TelnyxDeliveryClaim claim, CancellationToken cancellationToken)
    {
        _calls.Enqueue("release " + claim.EventId);
        lock (Released)
        {
            Released.Add(claim);
        }
        if (ReleaseError is { } error)
        {
            throw error;
        }
        await inner.ReleaseAsync(claim, cancellationToken);
    }
}

/// <summary>A store that always answers the same status.</summary>
internal sealed class FixedAnswerStore(TelnyxDeliveryClaimStatus status) : ITelnyxWebhookDeliveryStore
{
    public ValueTask<TelnyxDeliveryClaim> TryClaimAsync(string eventId, TimeSpan claimLifetime, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new TelnyxDeliveryClaim(eventId, status, status == TelnyxDeliveryClaimStatus.Claimed ? "token" : ""));

    public ValueTask MarkHandledAsync(TelnyxDeliveryClaim claim, TimeSpan window, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask ReleaseAsync(TelnyxDeliveryClaim claim, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
