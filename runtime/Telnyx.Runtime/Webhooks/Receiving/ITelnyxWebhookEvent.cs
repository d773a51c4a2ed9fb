using System;

namespace Telnyx.Runtime.Primitives;

/// <summary>
/// What the receiver reads from every typed webhook event: the generated <c>TelnyxWebhookEvent</c> implements it.
/// </summary>
public interface ITelnyxWebhookEvent
{
    /// <summary>The event's <c>id</c>: the key that deduplicates deliveries of the same event.</summary>
    string? Id { get; }

    /// <summary>The event's <c>event_type</c>, for example <c>conference.created</c>.</summary>
    string EventType { get; }

    /// <summary>When the event occurred (<c>occurred_at</c>).</summary>
    DateTimeOffset? OccurredAt { get; }
}
