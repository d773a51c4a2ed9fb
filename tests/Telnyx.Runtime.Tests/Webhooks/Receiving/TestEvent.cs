using System;
using System.Text.Json;
using Telnyx.Runtime.Primitives;

namespace Telnyx.Runtime.Tests.Webhooks.Receiving;

/// <summary>A stand-in for the generated event union: the envelope's header fields only.</summary>
public sealed record TestEvent(string? Id, string EventType, DateTimeOffset? OccurredAt) : ITelnyxWebhookEvent
{
    /// <summary>Parses like the generated <c>ParseUnverified</c>: a JSON object, wrapped or bare, with an <c>event_type</c>.</summary>
    public static TestEvent Parse(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        if (!reader.Read())
        {
            throw new JsonException("The webhook body holds no JSON.");
        }

        WebhookEventHeader header = WebhookEnvelope.Locate(ref reader);
        return new TestEvent(header.Id, header.EventType ?? throw new JsonException("The event has no event_type."), header.OccurredAt);
    }
}
