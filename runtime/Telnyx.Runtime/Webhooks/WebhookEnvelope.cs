using System;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace Telnyx.Runtime.Primitives;

/// <summary>The fields every Telnyx event shares, read before the typed event is chosen.</summary>
/// <param name="EventType">The <c>event_type</c> of the event (null when absent).</param>
/// <param name="Id">The event's <c>id</c>.</param>
/// <param name="OccurredAt">The event's <c>occurred_at</c>, or its payload's when only the payload has one.</param>
/// <param name="RecordType">The event's <c>record_type</c>.</param>
/// <param name="Meta">The envelope's <c>meta</c> object, when there is an envelope.</param>
/// <param name="Wrapped">True when the event came inside <c>{ "data": event }</c>.</param>
public readonly record struct WebhookEventHeader(string? EventType, string? Id, DateTimeOffset? OccurredAt, string? RecordType, JsonElement? Meta, bool Wrapped);

/// <summary>
/// Finds the event in a webhook body: <c>{ "data": event, "meta": ... }</c> as Telnyx delivers it, or a bare event
/// (the form the OpenAPI document gives for some events). Used by the generated <c>TelnyxWebhookEvent.Parse</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WebhookEnvelope
{
    /// <summary>Moves <paramref name="reader"/> (on the body's first token) to the start of the event object.</summary>
    /// <exception cref="JsonException">The body is not a JSON object, or is malformed.</exception>
    public static WebhookEventHeader Locate(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A webhook body must be a JSON object, not {reader.TokenType}.");
        }
        var scan = reader;
        var hasData = false;
        var hasEventType = false;
        JsonElement? meta = null;
        while (scan.Read() && scan.TokenType == JsonTokenType.PropertyName)
        {
            if (scan.ValueTextEquals("data"u8))
            {
                scan.Read();
                hasData = scan.TokenType == JsonTokenType.StartObject && JsonRead.PeekStringProperty(scan, "event_type"u8) is not null;
                scan.Skip();
            }
            else if (scan.ValueTextEquals("meta"u8))
            {
                scan.Read();
                meta = JsonElement.ParseValue(ref scan);
            }
            else
            {
                hasEventType |= scan.ValueTextEquals("event_type"u8);
                scan.Read();
                scan.Skip();
            }
        }

        // The body must be exactly one JSON object: anything after it is refused, never silently ignored.
        if (scan.Read())
        {
            throw new JsonException($"Unexpected {scan.TokenType} after the webhook body's JSON object.");
        }

        var wrapped = hasData && !hasEventType;
        if (wrapped)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isData = reader.ValueTextEquals("data"u8);
                reader.Read();
                if (isData) break;
                reader.Skip();
            }
        }
        return ReadHeader(reader, wrapped ? meta : null, wrapped);
    }

    private static WebhookEventHeader ReadHeader(Utf8JsonReader reader, JsonElement? meta, bool wrapped)
    {
        string? eventType = null, id = null, recordType = null, occurredAt = null, payloadOccurredAt = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("event_type"u8)) eventType = ReadString(ref reader);
            else if (reader.ValueTextEquals("id"u8)) id = ReadString(ref reader);
            else if (reader.ValueTextEquals("record_type"u8)) recordType = ReadString(ref reader);
            else if (reader.ValueTextEquals("occurred_at"u8)) occurredAt = ReadString(ref reader);
            else if (reader.ValueTextEquals("payload"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject) payloadOccurredAt = PeekString(reader, "occurred_at"u8);
                reader.Skip();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        return new WebhookEventHeader(eventType, id, ParseTime(occurredAt ?? payloadOccurredAt), recordType, meta, wrapped);
    }

    private static string? ReadString(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String) return reader.GetString();
        reader.Skip();
        return null;
    }

    private static string? PeekString(Utf8JsonReader reader, ReadOnlySpan<byte> name) => JsonRead.PeekStringProperty(reader, name);

    private static DateTimeOffset? ParseTime(string? value)
        => value is not null && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
}
