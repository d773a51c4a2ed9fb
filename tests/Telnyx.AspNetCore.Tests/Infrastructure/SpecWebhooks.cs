using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;

namespace Telnyx.AspNetCore.Tests.Infrastructure;

/// <summary>One webhook of the bundled spec.</summary>
/// <param name="Key">The key under <c>webhooks</c>, e.g. <c>callLeftQueue</c>.</param>
/// <param name="Name">The key in PascalCase: the generated handler method is <c>On{Name}Async</c>.</param>
/// <param name="EventType">The <c>event_type</c> the schema's enum names, e.g. <c>call.dequeued</c>.</param>
/// <param name="Wrapped">Whether the body is the <c>{ "data": event, "meta": ... }</c> envelope (one event is delivered bare).</param>
public sealed record SpecWebhook(string Key, string Name, string EventType, bool Wrapped)
{
    public string HandlerMethod => "On" + Name + "Async";

    /// <summary>A body for this event with every property its schema lists, the event's <c>id</c> set to <paramref name="eventId"/>.</summary>
    public byte[] Body(string eventId) => SpecWebhooks.BuildBody(this, eventId);

    public override string ToString() => EventType;
}

/// <summary>
/// Webhook bodies built from the bundled spec's own schemas (<c>specs/telnyx-voice-conferencing.json</c>, read at run
/// time): for each entry of <c>webhooks</c>, every property of its event schema, with the schema's example or enum value
/// where it has one and a value of the declared type and format otherwise.
/// </summary>
public static class SpecWebhooks
{
    private static readonly Lazy<(JsonDocument Spec, IReadOnlyList<SpecWebhook> All, Dictionary<string, JsonElement> EventSchemas)> Loaded = new(Load);

    public static IReadOnlyList<SpecWebhook> All => Loaded.Value.All;

    public static SpecWebhook Get(string eventType) => All.Single(w => w.EventType == eventType);

    /// <summary>The event types for an xunit theory.</summary>
    public static TheoryData<string> EventTypes
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (SpecWebhook w in All)
            {
                data.Add(w.EventType);
            }

            return data;
        }
    }

    /// <summary>A wrapped event of a type no spec describes: what a newer Telnyx might send.</summary>
    public static byte[] UnknownEventBody(string eventId, string eventType = "conference.transcription.received") => Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("data");
        w.WriteString("record_type", "event");
        w.WriteString("event_type", eventType);
        w.WriteString("id", eventId);
        w.WriteString("occurred_at", "2026-12-02T03:00:00.000000Z");
        w.WriteStartObject("payload");
        w.WriteString("conference_id", "41b9acd4-f4da-4ff5-a85c-e07e90b53f46");
        w.WriteString("transcript", "hello");
        w.WriteEndObject();
        w.WriteEndObject();
        WriteMeta(w);
        w.WriteEndObject();
    });

    internal static byte[] BuildBody(SpecWebhook webhook, string eventId)
    {
        (JsonDocument spec, _, Dictionary<string, JsonElement> schemas) = Loaded.Value;
        JsonElement eventSchema = schemas[webhook.Key];
        return Write(w =>
        {
            if (webhook.Wrapped)
            {
                w.WriteStartObject();
                w.WritePropertyName("data");
            }

            w.WriteStartObject();
            foreach (JsonProperty p in Resolve(spec, eventSchema).GetProperty("properties").EnumerateObject())
            {
                w.WritePropertyName(p.Name);
                if (p.Name == "id")
                {
                    w.WriteStringValue(eventId);
                }
                else
                {
                    WriteValue(w, spec, p.Name, p.Value, depth: 0);
                }
            }

            w.WriteEndObject();
            if (webhook.Wrapped)
            {
                WriteMeta(w);
                w.WriteEndObject();
            }
        });
    }

    private static void WriteMeta(Utf8JsonWriter w)
    {
        w.WriteStartObject("meta");
        w.WriteNumber("attempt", 1);
        w.WriteString("delivered_to", "http://127.0.0.1/webhooks/telnyx");
        w.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter w, JsonDocument spec, string name, JsonElement schema, int depth)
    {
        schema = Resolve(spec, schema);
        if (schema.TryGetProperty("example", out JsonElement example))
        {
            example.WriteTo(w);
            return;
        }

        if (schema.TryGetProperty("enum", out JsonElement values) && values.GetArrayLength() > 0)
        {
            values[0].WriteTo(w);
            return;
        }

        foreach (string union in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(union, out JsonElement members) && members.GetArrayLength() > 0)
            {
                WriteValue(w, spec, name, members[0], depth + 1);
                return;
            }
        }

        string type = schema.TryGetProperty("type", out JsonElement t)
            ? (t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().First(x => x.GetString() != "null").GetString()! : t.GetString()!)
            : (schema.TryGetProperty("properties", out _) ? "object" : "string");
        string? format = schema.TryGetProperty("format", out JsonElement f) ? f.GetString() : null;
        switch (type)
        {
            case "object":
                w.WriteStartObject();
                if (depth < 8 && schema.TryGetProperty("properties", out JsonElement properties))
                {
                    foreach (JsonProperty p in properties.EnumerateObject())
                    {
                        w.WritePropertyName(p.Name);
                        WriteValue(w, spec, p.Name, p.Value, depth + 1);
                    }
                }

                w.WriteEndObject();
                break;
            case "array":
                w.WriteStartArray();
                if (schema.TryGetProperty("items", out JsonElement items))
                {
                    WriteValue(w, spec, name, items, depth + 1);
                }

                w.WriteEndArray();
                break;
            case "integer":
                w.WriteNumberValue(3);
                break;
            case "number":
                w.WriteNumberValue(2.5);
                break;
            case "boolean":
                w.WriteBooleanValue(true);
                break;
            default:
                w.WriteStringValue(format switch
                {
                    "date-time" => "2026-12-02T03:00:00.123456Z",
                    "uuid" => Guid.NewGuid().ToString(),
                    "uri" or "url" => "https://example.com/" + name,
                    _ when name == "call_control_id" => "v3:" + name + "-" + Guid.NewGuid().ToString("N"),
                    _ => name + "-value",
                });
                break;
        }
    }

    private static JsonElement Resolve(JsonDocument spec, JsonElement schema)
    {
        for (int i = 0; i < 16 && schema.TryGetProperty("$ref", out JsonElement reference); i++)
        {
            schema = Pointer(spec, reference.GetString()!);
        }

        return schema;
    }

    private static JsonElement Pointer(JsonDocument spec, string reference)
    {
        JsonElement node = spec.RootElement;
        foreach (string segment in reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node.GetProperty(segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        }

        return node;
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static (JsonDocument, IReadOnlyList<SpecWebhook>, Dictionary<string, JsonElement>) Load()
    {
        string path = typeof(SpecWebhooks).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SpecPath").Value!;
        JsonDocument spec = JsonDocument.Parse(File.ReadAllBytes(path));
        var all = new List<SpecWebhook>();
        var schemas = new Dictionary<string, JsonElement>();
        foreach (JsonProperty webhook in spec.RootElement.GetProperty("webhooks").EnumerateObject())
        {
            JsonElement body = Resolve(spec, webhook.Value.GetProperty("post").GetProperty("requestBody")
                .GetProperty("content").GetProperty("application/json").GetProperty("schema"));
            JsonElement properties = body.GetProperty("properties");
            // The envelope has "data" (the event); a bare event has record_type and event_type at the top.
            bool wrapped = properties.TryGetProperty("data", out JsonElement data) && !properties.TryGetProperty("event_type", out _);
            JsonElement eventSchema = wrapped ? data : body;
            string eventType = Resolve(spec, eventSchema).GetProperty("properties").GetProperty("event_type").GetProperty("enum")[0].GetString()!;
            string name = char.ToUpperInvariant(webhook.Name[0]) + webhook.Name[1..];
            all.Add(new SpecWebhook(webhook.Name, name, eventType, wrapped));
            schemas[webhook.Name] = eventSchema;
        }

        return (spec, all, schemas);
    }
}
