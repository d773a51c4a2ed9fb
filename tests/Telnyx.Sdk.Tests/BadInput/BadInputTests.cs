using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using Telnyx.Runtime;
using Telnyx.Sdk.Tests.Infrastructure;
using static Telnyx.Sdk.Tests.Infrastructure.Samples;

namespace Telnyx.Sdk.Tests.BadInput;

/// <summary>Invalid requests are stopped before sending; odd but well-formed responses are read, never a crash.</summary>
public sealed class BadInputTests(SdkServerFixture fixture) : IClassFixture<SdkServerFixture>
{
    private FakeTelnyxServer Server => fixture.Server;

    private TelnyxClient Client => fixture.Client;

    // ------------------------------------------------------------------------------------------------ requests

    private static readonly Dictionary<string, Func<TelnyxClient, Task>> s_nullRequired = new()
    {
        ["CreateConferenceRequest.CallControlId"] = c => c.Conferences.CreateAsync(new CreateConferenceRequest { CallControlId = null!, Name = "Business" }),
        ["CreateConferenceRequest.Name"] = c => c.Conferences.CreateAsync(new CreateConferenceRequest { CallControlId = CallControlId, Name = null! }),
        ["JoinConferenceRequest.CallControlId"] = c => c.Conferences.Actions.JoinAsync(ConferenceId, new JoinConferenceRequest { CallControlId = null! }),
        ["LeaveConferenceRequest.CallControlId"] = c => c.Conferences.Actions.LeaveAsync(ConferenceId, new LeaveConferenceRequest { CallControlId = null! }),
        ["ConferenceGatherUsingAudioRequest.CallControlId"] = c => c.Conferences.Actions.GatherUsingAudioAsync(ConferenceId, new ConferenceGatherUsingAudioRequest { CallControlId = null! }),
        ["ConferenceSendDtmfRequest.Digits"] = c => c.Conferences.Actions.SendDtmfAsync(ConferenceId, new ConferenceSendDtmfRequest { Digits = null! }),
        ["ConferenceSpeakRequest.Payload"] = c => c.Conferences.Actions.SpeakAsync(ConferenceId, new ConferenceSpeakRequest { Payload = null!, Voice = "female" }),
        ["ConferenceSpeakRequest.Voice"] = c => c.Conferences.Actions.SpeakAsync(ConferenceId, new ConferenceSpeakRequest { Payload = "Hello", Voice = null! }),
        ["ConferenceUnholdRequest.CallControlIds"] = c => c.Conferences.Actions.UnholdAsync(ConferenceId, new ConferenceUnholdRequest { CallControlIds = null! }),
        ["UpdateConferenceRequest.CallControlId"] = c => c.Conferences.Actions.UpdateAsync(ConferenceId, new UpdateConferenceRequest { CallControlId = null!, SupervisorRole = "barge" }),
        ["CreateQueueRequest.QueueName"] = c => c.Queues.CreateAsync(new CreateQueueRequest { QueueName = null! }),
        ["EnqueueRequest.QueueName"] = c => c.Calls.Actions.EnqueueAsync(CallControlId, new EnqueueRequest { QueueName = null! }),
    };

    public static TheoryData<string, string> NullRequiredCases => new()
    {
        { "CreateConferenceRequest.CallControlId", "call_control_id" },
        { "CreateConferenceRequest.Name", "name" },
        { "JoinConferenceRequest.CallControlId", "call_control_id" },
        { "LeaveConferenceRequest.CallControlId", "call_control_id" },
        { "ConferenceGatherUsingAudioRequest.CallControlId", "call_control_id" },
        { "ConferenceSendDtmfRequest.Digits", "digits" },
        { "ConferenceSpeakRequest.Payload", "payload" },
        { "ConferenceSpeakRequest.Voice", "voice" },
        { "ConferenceUnholdRequest.CallControlIds", "call_control_ids" },
        { "UpdateConferenceRequest.CallControlId", "call_control_id" },
        { "CreateQueueRequest.QueueName", "queue_name" },
        { "EnqueueRequest.QueueName", "queue_name" },
    };

    [Theory]
    [MemberData(nameof(NullRequiredCases))]
    public async Task RequiredFieldLeftNullIsRejectedBeforeSending(string field, string jsonName)
    {
        Server.Reset();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => s_nullRequired[field](Client));

        Assert.Equal("request", ex.ParamName);
        Assert.Contains(field, ex.Message);
        Assert.Contains("\"" + jsonName + "\"", ex.Message);
        Assert.Equal(0, Server.RequestCount);
    }

    [Fact]
    public async Task NullRequestObjectForARequiredBodyIsRejectedBeforeSending()
    {
        Server.Reset();

        await Assert.ThrowsAsync<ArgumentNullException>(() => Client.Conferences.CreateAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Client.Conferences.Actions.JoinAsync(ConferenceId, null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Client.Conferences.Actions.UnholdAsync(ConferenceId, null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Client.Calls.Actions.EnqueueAsync(CallControlId, null!));

        Assert.Equal(0, Server.RequestCount);
    }

    [Fact]
    public async Task RequiredEnumLeftAtDefaultIsRejectedBeforeSending()
    {
        Server.Reset();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            Client.Conferences.Actions.RecordStartAsync(ConferenceId, new StartConferenceRecordingRequest { Format = default }));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            Client.Conferences.Actions.UpdateAsync(ConferenceId, new UpdateConferenceRequest { CallControlId = CallControlId, SupervisorRole = default }));

        Assert.Equal(0, Server.RequestCount);
    }

    // ------------------------------------------------------------------------------------------------ responses

    private async Task<Conference> RetrieveConferenceAnswering(string dataJson)
    {
        Server.Reset();
        Server.Enqueue(CannedResponse.Data(dataJson));
        return await Client.Conferences.RetrieveAsync(ConferenceId);
    }

    [Fact]
    public async Task ConferenceMissingRequiredFieldsStillParses()
    {
        // The spec requires record_type, id, name, created_at and expires_at; only id is sent.
        var conference = await RetrieveConferenceAnswering("""{"id":"550e8400-e29b-41d4-a716-446655440000"}""");

        Assert.Equal(ConferenceId, conference.Id);
        Assert.Null(conference.Name);
        Assert.Null(conference.RecordType);
        Assert.Null(conference.CreatedAt);
        Assert.Null(conference.ExpiresAt);
        Assert.Null(conference.Status);
        Assert.Null(conference.AdditionalProperties);
    }

    [Fact]
    public async Task EmptyObjectsAndExplicitNullsStillParse()
    {
        var empty = await RetrieveConferenceAnswering("{}");
        Assert.Null(empty.Id);
        Assert.Null(empty.Name);

        var nulls = await RetrieveConferenceAnswering("""{"id":null,"name":null,"status":null,"ended_by":null,"end_reason":null}""");
        Assert.Null(nulls.Id);
        Assert.Null(nulls.Name);
        Assert.Null(nulls.Status);
        Assert.Null(nulls.EndedBy);
        Assert.Null(nulls.EndReason);

        Server.Reset();
        Server.Enqueue(CannedResponse.Data("{}"), CannedResponse.Data("""{"whisper_call_control_ids":null,"created_at":null}"""));
        var participant = await Client.Conferences.Participants.RetrieveAsync(ConferenceId, ParticipantId);
        Assert.Null(participant.Id);
        Assert.Null(participant.CreatedAt);
        Assert.Null(participant.WhisperCallControlIds);
        var withNulls = await Client.Conferences.Participants.RetrieveAsync(ConferenceId, ParticipantId);
        Assert.Null(withNulls.WhisperCallControlIds);
        Assert.Null(withNulls.CreatedAt);
    }

    [Fact]
    public async Task QueueAndQueueCallMissingRequiredNumbersAndBooleansStillParse()
    {
        Server.Reset();
        Server.Enqueue(CannedResponse.Data("""{"name":"support"}"""), CannedResponse.Data("""{"call_control_id":"v3:x"}"""));

        var queue = await Client.Queues.RetrieveAsync("support");
        var call = await Client.Queues.Calls.RetrieveAsync("support", "v3:x");

        Assert.Equal("support", queue.Name);
        Assert.Null(queue.CurrentSize);
        Assert.Null(queue.MaxSize);
        Assert.Null(queue.AverageWaitTimeSecs);
        Assert.Equal("v3:x", call.CallControlId);
        Assert.Null(call.IsAlive);
        Assert.Null(call.QueuePosition);
        Assert.Null(call.WaitTimeSecs);
    }

    [Fact]
    public async Task UnknownEnumValueIsKept()
    {
        var conference = await RetrieveConferenceAnswering("""{"id":"c1","status":"paused_new","end_reason":"moon_phase","record_type":"conference_v2"}""");

        Assert.NotNull(conference.Status);
        Assert.Equal("paused_new", conference.Status.Value.Value);
        Assert.False(conference.Status.Value.IsKnown);
        Assert.NotEqual("in_progress", conference.Status.Value.Value);
        Assert.Equal("paused_new", conference.Status.Value.ToString());
        Assert.Equal("moon_phase", conference.EndReason!.Value.Value);
        Assert.False(conference.EndReason.Value.IsKnown);
        Assert.Equal("conference_v2", conference.RecordType?.ToString());
        Assert.Null(conference.AdditionalProperties);
    }

    [Fact]
    public async Task UnknownEnumValueInListItemsIsKept()
    {
        Server.Reset();
        Server.Enqueue(CannedResponse.List("""{"id":"p1","status":"reconnecting","record_type":"participant"}"""));

        var items = new List<Participant>();
        await foreach (var p in Client.Conferences.Participants.ListAsync(ConferenceId))
        {
            items.Add(p);
        }

        var participant = Assert.Single(items);
        Assert.Equal("reconnecting", participant.Status!.Value.Value);
        Assert.False(participant.Status.Value.IsKnown);
        Assert.Equal("participant", participant.RecordType?.ToString());
    }

    [Fact]
    public async Task UnknownPropertiesLandInAdditionalPropertiesAtEveryLevel()
    {
        var conference = await RetrieveConferenceAnswering("""
            {"id":"c1","name":"Business","brand_new_field":{"nested":[1,2,3]},"beta_flag":true,
             "ended_by":{"call_control_id":"v3:x","ended_reason_detail":"kicked"}}
            """);

        Assert.Equal("Business", conference.Name);
        var extra = Assert.IsAssignableFrom<IReadOnlyDictionary<string, JsonElement>>(conference.AdditionalProperties);
        Assert.Equal(2, extra.Count);
        Assert.Equal(3, extra["brand_new_field"].GetProperty("nested").GetArrayLength());
        Assert.True(extra["beta_flag"].GetBoolean());
        Assert.Equal("v3:x", conference.EndedBy!.CallControlId);
        Assert.Equal("kicked", conference.EndedBy.AdditionalProperties!["ended_reason_detail"].GetString());
    }

    [Fact]
    public async Task ValueOfTheWrongJsonTypeIsKeptInAdditionalPropertiesNotACrash()
    {
        var conference = await RetrieveConferenceAnswering("""{"id":"c1","name":42,"status":{"code":1},"ended_by":"someone"}""");

        Assert.Equal("c1", conference.Id);
        Assert.Null(conference.Name);
        Assert.Null(conference.Status);
        Assert.Null(conference.EndedBy);
        var extra = conference.AdditionalProperties!;
        Assert.Equal(42, extra["name"].GetInt32());
        Assert.Equal(1, extra["status"].GetProperty("code").GetInt32());
        Assert.Equal("someone", extra["ended_by"].GetString());
    }

    [Fact]
    public async Task WrongTypedNumbersAndDatesAreKeptInAdditionalProperties()
    {
        Server.Reset();
        Server.Enqueue(
            CannedResponse.Data("""{"name":"support","current_size":"twenty","max_size":1.5}"""),
            CannedResponse.Data("""{"id":"p1","created_at":"not a date","muted":"yes"}"""));

        var queue = await Client.Queues.RetrieveAsync("support");
        var participant = await Client.Conferences.Participants.RetrieveAsync(ConferenceId, "p1");

        Assert.Null(queue.CurrentSize);
        Assert.Null(queue.MaxSize);
        Assert.Equal("twenty", queue.AdditionalProperties!["current_size"].GetString());
        Assert.Equal(1.5, queue.AdditionalProperties["max_size"].GetDouble());
        Assert.Null(participant.CreatedAt);
        Assert.Null(participant.Muted);
        Assert.Equal("not a date", participant.AdditionalProperties!["created_at"].GetString());
        Assert.Equal("yes", participant.AdditionalProperties["muted"].GetString());
    }

    [Fact]
    public async Task ExtraEnvelopeMembersAreIgnored()
    {
        Server.Reset();
        Server.Enqueue(CannedResponse.Json("""{"meta":{"x":1},"data":{"result":"ok"},"links":{"self":"/v2/x"}}"""));

        var result = await Client.Conferences.Actions.MuteAsync(ConferenceId);

        Assert.Equal("ok", result.Result);
    }

    [Fact]
    public async Task NullDataRaisesInvalidResponseNotANullReference()
    {
        Server.Reset();
        Server.Enqueue(CannedResponse.Json("""{"data":null}"""));

        var ex = await Assert.ThrowsAsync<TelnyxInvalidResponseException>(() => Client.Queues.RetrieveAsync("support"));

        Assert.Equal("""{"data":null}""", ex.Body);
    }

    [Fact]
    public async Task ListWithNullOrMissingMetaStopsAfterAShortPage()
    {
        Server.Reset();
        Server.Enqueue(CannedResponse.Json("""{"data":[""" + QueueJson + "]}"));

        var names = new List<string?>();
        await foreach (var queue in Client.Queues.ListAsync(new ListQueuesParameters { PageSize = 5 }))
        {
            names.Add(queue.Name);
        }

        Assert.Equal(["support"], names);
        Assert.Equal(1, Server.RequestCount);
    }
}
