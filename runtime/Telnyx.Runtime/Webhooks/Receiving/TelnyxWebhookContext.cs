using System;
using System.Collections.Generic;

namespace Telnyx.Runtime;

/// <summary>One webhook delivery, as the handler sees it beside the typed event.</summary>
public sealed class TelnyxWebhookContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="deliveryId">The event's <c>id</c> (the deduplication key), or null when the event has none.</param>
    /// <param name="eventType">The event's <c>event_type</c>.</param>
    /// <param name="occurredAt">The event's <c>occurred_at</c>.</param>
    /// <param name="rawBody">The body exactly as received and verified.</param>
    /// <param name="headers">The request headers (case-insensitive names).</param>
    public TelnyxWebhookContext(string? deliveryId, string eventType, DateTimeOffset? occurredAt, ReadOnlyMemory<byte> rawBody, IReadOnlyDictionary<string, string> headers)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        ArgumentNullException.ThrowIfNull(headers);
        DeliveryId = deliveryId;
        EventType = eventType;
        OccurredAt = occurredAt;
        RawBody = rawBody;
        Headers = headers;
    }

    /// <summary>The event's <c>id</c>: the same for every delivery (retry) of one event.</summary>
    public string? DeliveryId { get; }

    /// <summary>The event's <c>event_type</c>.</summary>
    public string EventType { get; }

    /// <summary>The event's <c>occurred_at</c>: deliveries can arrive out of order, compare this rather than arrival order.</summary>
    public DateTimeOffset? OccurredAt { get; }

    /// <summary>The verified body as received. Valid only until the handler's task completes: copy it to keep it.</summary>
    public ReadOnlyMemory<byte> RawBody { get; }

    /// <summary>The request headers, names compared case-insensitively, repeated values joined with <c>,</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }
}
