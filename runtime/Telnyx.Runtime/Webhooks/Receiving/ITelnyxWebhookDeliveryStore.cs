using System;
using System.Threading;
using System.Threading.Tasks;

namespace Telnyx.Runtime;

/// <summary>
/// Remembers which events were handled, shared by every instance of the app: a delivery is claimed before dispatch,
/// marked handled after it, and released when the handler fails so that Telnyx's retry is handled.
/// </summary>
/// <remarks>
/// <see cref="TryClaimAsync"/> must be atomic across instances for two instances receiving the same delivery at once
/// to dispatch it once. Throw any exception when the store cannot be reached: the receiver applies
/// <see cref="TelnyxWebhookReceiverOptions.StoreFailureMode"/>.
/// </remarks>
public interface ITelnyxWebhookDeliveryStore
{
    /// <summary>Claims the event for this delivery unless it is handled or claimed already.</summary>
    /// <param name="eventId">The event's <c>id</c>.</param>
    /// <param name="claimLifetime">How long the claim holds if this instance dies before marking or releasing it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The claim, or why there is none.</returns>
    ValueTask<TelnyxDeliveryClaim> TryClaimAsync(string eventId, TimeSpan claimLifetime, CancellationToken cancellationToken);

    /// <summary>Records the claimed event as handled for <paramref name="window"/>.</summary>
    /// <param name="claim">The claim returned by <see cref="TryClaimAsync"/>.</param>
    /// <param name="window">How long a later delivery of it is answered as a duplicate.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the record is stored.</returns>
    ValueTask MarkHandledAsync(TelnyxDeliveryClaim claim, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>Drops the claim (the handler failed), so the next delivery of the event is dispatched.</summary>
    /// <param name="claim">The claim returned by <see cref="TryClaimAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the claim is gone.</returns>
    ValueTask ReleaseAsync(TelnyxDeliveryClaim claim, CancellationToken cancellationToken);
}

/// <summary>The answer of <see cref="ITelnyxWebhookDeliveryStore.TryClaimAsync"/>.</summary>
public enum TelnyxDeliveryClaimStatus
{
    /// <summary>This delivery holds the claim: dispatch it.</summary>
    Claimed = 0,

    /// <summary>The event was handled already: answer 200 without dispatching.</summary>
    AlreadyHandled,

    /// <summary>Another delivery holds the claim: answer 409 so that Telnyx tries again.</summary>
    InProgress,
}

/// <summary>A claim on one event, identified by a token unique to the delivery that took it.</summary>
/// <param name="EventId">The event's <c>id</c>.</param>
/// <param name="Status">Whether the claim was taken.</param>
/// <param name="Token">The claim's token (compared on release, so a late release never drops another delivery's claim).</param>
public readonly record struct TelnyxDeliveryClaim(string EventId, TelnyxDeliveryClaimStatus Status, string Token);
