using System;
using System.Collections.Generic;
using System.Text.Json;
using Telnyx.Runtime;
using Telnyx.Runtime.Primitives;
using Telnyx.Sdk.Tests.Infrastructure;
using static Telnyx.Sdk.Tests.Infrastructure.Samples;

namespace Telnyx.Sdk.Tests.Models;

/// <summary>
/// JSON → model → JSON with the documentation's example values, through the generated readers and writers
/// (<see cref="TelnyxJson"/>, no reflection).
/// </summary>
public sealed class ModelRoundTripTests
{
    private static string RoundTrip<T>(string json) where T : ITelnyxJsonModel<T>
    {
        var value = TelnyxJson.Deserialize<T>(json);
        string written = TelnyxJson.Serialize(value);
        // Reading what was written gives an equal value again.
        var again = TelnyxJson.Deserialize<T>(written);
        Assert.Equal(written, TelnyxJson.Serialize(again));
        return written;
    }

    [Fact]
    public void CreateConferenceRequestRoundTrips()
    {
        const string json = """
            {
              "call_control_id": "v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg",
              "name": "Business",
              "beep_enabled": "on_exit",
              "client_state": "aGF2ZSBhIG5pY2UgZGF5ID1d",
              "comfort_noise": false,
              "command_id": "891510ac-f3e4-11e8-af5b-de00688a4901",
              "duration_minutes": 5,
              "hold_audio_url": "http://example.com/message.wav",
              "hold_media_name": "my_media_uploaded_to_media_storage_api",
              "max_participants": 3,
              "region": "US",
              "start_conference_on_create": false
            }
            """;

        JsonAssert.Equal(json, RoundTrip<CreateConferenceRequest>(json));

        var request = TelnyxJson.Deserialize<CreateConferenceRequest>(json);
        Assert.Equal(CallControlId, request.CallControlId);
        Assert.Equal("Business", request.Name);
        Assert.Equal("on_exit", request.BeepEnabled?.ToString());
        Assert.Equal(5, request.DurationMinutes);
        Assert.Equal(3, request.MaxParticipants);
        Assert.Equal("US", request.Region?.Value);
        Assert.False(request.ComfortNoise);
        Assert.Equal(CommandId, request.CommandId);
    }

    [Fact]
    public void JoinConferenceRequestWithWhisperSupervisorRoleRoundTrips()
    {
        const string json = """
            {
              "call_control_id": "v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg",
              "beep_enabled": "on_exit",
              "client_state": "aGF2ZSBhIG5pY2UgZGF5ID1d",
              "command_id": "891510ac-f3e4-11e8-af5b-de00688a4901",
              "end_conference_on_exit": true,
              "hold": true,
              "hold_audio_url": "http://example.com/message.wav",
              "hold_media_name": "my_media_uploaded_to_media_storage_api",
              "mute": true,
              "region": "Middle East",
              "soft_end_conference_on_exit": true,
              "start_conference_on_enter": true,
              "supervisor_role": "whisper",
              "whisper_call_control_ids": [
                "v2:Sg1xxxQ_U3ixxxyXT_VDNI3xxxazZdg6Vxxxs4-GNYxxxVaJPOhFMRQ",
                "v2:qqpb0mmvd-ovhhBr0BUQQn0fld5jIboaaX3-De0DkqXHzbf8d75xkw"
              ]
            }
            """;

        JsonAssert.Equal(json, RoundTrip<JoinConferenceRequest>(json));

        var request = TelnyxJson.Deserialize<JoinConferenceRequest>(json);
        Assert.Equal("whisper", request.SupervisorRole?.ToString());
        Assert.True(request.SupervisorRole!.Value.IsKnown);
        Assert.Equal("Middle East", request.Region?.ToString());
        Assert.Equal(new[] { WhisperId1, WhisperId2 }, request.WhisperCallControlIds);
    }

    [Fact]
    public void JoinConferenceRequestBuiltInCodeWritesTheSameJson()
    {
        var request = new JoinConferenceRequest
        {
            CallControlId = CallControlId,
            SupervisorRole = "whisper",
            WhisperCallControlIds = [WhisperId1],
        };

        JsonAssert.Equal(
            """{"call_control_id":"v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg","supervisor_role":"whisper","whisper_call_control_ids":["v2:Sg1xxxQ_U3ixxxyXT_VDNI3xxxazZdg6Vxxxs4-GNYxxxVaJPOhFMRQ"]}""",
            TelnyxJson.Serialize(request));
    }

    [Theory]
    [InlineData("""{"audio_url":"http://example.com/message.wav","call_control_ids":["v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg"],"loop":3,"region":"Europe"}""")]
    [InlineData("""{"media_name":"my_media_uploaded_to_media_storage_api","loop":"infinity"}""")]
    [InlineData("""{"loop":100}""")]
    public void ConferencePlayRequestLoopNumberOrStringRoundTrips(string json)
    {
        JsonAssert.Equal(json, RoundTrip<ConferencePlayRequest>(json));
    }

    [Fact]
    public void ConferencePlayRequestLoopReadsAsTheRightUnionCase()
    {
        var three = TelnyxJson.Deserialize<ConferencePlayRequest>("""{"loop":3}""");
        Assert.True(three.Loop!.IsInteger);
        Assert.False(three.Loop.IsString);
        Assert.Equal(3, three.Loop.AsInteger);

        var infinity = TelnyxJson.Deserialize<ConferencePlayRequest>("""{"loop":"infinity"}""");
        Assert.True(infinity.Loop!.IsString);
        Assert.Equal("infinity", infinity.Loop.AsString);
        Assert.Null(infinity.Loop.AsInteger);

        // Built in code: an int and a string convert implicitly and are written as a number and a string.
        JsonAssert.Equal("""{"loop":3}""", TelnyxJson.Serialize(new ConferencePlayRequest { Loop = 3 }));
        JsonAssert.Equal("""{"loop":"infinity"}""", TelnyxJson.Serialize(new ConferencePlayRequest { Loop = "infinity" }));
        Assert.Equal(three.Loop, TelnyxJson.Deserialize<ConferencePlayRequest>("""{"loop":3}""").Loop);
        Assert.NotEqual(TelnyxJson.Deserialize<ConferencePlayRequest>("""{"loop":"3"}""").Loop, three.Loop);
    }

    [Fact]
    public void ConferencePlayRequestLoopOfAnotherJsonTypeIsKeptRaw()
    {
        const string json = """{"loop":{"times":2}}""";
        var request = TelnyxJson.Deserialize<ConferencePlayRequest>(json);

        Assert.NotNull(request.Loop);
        Assert.False(request.Loop.IsInteger);
        Assert.False(request.Loop.IsString);
        JsonAssert.Equal(json, TelnyxJson.Serialize(request));
    }

    [Fact]
    public void ConferenceSpeakRequestRoundTripsWithVoiceSettingsPickedByType()
    {
        const string json = """
            {
              "payload": "Say this to participants",
              "voice": "female",
              "call_control_ids": ["v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg"],
              "command_id": "891510ac-f3e4-11e8-af5b-de00688a4901",
              "language": "en-US",
              "payload_type": "text",
              "region": "Australia",
              "voice_settings": { "type": "elevenlabs", "api_key_ref": "my_secret", "speed": 1.25, "tags": ["a", null] }
            }
            """;

        JsonAssert.Equal(json, RoundTrip<ConferenceSpeakRequest>(json));

        var request = TelnyxJson.Deserialize<ConferenceSpeakRequest>(json);
        Assert.Equal("Say this to participants", request.Payload);
        Assert.Equal("female", request.Voice);
        Assert.Equal("en-US", request.Language?.ToString());
        Assert.Equal("text", request.PayloadType?.Value);
        // `type` picks the provider's case; keys that provider does not describe are kept.
        Assert.True(request.VoiceSettings!.IsElevenLabsVoiceSettings);
        Assert.Equal("my_secret", request.VoiceSettings.AsElevenLabsVoiceSettings!.ApiKeyRef);
        Assert.Equal(1.25, request.VoiceSettings.AsElevenLabsVoiceSettings.AdditionalProperties!["speed"].GetDouble());
    }

    [Fact]
    public void VoiceSettingsTypeSelectsTheCaseEvenWhenAnEarlierCaseCouldReadTheObject()
    {
        // Every provider object has only `type` required, so without the discriminator the first case would take all.
        var telnyx = TelnyxJson.Deserialize<ConferenceSpeakRequestVoiceSettings>("""{"type":"telnyx","voice_speed":1.5}""");
        Assert.True(telnyx.IsTelnyxVoiceSettings);
        Assert.False(telnyx.IsElevenLabsVoiceSettings);
        Assert.Equal(1.5, telnyx.AsTelnyxVoiceSettings!.VoiceSpeed);

        var resemble = TelnyxJson.Deserialize<ConferenceSpeakRequestVoiceSettings>("""{"type":"resemble","sample_rate":"8000","format":"wav"}""");
        Assert.Equal(ResembleSampleRate._8000, resemble.AsResembleVoiceSettings!.SampleRate);
        Assert.Equal(Format.Wav, resemble.AsResembleVoiceSettings.Format);

        const string unknown = """{"type":"acme","voice":"x"}""";
        var other = TelnyxJson.Deserialize<ConferenceSpeakRequestVoiceSettings>(unknown);
        Assert.True(other.IsUnknown);
        JsonAssert.Equal(unknown, TelnyxJson.Serialize(other));
    }

    [Fact]
    public void VoiceSettingsWriteTheBranchAssigned()
    {
        var request = new ConferenceSpeakRequest
        {
            Payload = "hi",
            Voice = "female",
            VoiceSettings = new MinimaxVoiceSettings { Type = "minimax", LanguageBoost = null, Pitch = 2 },
        };
        JsonAssert.Equal("""{"payload":"hi","voice":"female","voice_settings":{"type":"minimax","language_boost":null,"pitch":2}}""", TelnyxJson.Serialize(request));
    }

    [Fact]
    public void ConferenceRoundTrips()
    {
        JsonAssert.Equal(ConferenceJson, RoundTrip<Conference>(ConferenceJson));
        JsonAssert.Equal(SecondConferenceJson, RoundTrip<Conference>(SecondConferenceJson));
    }

    [Fact]
    public void ConferenceParticipantRoundTripsWithDatesComparedAsInstants()
    {
        string written = RoundTrip<ConferenceParticipant>(ConferenceParticipantJson);

        JsonAssert.EqualWithInstants(ConferenceParticipantJson, written, "created_at", "updated_at");
        var participant = TelnyxJson.Deserialize<ConferenceParticipant>(written);
        Assert.Equal(new DateTimeOffset(2019, 1, 23, 18, 10, 2, 574, TimeSpan.Zero), participant.CreatedAt);
    }

    [Fact]
    public void ConferenceParticipantDatesWithOffsetsKeepTheInstant()
    {
        const string json = """{"created_at":"2019-01-23T20:10:02.574+02:00","updated_at":"2019-01-23T18:10:02Z"}""";

        var participant = TelnyxJson.Deserialize<ConferenceParticipant>(json);

        Assert.Equal(new DateTimeOffset(2019, 1, 23, 18, 10, 2, 574, TimeSpan.Zero), participant.CreatedAt);
        JsonAssert.EqualWithInstants(json, TelnyxJson.Serialize(participant), "created_at", "updated_at");
    }

    [Fact]
    public void ParticipantRoundTrips()
    {
        JsonAssert.Equal(ParticipantJson, RoundTrip<Participant>(ParticipantJson));
    }

    [Fact]
    public void QueueRoundTrips()
    {
        JsonAssert.Equal(QueueJson, RoundTrip<Queue>(QueueJson));
        JsonAssert.Equal(SecondQueueJson, RoundTrip<Queue>(SecondQueueJson));
    }

    [Fact]
    public void QueueCallRoundTrips()
    {
        JsonAssert.Equal(QueueCallJson, RoundTrip<QueueCall>(QueueCallJson));
    }

    [Fact]
    public void LargeIntegersRoundTripExactly()
    {
        const string json = """{"name":"big","max_size":9007199254740993,"current_size":-1,"average_wait_time_secs":0}""";

        JsonAssert.Equal(json, RoundTrip<Queue>(json));
        Assert.Equal(9007199254740993L, TelnyxJson.Deserialize<Queue>(json).MaxSize);
    }

    // ------------------------------------------------------------------------------------------------ open values

    [Fact]
    public void UnknownEnumValueRoundTrips()
    {
        const string json = """{"id":"c1","status":"paused_new","end_reason":"moon_phase","record_type":"conference_v2"}""";

        JsonAssert.Equal(json, RoundTrip<Conference>(json));
        var conference = TelnyxJson.Deserialize<Conference>(json);
        Assert.False(conference.Status!.Value.IsKnown);
        Assert.Equal("paused_new", conference.Status.Value.Value);

        const string join = """{"call_control_id":"v3:x","supervisor_role":"coach","beep_enabled":"sometimes","region":"Antarctica"}""";
        JsonAssert.Equal(join, RoundTrip<JoinConferenceRequest>(join));
    }

    [Fact]
    public void UnknownEnumValueSetInCodeIsWrittenAsIs()
    {
        var request = new JoinConferenceRequest { CallControlId = "v3:x", SupervisorRole = "coach" };

        JsonAssert.Equal("""{"call_control_id":"v3:x","supervisor_role":"coach"}""", TelnyxJson.Serialize(request));
        Assert.False(request.SupervisorRole!.Value.IsKnown);
    }

    [Fact]
    public void UnknownExtraPropertiesRoundTripAtEveryLevel()
    {
        const string json = """
            {"id":"c1","name":"Business","brand_new":{"a":[1,2.5,"x",null,true]},"nullable_extra":null,
             "ended_by":{"call_control_id":"v3:x","new_nested":"kept"}}
            """;

        JsonAssert.Equal(json, RoundTrip<Conference>(json));
        var conference = TelnyxJson.Deserialize<Conference>(json);
        Assert.Equal(2, conference.AdditionalProperties!.Count);
        Assert.Equal(JsonValueKind.Null, conference.AdditionalProperties["nullable_extra"].ValueKind);
        Assert.Equal("kept", conference.EndedBy!.AdditionalProperties!["new_nested"].GetString());
    }

    [Fact]
    public void ExtraPropertiesSetInCodeAreWritten()
    {
        using var doc = JsonDocument.Parse("""{"beta_feature":{"on":true}}""");
        var request = new CreateQueueRequest
        {
            QueueName = "support",
            AdditionalProperties = new Dictionary<string, JsonElement> { ["beta_feature"] = doc.RootElement.GetProperty("beta_feature").Clone() },
        };

        JsonAssert.Equal("""{"queue_name":"support","beta_feature":{"on":true}}""", TelnyxJson.Serialize(request));
    }

    [Fact]
    public void WrongTypedValueRoundTripsThroughAdditionalProperties()
    {
        const string json = """{"id":"c1","name":42,"status":["in_progress"]}""";

        JsonAssert.Equal(json, RoundTrip<Conference>(json));
    }

    // ------------------------------------------------------------------------------------------------ nullable fields

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"mp3":null}""")]
    [InlineData("""{"mp3":"x"}""")]
    [InlineData("""{"mp3":null,"wav":"https://example.com/r.wav"}""")]
    [InlineData("""{"wav":null}""")]
    public void NullableFieldAbsentNullAndValueStayDistinct(string json)
    {
        string written = TelnyxJson.Serialize(TelnyxJson.Deserialize<ConferenceRecordingSavedPayloadRecordingUrls>(json));

        JsonAssert.Equal(json, written);
        Assert.Equal(json.Replace(" ", "", StringComparison.Ordinal), written);
    }

    [Fact]
    public void NullableFieldPublicRecordingUrlsBehavesTheSame()
    {
        foreach (var json in new[] { "{}", """{"mp3":null}""", """{"mp3":"x"}""", """{"wav":null}""" })
        {
            JsonAssert.Equal(json, RoundTrip<ConferenceRecordingSavedPayloadPublicRecordingUrls>(json));
        }
    }

    [Fact]
    public void NullableFieldSetToNullInCodeIsWrittenAsNullUnsetIsLeftOut()
    {
        Assert.Equal("""{"mp3":null}""", TelnyxJson.Serialize(new ConferenceRecordingSavedPayloadRecordingUrls { Mp3 = null }));
        Assert.Equal("""{"mp3":"x"}""", TelnyxJson.Serialize(new ConferenceRecordingSavedPayloadRecordingUrls { Mp3 = "x" }));
        Assert.Equal("{}", TelnyxJson.Serialize(new ConferenceRecordingSavedPayloadRecordingUrls()));
        Assert.Equal("""{"mp3":null,"wav":null}""", TelnyxJson.Serialize(new ConferenceRecordingSavedPayloadRecordingUrls { Mp3 = null, Wav = null }));
    }

    [Fact]
    public void NullableFieldInsideTheWebhookPayloadRoundTrips()
    {
        const string json = """
            {"conference_id":"41b9acd4-f4da-4ff5-a85c-e07e90b53f46","format":"mp3","channels":"single",
             "recording_urls":{"mp3":"https://s3.amazonaws.com/r.mp3","wav":null},
             "public_recording_urls":{}}
            """;

        string written = TelnyxJson.Serialize(TelnyxJson.Deserialize<ConferenceRecordingSavedPayload>(json));

        JsonAssert.Equal(json, written);
    }

    [Fact]
    public void NonNullableOptionalFieldSetToNullIsLeftOut()
    {
        Assert.Equal("{}", TelnyxJson.Serialize(new Conference { Name = null, Status = null, EndedBy = null }));
        Assert.Equal("""{"queue_name":"q"}""", TelnyxJson.Serialize(new CreateQueueRequest { QueueName = "q", MaxSize = null }));
        Assert.Equal("""{"call_control_id":"v3:x"}""", TelnyxJson.Serialize(new JoinConferenceRequest
        {
            CallControlId = "v3:x",
            CommandId = null,
            WhisperCallControlIds = null,
            SupervisorRole = null,
            Mute = null,
        }));
    }

    [Fact]
    public void NonNullableOptionalFieldExplicitJsonNullReadsAsNullAndIsLeftOutWhenWritten()
    {
        var conference = TelnyxJson.Deserialize<Conference>("""{"id":"c1","name":null}""");

        Assert.Null(conference.Name);
        Assert.Equal("""{"id":"c1"}""", TelnyxJson.Serialize(conference));
    }
}
