using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Telnyx.Sdk.Tests.Webhooks;

/// <summary>One webhook body and the checks of everything the typed event must expose for it.</summary>
/// <param name="Name">The row's name in the test results.</param>
/// <param name="EventType">The event's <c>event_type</c>.</param>
/// <param name="Wrapped">True for the delivery envelope <c>{ "data": event, "meta": ... }</c>, false for a bare event.</param>
/// <param name="Body">The UTF-8 body.</param>
/// <param name="Check">Asserts the concrete type, the common fields and every payload field.</param>
public sealed record WebhookCase(string Name, string EventType, bool Wrapped, byte[] Body, Action<TelnyxWebhookEvent> Check)
{
    public override string ToString() => Name;
}

/// <summary>
/// A body for each of the 16 events of the spec, with every field the webhook payload tables list, as Telnyx delivers them.
/// Every string value is distinct within an event, so a field read into the wrong property shows.
/// </summary>
public static class WebhookCases
{
    public const string DeliveredTo = "https://example.com/webhooks";

    private const string EventId = "0ccc7b54-4df3-4bca-a65a-3da1ecc777f0";
    private const string CallControlId = "v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg";
    private const string ConnectionId = "1494404757140276705";
    private const string CallLegId = "2dc6fc34-f9e0-11ea-b68e-02420a0f7768";
    private const string CallSessionId = "2dc1b3c8-f9e0-11ea-bc5a-02420a0f7768";
    private const string CreatorCallSessionId = "4ac1e6ee-f9e0-11ea-b68e-02420a0f7768";
    private const string ClientState = "aGF2ZSBhIG5pY2UgZGF5ID1d";
    private const string ConferenceId = "41b9acd4-f4da-4ff5-a85c-e07e90b53f46";
    private const string QueueName = "support";
    private const string MediaUrl = "https://example.com/audio/hold-music.wav";
    private const string MediaName = "hold_music_uploaded_to_media_storage";
    private const string RecordingId = "9f2e7c52-3a4b-4e0f-8c71-6d1e9b0a5f34";

    private const string OccurredAtText = "2024-05-14T09:29:58.123456Z";
    private static readonly DateTimeOffset OccurredAt = new DateTimeOffset(2024, 5, 14, 9, 29, 58, TimeSpan.Zero).AddTicks(1_234_560);
    private const string RecordingStartedAtText = "2024-05-14T09:12:30.5Z";
    private static readonly DateTimeOffset RecordingStartedAt = new DateTimeOffset(2024, 5, 14, 9, 12, 30, TimeSpan.Zero).AddMilliseconds(500);
    private const string RecordingEndedAtText = "2024-05-14T09:29:41Z";
    private static readonly DateTimeOffset RecordingEndedAt = new(2024, 5, 14, 9, 29, 41, TimeSpan.Zero);

    private const string RecordingMp3 = "https://s3.amazonaws.com/telnyx-recordings/2024/05/14/conference-1.mp3?X-Amz-Signature=a1b2";
    private const string RecordingWav = "https://s3.amazonaws.com/telnyx-recordings/2024/05/14/conference-1.wav?X-Amz-Signature=c3d4";
    private const string PublicRecordingMp3 = "https://recordings.example.com/conference-1.mp3";
    private const string PublicRecordingWav = "https://recordings.example.com/conference-1.wav";

    /// <summary>Every case: the 16 events wrapped, plus conference.floor.changed bare as the spec describes it.</summary>
    public static IReadOnlyList<WebhookCase> All { get; } = Build();

    /// <summary>The cases for xunit, by name.</summary>
    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (WebhookCase c in All)
            {
                data.Add(c.Name);
            }

            return data;
        }
    }

    public static WebhookCase Get(string name) => All.Single(c => c.Name == name);

    private static List<WebhookCase> Build() =>
    [
        CallEnqueued(),
        CallDequeued(),
        ConferenceCreated(),
        ConferenceEnded(),
        ConferenceFloorChanged(wrapped: true),
        ConferenceFloorChanged(wrapped: false),
        ConferenceParticipantJoined(),
        ConferenceParticipantLeft(),
        ConferenceParticipantPlaybackEnded(),
        ConferenceParticipantPlaybackStarted(),
        ConferenceParticipantSpeakEnded(),
        ConferenceParticipantSpeakStarted(),
        ConferencePlaybackEnded(),
        ConferencePlaybackStarted(),
        ConferenceRecordingSaved(),
        ConferenceSpeakEnded(),
        ConferenceSpeakStarted(),
    ];

    // ---- call.enqueued / call.dequeued ----

    private static WebhookCase CallEnqueued() => Case(CallEnqueuedEvent.Type, withOccurredAt: true, p =>
    {
        WriteCallIds(p);
        p.WriteString("queue", QueueName);
        p.WriteNumber("current_position", 3);
        p.WriteNumber("queue_avg_wait_time_secs", 60);
    }, (e, wrapped) =>
    {
        var ev = Assert.IsType<CallEnqueuedEvent>(e);
        AssertCommon(ev, CallEnqueuedEvent.Type, OccurredAt, wrapped);
        AssertData(ev.Data.RecordType, ev.Data.EventType, ev.Data.Id, ev.Data.AdditionalProperties, CallEnqueuedEvent.Type);
        Assert.Equal(OccurredAt, ev.Data.OccurredAt);
        var p = ev.Payload!;
        Assert.Same(ev.Data.Payload, p);
        AssertCallIds(p.CallControlId, p.ConnectionId, p.CallLegId, p.CallSessionId, p.ClientState);
        Assert.Equal(QueueName, p.Queue);
        Assert.Equal(3, p.CurrentPosition);
        Assert.Equal(60, p.QueueAvgWaitTimeSecs);
        Assert.Null(p.AdditionalProperties);
    });

    private static WebhookCase CallDequeued() => Case(CallLeftQueueEvent.Type, withOccurredAt: true, p =>
    {
        WriteCallIds(p);
        p.WriteString("queue", QueueName);
        p.WriteNumber("queue_position", 2);
        p.WriteString("reason", "bridging-in-process");
        p.WriteNumber("wait_time_secs", 145);
    }, (e, wrapped) =>
    {
        var ev = Assert.IsType<CallLeftQueueEvent>(e);
        AssertCommon(ev, CallLeftQueueEvent.Type, OccurredAt, wrapped);
        AssertData(ev.Data.RecordType, ev.Data.EventType, ev.Data.Id, ev.Data.AdditionalProperties, CallLeftQueueEvent.Type);
        Assert.Equal(OccurredAt, ev.Data.OccurredAt);
        var p = ev.Payload!;
        AssertCallIds(p.CallControlId, p.ConnectionId, p.CallLegId, p.CallSessionId, p.ClientState);
        Assert.Equal(QueueName, p.Queue);
        Assert.Equal(2, p.QueuePosition);
        Assert.Equal("bridging-in-process", p.Reason!.Value.Value);
        Assert.True(p.Reason.Value.IsKnown);
        Assert.Equal(145, p.WaitTimeSecs);
        Assert.Null(p.AdditionalProperties);
    });

    // ---- conference.created / ended / floor.changed ----

    private static WebhookCase ConferenceCreated() => Case(ConferenceCreatedEvent.Type, withOccurredAt: false, p =>
    {
        WriteCallIds(p);
        p.WriteString("conference_id", ConferenceId);
        p.WriteString("occurred_at", OccurredAtText);
    }, (e, wrapped) =>
    {
        var ev = Assert.IsType<ConferenceCreatedEvent>(e);
        AssertCommon(ev, ConferenceCreatedEvent.Type, OccurredAt, wrapped);
        AssertData(ev.Data.RecordType, ev.Data.EventType, ev.Data.Id, ev.Data.AdditionalProperties, ConferenceCreatedEvent.Type);
        var p = ev.Payload!;
        AssertCallIds(p.CallControlId, p.ConnectionId, p.CallLegId, p.CallSessionId, p.ClientState);
        Assert.Equal(ConferenceId, p.ConferenceId);
        Assert.Equal(OccurredAt, p.OccurredAt);
        Assert.Null(p.AdditionalProperties);
    });

    private static WebhookCase ConferenceEnded() => Case(ConferenceEndedEvent.Type, withOccurredAt: false, p =>
    {
        WriteCallIds(p);
        p.WriteString("conference_id", ConferenceId);
        p.WriteString("occurred_at", OccurredAtText);
        p.WriteString("reason", "time_exceeded");
    }, (e, wrapped) =>
    {
        var ev = Assert.IsType<ConferenceEndedEvent>(e);
        AssertCommon(ev, ConferenceEndedEvent.Type, OccurredAt, wrapped);
        AssertData(ev.Data.RecordType, ev.Data.EventType, ev.Data.Id, ev.Data.AdditionalProperties, ConferenceEndedEvent.Type);
        var p = ev.Payload!;
        AssertCallIds(p.CallControlId, p.ConnectionId, p.CallLegId, p.CallSessionId, p.ClientState);
        Assert.Equal(ConferenceId, p.ConferenceId);
        Assert.Equal(OccurredAt, p.OccurredAt);
        Assert.Equal("time_exceeded", p.Reason!.Value.Value);
        Assert.True(p.Reason.Value.IsKnown);
        Assert.Null(p.AdditionalProperties);
    });

    private static WebhookCase ConferenceFloorChanged(bool wrapped) => Case(ConferenceFloorChangedEvent.Type, withOccurredAt: false, p =>
    {
        WriteCallIds(p);
        p.WriteString("conference_id", ConferenceId);
        p.WriteString("occurred_at", OccurredAtText);
    }, (e, isWrapped) =>
    {
        var ev = Assert.IsType<ConferenceFloorChangedEvent>(e);
        AssertCommon(ev, ConferenceFloorChangedEvent.Type, OccurredAt, isWrapped);
        AssertData(ev.Data.RecordType, ev.Data.EventType, ev.Data.Id, ev.Data.AdditionalProperties, ConferenceFloorChangedEvent.Type);
        var p = ev.Payload!;
        AssertCallIds(p.CallControlId, p.ConnectionId, p.CallLegId, p.CallSessionId, p.ClientState);
        Assert.Equal(ConferenceId, p.ConferenceId);
        Assert.Equal(OccurredAt, p.OccurredAt);
        Assert.Null(p.AdditionalProperties);
    }, wrapped, wrapped ? "conference.floor.changed (wrapped)" : "conference.floor.changed (bare)");

    // ---- conference.participant.joined / left ----

    private static WebhookCase ConferenceParticipantJoined() => Case(ConferenceParticipantJoinedEvent.Type, withOccurredAt: true, p =>
    {
        WriteCallIds(p);
        p.WriteString("conference_id", ConferenceId);
    }, (e, wrapped) =>
    {
        var ev = Assert.IsType<ConferenceParticipantJoinedEvent>(e);
        AssertCommon(ev, ConferenceParticipantJoinedEvent.Type, OccurredAt, wrapped);
        AssertData(ev.Data.RecordType, ev.Data.EventType, ev.Data.Id, ev.Data.AdditionalProperties, ConferenceParticipantJoinedEvent.Type);
        Assert.Equal(OccurredAt, ev.Data.OccurredAt);
        var p = ev.Payload!;
        AssertCallIds(p.CallControlId, p.ConnectionId, p.CallLegId, p.CallSessionId, p.ClientState);
        Assert.Equal(ConferenceId, p.ConferenceId);
        Assert.Null(p.AdditionalProperties);
    });

    private static WebhookCase ConferenceParticipantLeft() => Case(ConferenceParticipantLeftEvent.Type, withOccurredAt: true, p =>
    {
        WriteCallIds(p);
        p.WriteString("conference_id", ConferenceId);
    }, (e, wrapped) =>
    {
        var ev = Assert.IsType<ConferenceParticipantLeftEvent>(e);
        AssertCommon(ev, ConferenceParticipantLeftEvent.Type, OccurredAt, wrapped);
        AssertData(ev.Data.RecordType, ev.Data.EventType, ev.Data.Id, ev.Data.AdditionalProperties, ConferenceParticipantLeftEvent.Type);
        Assert.Equal(OccurredAt, ev.Data.OccurredAt);
        var p = ev.Payload!;
        AssertCallIds(p.CallControlId, p.ConnectionId, p.CallLegId, p.CallSessionId, p.ClientState);
        Assert.Equal(ConferenceId, p.ConferenceId);
        Assert.Null(p.AdditionalProperties);
    });

    // ---- conference.participant.playback.* / speak.* ----

    private static WebhookCase ConferenceParticipantPlaybackEnded() => Case(ConferenceParticipantPlaybackEndedEvent.Type, withOccurredAt: false, p =>
    {
        WriteParticipantIds(p);
        p.WriteString("media_url", MediaUrl);
        p.WriteString("media_name", MediaName);
        p.WriteString("occurred_at", OccurredAtText);
    }, (e, wrapped) =>
    {
        var ev = Assert.IsType<ConferenceParticipantPlaybackEndedEvent>(e);
        AssertCommon(ev, ConferenceParticipantPlaybackEndedEvent.Type, OccurredAt, wrapped);
        AssertData(ev.Data.RecordType, ev.Data.EventType, ev.Data.Id, ev.Data.AdditionalProperties, ConferenceParticipantPlaybackEndedEvent.Type);
        var p = ev.Payload!;
        AssertCallIds(p.CallControlId, p.ConnectionId, p.CallLegId, p.CallSessionId, p.ClientState);
        Assert.Equal(CreatorCallSessionId, p.CreatorCallSessionId);
        Assert.Equal(ConferenceId, p.ConferenceId);
        Assert.Equal(MediaUrl, p.MediaUrl);
        Assert.Equal(MediaName, p.MediaName);
        Assert.Equal(OccurredAt, p.OccurredAt);
        Assert.Null(p.AdditionalProperties);
    });

    private static WebhookCase ConferenceParticipantPlaybackStarted() => Case(ConferenceParticipantPlaybackStartedEvent.Type, withOccurredAt: false, p =>
    {
        WriteParticipantIds(p);
        p.WriteString("media_url", MediaUrl);
        p.WriteString("media_name", MediaName);
        p.WriteString("occurred_at", OccurredAtText);
    }, (e, wrapped) =>
    {
        var ev = Assert.IsType<ConferenceParticipantPlaybackStartedEvent>(e);
        AssertCommon(ev, ConferenceParticipantPlaybackStartedEvent.Type, OccurredAt, wrapped);
        AssertData(ev.Data.RecordType, ev.Data.EventType, ev.Data.Id, ev.Data.AdditionalProperties, ConferenceParticipantPlaybackStartedEvent.Type);
        var p = ev.Payload!;
        AssertCallIds(p.CallControlId, p.ConnectionId, p.CallLegId, p.CallSessionId, p.ClientState);
        Assert.Equal(CreatorCallSessionId, p.CreatorCallSessionId);
        Assert.Equal(ConferenceId, p.ConferenceId);
        Assert.Equal(MediaUrl, p.MediaUrl);
        Assert.Equal(MediaName, p.MediaName);
        Assert.Equal(OccurredAt, p.OccurredAt);
        Assert.Null(p.AdditionalProperties);
    });

    private static WebhookCase ConferenceParticipantSpeakEnded() => Case(ConferenceParticipantSpeakEndedEvent.Type, withOccurredAt: false, p =>
    {
        WriteParticipantIds(p);
        p.WriteString("occurred_at", OccurredAtText);
    }, (e, wrapped) =>
    {
        var ev = Assert.IsType<ConferenceParticipantSpeakEndedEvent>(e);
        AssertCommon(ev, ConferenceParticipantSpeakEndedEvent.Type, OccurredAt, wrapped);
        AssertData(ev.Data.RecordType, ev.Data.EventType, ev.Data.Id, ev.Data.AdditionalProperties, ConferenceParticipantSpeakEndedEvent.Type);
        var p = ev.Payload!;
        AssertCallIds(p.CallControlId, p.ConnectionId, p.CallLegId, p.CallSessionId, p.ClientState);
        Assert.Equal(CreatorCallSessionId, p.CreatorCallSessionId);
        Assert.Equal(ConferenceId, p.ConferenceId);
        Assert.Equal(OccurredAt, p.OccurredAt);
        Assert.Null(p.AdditionalProperties);
    });

    private static WebhookCase ConferenceParticipantSpeakStarted() => Case(ConferenceParticipantSpeakStartedEvent.Type, withOccurredAt: false, p =>
    {
        WriteParticipantIds(p);
        p.WriteString("occurred_at", OccurredAtText);
    }, (e, wrapped) =>
    {
        var ev = Assert.IsType<ConferenceParticipantSpeakStartedEvent>(e);
        AssertCommon(ev, ConferenceParticipantSpeakStartedEvent.Type, OccurredAt, wrapped);
        AssertData(ev.Data.RecordType, ev.Data.EventType, ev.Data.Id, ev.Data.AdditionalProperties, ConferenceParticipantSpeakStartedEvent.Type);
        var p = ev.Payload!;
        AssertCallIds(p.CallControlId, p.ConnectionId, p.CallLegId, p.CallSessionId, p.ClientState);
        Assert.Equal(CreatorCallSessionId, p.CreatorCallSessionId);
        Assert.Equal(ConferenceId, p.ConferenceId);
        Assert.Equal(OccurredAt, p.OccurredAt);
        Assert.Null(p.AdditionalProperties);
    });

    // ---- conference.playback.* / speak.* (the conference as a whole) ----

    private static WebhookCase ConferencePlaybackEnded() => Case(ConferencePlaybackEndedEvent.Type, withOccurredAt: false, p =>
    {
        WriteConferenceIds(p);
        p.WriteString("media_url", MediaUrl);
        p.WriteString("media_name", MediaName);
        p.WriteString("occurred_at", OccurredAtText);
    }, (e, wrapped) =>
    {
        var ev = Assert.IsType<ConferencePlaybackEndedEvent>(e);
        AssertCommon(ev, ConferencePlaybackEndedEvent.Type, OccurredAt, wrapped);
        AssertData(ev.Data.RecordType, ev.Data.EventType, ev.Data.Id, ev.Data.AdditionalProperties, ConferencePlaybackEndedEvent.Type);
        var p = ev.Payload!;
        Assert.Equal(ConnectionId, p.ConnectionId);
        Assert.Equal(CreatorCallSessionId, p.CreatorCallSessionId);
        Assert.Equal(ConferenceId, p.ConferenceId);
        Assert.Equal(MediaUrl, p.MediaUrl);
        Assert.Equal(MediaName, p.MediaName);
        Assert.Equal(OccurredAt, p.OccurredAt);
        Assert.Null(p.AdditionalProperties);
    });

    private static WebhookCase ConferencePlaybackStarted() => Case(ConferencePlaybackStartedEvent.Type, withOccurredAt: false, p =>
    {
        WriteConferenceIds(p);
        p.WriteString("media_url", MediaUrl);
        p.WriteString("media_name", MediaName);
        p.WriteString("occurred_at", OccurredAtText);
    }, (e, wrapped) =>
    {
        var ev = Assert.IsType<ConferencePlaybackStartedEvent>(e);
        AssertCommon(ev, ConferencePlaybackStartedEvent.Type, OccurredAt, wrapped);
        AssertData(ev.Data.RecordType, ev.Data.EventType, ev.Data.Id, ev.Data.AdditionalProperties, ConferencePlaybackStartedEvent.Type);
        var p = ev.Payload!;
        Assert.Equal(ConnectionId, p.ConnectionId);
        Assert.Equal(CreatorCallSessionId, p.CreatorCallSessionId);
        Assert.Equal(ConferenceId, p.ConferenceId);
        Assert.Equal(MediaUrl, p.MediaUrl);
        Assert.Equal(MediaName, p.MediaName);
        Assert.Equal(OccurredAt, p.OccurredAt);
        Assert.Null(p.AdditionalProperties);
    });

    private static WebhookCase ConferenceSpeakEnded() => Case(ConferenceSpeakEndedEvent.Type, withOccurredAt: false, p =>
    {
        WriteConferenceIds(p);
        p.WriteString("occurred_at", OccurredAtText);
    }, (e, wrapped) =>
    {
        var ev = Assert.IsType<ConferenceSpeakEndedEvent>(e);
        AssertCommon(ev, ConferenceSpeakEndedEvent.Type, OccurredAt, wrapped);
        AssertData(ev.Data.RecordType, ev.Data.EventType, ev.Data.Id, ev.Data.AdditionalProperties, ConferenceSpeakEndedEvent.Type);
        var p = ev.Payload!;
        Assert.Equal(ConnectionId, p.ConnectionId);
        Assert.Equal(CreatorCallSessionId, p.CreatorCallSessionId);
        Assert.Equal(ConferenceId, p.ConferenceId);
        Assert.Equal(OccurredAt, p.OccurredAt);
        Assert.Null(p.AdditionalProperties);
    });

    private static WebhookCase ConferenceSpeakStarted() => Case(ConferenceSpeakStartedEvent.Type, withOccurredAt: false, p =>
    {
        WriteConferenceIds(p);
        p.WriteString("occurred_at", OccurredAtText);
    }, (e, wrapped) =>
    {
        var ev = Assert.IsType<ConferenceSpeakStartedEvent>(e);
        AssertCommon(ev, ConferenceSpeakStartedEvent.Type, OccurredAt, wrapped);
        AssertData(ev.Data.RecordType, ev.Data.EventType, ev.Data.Id, ev.Data.AdditionalProperties, ConferenceSpeakStartedEvent.Type);
        var p = ev.Payload!;
        Assert.Equal(ConnectionId, p.ConnectionId);
        Assert.Equal(CreatorCallSessionId, p.CreatorCallSessionId);
        Assert.Equal(ConferenceId, p.ConferenceId);
        Assert.Equal(OccurredAt, p.OccurredAt);
        Assert.Null(p.AdditionalProperties);
    });

    // ---- conference.recording.saved ----

    private static WebhookCase ConferenceRecordingSaved() => Case(ConferenceRecordingSavedEvent.Type, withOccurredAt: false, p =>
    {
        p.WriteString("call_control_id", CallControlId);
        p.WriteString("call_session_id", CallSessionId);
        p.WriteString("client_state", ClientState);
        p.WriteString("channels", "dual");
        p.WriteString("conference_id", ConferenceId);
        p.WriteString("connection_id", ConnectionId);
        p.WriteString("format", "mp3");
        p.WriteString("recording_ended_at", RecordingEndedAtText);
        p.WriteString("recording_id", RecordingId);
        p.WriteString("recording_started_at", RecordingStartedAtText);
        p.WriteStartObject("public_recording_urls");
        p.WriteString("mp3", PublicRecordingMp3);
        p.WriteString("wav", PublicRecordingWav);
        p.WriteEndObject();
        p.WriteStartObject("recording_urls");
        p.WriteString("mp3", RecordingMp3);
        p.WriteString("wav", RecordingWav);
        p.WriteEndObject();
    }, (e, wrapped) =>
    {
        var ev = Assert.IsType<ConferenceRecordingSavedEvent>(e);
        // Neither the event nor its payload carries occurred_at.
        AssertCommon(ev, ConferenceRecordingSavedEvent.Type, null, wrapped);
        AssertData(ev.Data.RecordType, ev.Data.EventType, ev.Data.Id, ev.Data.AdditionalProperties, ConferenceRecordingSavedEvent.Type);
        var p = ev.Payload!;
        Assert.Equal(CallControlId, p.CallControlId);
        Assert.Equal(CallSessionId, p.CallSessionId);
        Assert.Equal(ClientState, p.ClientState);
        Assert.Equal("dual", p.Channels!.Value.Value);
        Assert.True(p.Channels.Value.IsKnown);
        Assert.Equal(ConferenceId, p.ConferenceId);
        Assert.Equal(ConnectionId, p.ConnectionId);
        Assert.Equal("mp3", p.Format!.Value.Value);
        Assert.True(p.Format.Value.IsKnown);
        Assert.Equal(RecordingEndedAt, p.RecordingEndedAt);
        Assert.Equal(RecordingId, p.RecordingId);
        Assert.Equal(RecordingStartedAt, p.RecordingStartedAt);
        Assert.Equal(PublicRecordingMp3, p.PublicRecordingUrls!.Mp3);
        Assert.Equal(PublicRecordingWav, p.PublicRecordingUrls.Wav);
        Assert.Null(p.PublicRecordingUrls.AdditionalProperties);
        Assert.Equal(RecordingMp3, p.RecordingUrls!.Mp3);
        Assert.Equal(RecordingWav, p.RecordingUrls.Wav);
        Assert.Null(p.RecordingUrls.AdditionalProperties);
        Assert.Null(p.AdditionalProperties);
    });

    // ---- building ----

    private static WebhookCase Case(
        string eventType,
        bool withOccurredAt,
        Action<Utf8JsonWriter> writePayload,
        Action<TelnyxWebhookEvent, bool> check,
        bool wrapped = true,
        string? name = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (wrapped)
            {
                writer.WriteStartObject();
                writer.WritePropertyName("data");
            }

            writer.WriteStartObject();
            writer.WriteString("record_type", "event");
            writer.WriteString("event_type", eventType);
            writer.WriteString("id", EventId);
            if (withOccurredAt)
            {
                writer.WriteString("occurred_at", OccurredAtText);
            }

            writer.WriteStartObject("payload");
            writePayload(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();

            if (wrapped)
            {
                writer.WriteStartObject("meta");
                writer.WriteNumber("attempt", 1);
                writer.WriteString("delivered_to", DeliveredTo);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
        }

        return new WebhookCase(name ?? eventType, eventType, wrapped, buffer.WrittenSpan.ToArray(), e => check(e, wrapped));
    }

    private static void WriteCallIds(Utf8JsonWriter p)
    {
        p.WriteString("call_control_id", CallControlId);
        p.WriteString("connection_id", ConnectionId);
        p.WriteString("call_leg_id", CallLegId);
        p.WriteString("call_session_id", CallSessionId);
        p.WriteString("client_state", ClientState);
    }

    private static void WriteParticipantIds(Utf8JsonWriter p)
    {
        WriteCallIds(p);
        p.WriteString("creator_call_session_id", CreatorCallSessionId);
        p.WriteString("conference_id", ConferenceId);
    }

    private static void WriteConferenceIds(Utf8JsonWriter p)
    {
        p.WriteString("connection_id", ConnectionId);
        p.WriteString("creator_call_session_id", CreatorCallSessionId);
        p.WriteString("conference_id", ConferenceId);
    }

    // ---- checking ----

    /// <summary>The fields every event shares, on the base record.</summary>
    private static void AssertCommon(TelnyxWebhookEvent e, string eventType, DateTimeOffset? occurredAt, bool wrapped)
    {
        Assert.Equal(EventId, e.Id);
        Assert.Equal(eventType, e.EventType);
        Assert.Equal("event", e.RecordType);
        Assert.Equal(occurredAt, e.OccurredAt);
        if (wrapped)
        {
            JsonElement meta = Assert.NotNull(e.Meta);
            Assert.Equal(JsonValueKind.Object, meta.ValueKind);
            Assert.Equal(1, meta.GetProperty("attempt").GetInt32());
            Assert.Equal(DeliveredTo, meta.GetProperty("delivered_to").GetString());
            Assert.Equal(2, meta.EnumerateObject().Count());
        }
        else
        {
            Assert.Null(e.Meta);
        }
    }

    /// <summary>The same fields on the typed event object, and nothing left over in its catch-all.</summary>
    private static void AssertData(string? recordType, string? eventType, string? id, IReadOnlyDictionary<string, JsonElement>? additional, string expectedType)
    {
        Assert.Equal("event", recordType);
        Assert.Equal(expectedType, eventType);
        Assert.Equal(EventId, id);
        Assert.Null(additional);
    }

    private static void AssertCallIds(string? callControlId, string? connectionId, string? callLegId, string? callSessionId, string? clientState)
    {
        Assert.Equal(CallControlId, callControlId);
        Assert.Equal(ConnectionId, connectionId);
        Assert.Equal(CallLegId, callLegId);
        Assert.Equal(CallSessionId, callSessionId);
        Assert.Equal(ClientState, clientState);
    }
}
