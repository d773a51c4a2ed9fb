using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Telnyx.Sdk.Tests.Infrastructure;
using static Telnyx.Sdk.Tests.Infrastructure.Samples;

namespace Telnyx.Sdk.Tests.EndToEnd;

/// <summary>One operation of the API document, as called through the generated client, and what must go over the wire.</summary>
/// <param name="Name">The test name: resource path and method.</param>
/// <param name="OperationId">The operationId in the API document.</param>
/// <param name="Method">The HTTP method expected.</param>
/// <param name="Target">The raw request target expected (path with <c>/v2</c> and query).</param>
/// <param name="Response">What the server answers.</param>
/// <param name="Invoke">Calls the client; returns the result (lists are drained into a List&lt;T&gt;; no-content calls return null).</param>
/// <param name="Body">The JSON body expected (without a generated command_id), or null for no body at all.</param>
/// <param name="GeneratedCommandId">Whether the SDK must add a GUID command_id the caller left empty.</param>
/// <param name="Check">Asserts the parsed result.</param>
public sealed record OperationCase(
    string Name,
    string OperationId,
    string Method,
    string Target,
    CannedResponse Response,
    Func<TelnyxClient, Task<object?>> Invoke,
    string? Body,
    bool GeneratedCommandId,
    Action<object?> Check);

/// <summary>All 34 operations of specs/telnyx-voice-conferencing.json.</summary>
public static class OperationTable
{
    public static IReadOnlyList<OperationCase> All { get; } = Build();

    private static readonly Dictionary<string, OperationCase> s_byName = All.ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static OperationCase Get(string name) => s_byName[name];

    /// <summary>Theory data: the names of the cases starting with <paramref name="prefix"/> but none of <paramref name="excluded"/>.</summary>
    public static TheoryData<string> Names(string prefix, string[] excluded)
    {
        var data = new TheoryData<string>();
        foreach (var c in All.Where(c => c.Name.StartsWith(prefix, StringComparison.Ordinal)
            && !excluded.Any(x => c.Name.StartsWith(x, StringComparison.Ordinal))))
        {
            data.Add(c.Name);
        }
        return data;
    }

    /// <summary>
    /// Runs one case against <paramref name="fixture"/>'s server and checks everything: method, raw target and decoded
    /// path/query, headers, body, command_id, and the parsed result.
    /// </summary>
    public static async Task RunAsync(string name, SdkServerFixture fixture)
    {
        var op = Get(name);
        var server = fixture.Server;
        server.Reset();
        server.Enqueue(op.Response);

        object? result = await op.Invoke(fixture.Client);

        var request = Assert.Single(server.Requests);
        Assert.Equal(op.Method, request.Method);
        RequestAssert.Target(request, op.Target);
        RequestAssert.CommonHeaders(request, hasBody: op.Body is not null);
        if (op.Body is not null)
        {
            string? commandId = JsonAssert.RequestBody(op.Body, request.Body, op.GeneratedCommandId);
            if (op.GeneratedCommandId)
            {
                Assert.NotNull(commandId);
            }
        }
        op.Check(result);
    }

    private static async Task<object?> Drain<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }
        return list;
    }

    private static async Task<object?> NoResult(Task task)
    {
        await task;
        return null;
    }

    private static async Task<object?> Boxed<T>(Task<T> task) => await task;

    private static void CommandOk(object? result) =>
        Assert.Equal("ok", Assert.IsType<ConferenceCommandResult>(result).Result);

    private static void CallCommandOk(object? result) =>
        Assert.Equal("ok", Assert.IsType<CallControlCommandResult>(result).Result);

    private static void IsConference(Conference c)
    {
        Assert.Equal(ConferenceId, c.Id);
        Assert.Equal("Business", c.Name);
        Assert.Equal("in_progress", c.Status?.ToString());
        Assert.True(c.Status!.Value.IsKnown);
        Assert.Equal("conference", c.RecordType?.ToString());
        Assert.Equal("all_left", c.EndReason?.ToString());
        Assert.Equal(CallControlId, c.EndedBy!.CallControlId);
        Assert.Equal("428c31b6-7af4-4bcb-b7f5-5013ef9657c1", c.EndedBy.CallSessionId);
        Assert.Equal("3fa85f64-5717-4562-b3fc-2c963f66afa6", c.ConnectionId);
        Assert.Equal("sv1", c.Region);
        Assert.Equal(Timestamp, c.CreatedAt);
        Assert.Equal(Timestamp, c.ExpiresAt);
        Assert.Equal(Timestamp, c.UpdatedAt);
        Assert.Null(c.AdditionalProperties);
    }

    private static void IsConferenceParticipant(object? result)
    {
        var p = Assert.IsType<ConferenceParticipant>(result);
        Assert.Equal(ParticipantId, p.Id);
        Assert.Equal(CallControlId, p.CallControlId);
        Assert.Equal("3ca6dd3e-0c8a-4b5a-8a9f-c4e3a5d0b2f1", p.CallLegId);
        Assert.Equal(OtherConferenceId, p.ConferenceId);
        Assert.Equal(new DateTimeOffset(2019, 1, 23, 18, 10, 2, 574, TimeSpan.Zero), p.CreatedAt);
        Assert.Equal(new DateTimeOffset(2019, 1, 23, 18, 10, 2, 574, TimeSpan.Zero), p.UpdatedAt);
        Assert.False(p.EndConferenceOnExit);
        Assert.True(p.SoftEndConferenceOnExit);
        Assert.Equal("agent-1", p.Label);
        Assert.True(p.Muted);
        Assert.False(p.OnHold);
        Assert.Equal("joined", p.Status?.ToString());
        Assert.Equal(new[] { WhisperId1, WhisperId2 }, p.WhisperCallControlIds);
        Assert.Null(p.AdditionalProperties);
    }

    private static void IsQueue(Queue q)
    {
        Assert.Equal("QueueId-7a2a-4e3d-9f4e-5b1c2d3e4f50", q.Id);
        Assert.Equal("support", q.Name);
        Assert.Equal("queue", q.RecordType?.ToString());
        Assert.Equal(20, q.CurrentSize);
        Assert.Equal(200, q.MaxSize);
        Assert.Equal(175, q.AverageWaitTimeSecs);
        Assert.Equal(Timestamp, q.CreatedAt);
        Assert.Equal(Timestamp, q.UpdatedAt);
        Assert.Null(q.AdditionalProperties);
    }

    private static void IsSecondQueue(Queue q)
    {
        Assert.Equal("QueueId-2", q.Id);
        Assert.Equal("tier_1_support", q.Name);
        Assert.Equal(0, q.CurrentSize);
        Assert.Equal(100, q.MaxSize);
        Assert.Equal(0, q.AverageWaitTimeSecs);
    }

    private static void IsQueueCall(QueueCall c)
    {
        Assert.Equal("queue_call", c.RecordType?.ToString());
        Assert.Equal(CallControlId, c.CallControlId);
        Assert.Equal("2dc6fc34-f9e0-11ea-b68e-02420a0f7768", c.CallLegId);
        Assert.Equal("2dc1b3c8-f9e0-11ea-bc5a-02420a0f7768", c.CallSessionId);
        Assert.Equal("7267xxxxxxxxxxxxxx", c.ConnectionId);
        Assert.Equal("+13125550002", c.From);
        Assert.Equal("+13125550001", c.To);
        Assert.Equal(Timestamp, c.EnqueuedAt);
        Assert.Equal(145, c.WaitTimeSecs);
        Assert.Equal(3, c.QueuePosition);
        Assert.Equal("ae1626cc-6f42-11ea-becd-02420a0f8b69", c.QueueId);
        Assert.True(c.IsAlive);
        Assert.Null(c.AdditionalProperties);
    }

    private static List<OperationCase> Build()
    {
        const string conf = "/v2/conferences/" + ConferenceId;
        const string other = "/v2/conferences/" + OtherConferenceId;
        return
        [
            // ---------------------------------------------------------------- calls.actions
            new("calls.actions.enqueue", "EnqueueCall", "POST",
                "/v2/calls/" + CallControlIdEscaped + "/actions/enqueue",
                CannedResponse.CommandOk,
                c => Boxed(c.Calls.Actions.EnqueueAsync(CallControlId, new EnqueueRequest
                {
                    QueueName = "support",
                    ClientState = ClientState,
                    KeepAfterHangup = true,
                    MaxWaitTimeSecs = 600,
                })),
                """{"queue_name":"support","client_state":"aGF2ZSBhIG5pY2UgZGF5ID1d","keep_after_hangup":true,"max_wait_time_secs":600}""",
                true, CallCommandOk),
            new("calls.actions.leave_queue", "LeaveQueue", "POST",
                "/v2/calls/" + LeaveQueueCallControlIdEscaped + "/actions/leave_queue",
                CannedResponse.CommandOk,
                c => Boxed(c.Calls.Actions.LeaveQueueAsync(LeaveQueueCallControlId)),
                "{}", true, CallCommandOk),

            // ---------------------------------------------------------------- conferences
            new("conferences.list", "ListConferences", "GET",
                "/v2/conferences?filter[name]=Business&page[number]=1&page[size]=50",
                CannedResponse.List(1, 50, 1, 2, ConferenceJson, SecondConferenceJson),
                c => Drain(c.Conferences.ListAsync(new ListConferencesParameters
                {
                    Filter = new ListConferencesFilter { Name = "Business" },
                    PageSize = 50,
                })),
                null, false,
                result =>
                {
                    var list = Assert.IsType<List<Conference>>(result);
                    Assert.Equal(2, list.Count);
                    IsConference(list[0]);
                    Assert.Equal(OtherConferenceId, list[1].Id);
                    Assert.Equal("Sales", list[1].Name);
                    Assert.Equal("completed", list[1].Status?.Value);
                    Assert.Null(list[1].EndedBy);
                    Assert.Null(list[1].Region);
                }),
            new("conferences.create", "CreateConference", "POST",
                "/v2/conferences",
                CannedResponse.Data(ConferenceJson),
                c => Boxed(c.Conferences.CreateAsync(new CreateConferenceRequest
                {
                    CallControlId = CallControlId,
                    Name = "Business",
                    BeepEnabled = "on_exit",
                    ClientState = ClientState,
                    ComfortNoise = false,
                    DurationMinutes = 5,
                    HoldAudioUrl = "http://example.com/message.wav",
                    MaxParticipants = 3,
                    Region = "US",
                    StartConferenceOnCreate = false,
                })),
                """
                {"call_control_id":"v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg","name":"Business","beep_enabled":"on_exit",
                 "client_state":"aGF2ZSBhIG5pY2UgZGF5ID1d","comfort_noise":false,"duration_minutes":5,"hold_audio_url":"http://example.com/message.wav",
                 "max_participants":3,"region":"US","start_conference_on_create":false}
                """,
                true, result => IsConference(Assert.IsType<Conference>(result))),
            new("conferences.retrieve", "RetrieveConference", "GET",
                conf + "?region=Middle%20East",
                CannedResponse.Data(ConferenceJson),
                c => Boxed(c.Conferences.RetrieveAsync(ConferenceId, new RetrieveConferenceParameters { Region = "Middle East" })),
                null, false, result => IsConference(Assert.IsType<Conference>(result))),

            // ---------------------------------------------------------------- conferences.participants
            new("conferences.participants.list", "ListConferenceParticipants", "GET",
                conf + "/participants?region=Europe&filter[muted]=false&filter[on_hold]=true&page[number]=1&page[size]=20",
                CannedResponse.List(ParticipantJson),
                c => Drain(c.Conferences.Participants.ListAsync(ConferenceId, new ListConferenceParticipantsParameters
                {
                    Region = "Europe",
                    Filter = new ListConferenceParticipantsFilter { Muted = false, OnHold = true },
                    PageSize = 20,
                })),
                null, false,
                result =>
                {
                    var p = Assert.Single(Assert.IsType<List<Participant>>(result));
                    Assert.Equal("participant", p.RecordType?.ToString());
                    Assert.Equal(ParticipantId, p.Id);
                    Assert.Equal("3ca6dd3e-0c8a-4b5a-8a9f-c4e3a5d0b2f1", p.CallLegId);
                    Assert.Equal(CallControlId, p.CallControlId);
                    Assert.Equal(ConferenceId, p.Conference!.Id);
                    Assert.Equal("Business", p.Conference.Name);
                    Assert.Equal(new[] { WhisperId1, WhisperId2 }, p.WhisperCallControlIds);
                    Assert.Equal(Timestamp, p.CreatedAt);
                    Assert.Equal(Timestamp, p.UpdatedAt);
                    Assert.True(p.EndConferenceOnExit);
                    Assert.False(p.SoftEndConferenceOnExit);
                    Assert.Equal("joined", p.Status?.ToString());
                    Assert.False(p.Muted);
                    Assert.True(p.OnHold);
                }),
            new("conferences.participants.retrieve", "RetrieveConferenceParticipant", "GET",
                other + "/participants/" + ParticipantId,
                CannedResponse.Data(ConferenceParticipantJson),
                c => Boxed(c.Conferences.Participants.RetrieveAsync(OtherConferenceId, ParticipantId)),
                null, false, IsConferenceParticipant),
            new("conferences.participants.update", "UpdateConferenceParticipant", "PATCH",
                other + "/participants/agent-1%20label",
                CannedResponse.Data(ConferenceParticipantJson),
                c => Boxed(c.Conferences.Participants.UpdateAsync(OtherConferenceId, "agent-1 label", new UpdateConferenceParticipantRequest
                {
                    BeepEnabled = "never",
                    EndConferenceOnExit = true,
                    SoftEndConferenceOnExit = false,
                })),
                """{"beep_enabled":"never","end_conference_on_exit":true,"soft_end_conference_on_exit":false}""",
                false, IsConferenceParticipant),

            // ---------------------------------------------------------------- conferences.actions
            new("conferences.actions.end", "EndConference", "POST",
                other + "/actions/end",
                CannedResponse.CommandOk,
                c => Boxed(c.Conferences.Actions.EndAsync(OtherConferenceId)),
                "{}", true, CommandOk),
            new("conferences.actions.gather_using_audio", "ConferenceGatherUsingAudio", "POST",
                other + "/actions/gather_using_audio",
                CannedResponse.CommandOk,
                c => Boxed(c.Conferences.Actions.GatherUsingAudioAsync(OtherConferenceId, new ConferenceGatherUsingAudioRequest
                {
                    CallControlId = CallControlId,
                    AudioUrl = "http://example.com/message.wav",
                    MinimumDigits = 1,
                    MaximumDigits = 4,
                    MaximumTries = 3,
                    TerminatingDigit = "#",
                    ValidDigits = "123",
                    TimeoutMillis = 60000,
                    StopPlaybackOnDtmf = true,
                })),
                """
                {"call_control_id":"v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg","audio_url":"http://example.com/message.wav",
                 "maximum_digits":4,"maximum_tries":3,"minimum_digits":1,"stop_playback_on_dtmf":true,"terminating_digit":"#",
                 "timeout_millis":60000,"valid_digits":"123"}
                """,
                false, CommandOk),
            new("conferences.actions.hold", "HoldConferenceParticipants", "POST",
                conf + "/actions/hold",
                CannedResponse.CommandOk,
                c => Boxed(c.Conferences.Actions.HoldAsync(ConferenceId, new ConferenceHoldRequest
                {
                    CallControlIds = [CallControlId],
                    AudioUrl = "http://example.com/message.wav",
                    Region = "Australia",
                })),
                """{"audio_url":"http://example.com/message.wav","call_control_ids":["v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg"],"region":"Australia"}""",
                false, CommandOk),
            new("conferences.actions.join", "JoinConference", "POST",
                conf + "/actions/join",
                CannedResponse.CommandOk,
                c => Boxed(c.Conferences.Actions.JoinAsync(ConferenceId, new JoinConferenceRequest
                {
                    CallControlId = CallControlId,
                    CommandId = CommandId,
                    SupervisorRole = "whisper",
                    WhisperCallControlIds = [WhisperId1, WhisperId2],
                    BeepEnabled = "on_enter",
                    Mute = true,
                    Hold = false,
                    StartConferenceOnEnter = true,
                })),
                """
                {"call_control_id":"v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg","beep_enabled":"on_enter",
                 "command_id":"891510ac-f3e4-11e8-af5b-de00688a4901","hold":false,"mute":true,"start_conference_on_enter":true,
                 "supervisor_role":"whisper","whisper_call_control_ids":["v2:Sg1xxxQ_U3ixxxyXT_VDNI3xxxazZdg6Vxxxs4-GNYxxxVaJPOhFMRQ","v2:qqpb0mmvd-ovhhBr0BUQQn0fld5jIboaaX3-De0DkqXHzbf8d75xkw"]}
                """,
                false, CommandOk),
            new("conferences.actions.leave", "LeaveConference", "POST",
                conf + "/actions/leave",
                CannedResponse.CommandOk,
                c => Boxed(c.Conferences.Actions.LeaveAsync(ConferenceId, new LeaveConferenceRequest
                {
                    CallControlId = "c46e06d7-b78f-4b13-96b6-c576af9640ff",
                    BeepEnabled = "never",
                })),
                """{"call_control_id":"c46e06d7-b78f-4b13-96b6-c576af9640ff","beep_enabled":"never"}""",
                true, CommandOk),
            new("conferences.actions.mute", "MuteConferenceParticipants", "POST",
                conf + "/actions/mute",
                CannedResponse.CommandOk,
                c => Boxed(c.Conferences.Actions.MuteAsync(ConferenceId, new ConferenceMuteRequest { CallControlIds = [CallControlId] })),
                """{"call_control_ids":["v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg"]}""",
                false, CommandOk),
            new("conferences.actions.play", "PlayConferenceAudio", "POST",
                conf + "/actions/play",
                CannedResponse.CommandOk,
                c => Boxed(c.Conferences.Actions.PlayAsync(ConferenceId, new ConferencePlayRequest
                {
                    AudioUrl = "http://example.com/message.wav",
                    Loop = 3,
                    CallControlIds = [CallControlId],
                })),
                """{"audio_url":"http://example.com/message.wav","call_control_ids":["v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg"],"loop":3}""",
                false, CommandOk),
            new("conferences.actions.record_pause", "PauseConferenceRecording", "POST",
                conf + "/actions/record_pause",
                CannedResponse.CommandOk,
                c => Boxed(c.Conferences.Actions.RecordPauseAsync(ConferenceId, new PauseConferenceRecordingRequest
                {
                    RecordingId = "6e00ab49-9487-4364-8ad6-23965965afb2",
                    Region = "US",
                })),
                """{"recording_id":"6e00ab49-9487-4364-8ad6-23965965afb2","region":"US"}""",
                true, CommandOk),
            new("conferences.actions.record_resume", "ResumeConferenceRecording", "POST",
                conf + "/actions/record_resume",
                CannedResponse.CommandOk,
                c => Boxed(c.Conferences.Actions.RecordResumeAsync(ConferenceId)),
                "{}", true, CommandOk),
            new("conferences.actions.record_start", "StartConferenceRecording", "POST",
                conf + "/actions/record_start",
                CannedResponse.CommandOk,
                c => Boxed(c.Conferences.Actions.RecordStartAsync(ConferenceId, new StartConferenceRecordingRequest
                {
                    Format = "wav",
                    Channels = "dual",
                    Trim = "trim-silence",
                    PlayBeep = true,
                    CustomFileName = "my_recording",
                })),
                """{"format":"wav","channels":"dual","custom_file_name":"my_recording","play_beep":true,"trim":"trim-silence"}""",
                true, CommandOk),
            new("conferences.actions.record_stop", "StopConferenceRecording", "POST",
                conf + "/actions/record_stop",
                CannedResponse.CommandOk,
                c => Boxed(c.Conferences.Actions.RecordStopAsync(ConferenceId, new StopRecordingConferenceRequest
                {
                    ClientState = ClientState,
                    RecordingId = "6e00ab49-9487-4364-8ad6-23965965afb2",
                })),
                """{"client_state":"aGF2ZSBhIG5pY2UgZGF5ID1d","recording_id":"6e00ab49-9487-4364-8ad6-23965965afb2"}""",
                true, CommandOk),
            new("conferences.actions.send_dtmf", "ConferenceSendDTMF", "POST",
                other + "/actions/send_dtmf",
                CannedResponse.CommandOk,
                c => Boxed(c.Conferences.Actions.SendDtmfAsync(OtherConferenceId, new ConferenceSendDTMFRequest
                {
                    Digits = "1234#",
                    DurationMillis = 250,
                    CallControlIds = [CallControlId],
                })),
                """{"digits":"1234#","call_control_ids":["v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg"],"duration_millis":250}""",
                false, CommandOk),
            new("conferences.actions.speak", "SpeakTextToConference", "POST",
                conf + "/actions/speak",
                CannedResponse.CommandOk,
                c => Boxed(c.Conferences.Actions.SpeakAsync(ConferenceId, new ConferenceSpeakRequest
                {
                    Payload = "Say this to participants",
                    Voice = "female",
                    Language = "en-US",
                    PayloadType = "text",
                    VoiceSettings = new ElevenLabsVoiceSettings { Type = "elevenlabs", ApiKeyRef = "my_secret" },
                })),
                """{"payload":"Say this to participants","voice":"female","language":"en-US","payload_type":"text","voice_settings":{"type":"elevenlabs","api_key_ref":"my_secret"}}""",
                true, CommandOk),
            new("conferences.actions.stop", "StopConferenceAudio", "POST",
                conf + "/actions/stop",
                CannedResponse.CommandOk,
                c => Boxed(c.Conferences.Actions.StopAsync(ConferenceId, new ConferenceStopRequest { CallControlIds = [CallControlId], Region = "Europe" })),
                """{"call_control_ids":["v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg"],"region":"Europe"}""",
                false, CommandOk),
            new("conferences.actions.unhold", "UnholdConferenceParticipants", "POST",
                conf + "/actions/unhold",
                CannedResponse.CommandOk,
                c => Boxed(c.Conferences.Actions.UnholdAsync(ConferenceId, new ConferenceUnholdRequest { CallControlIds = [CallControlId] })),
                """{"call_control_ids":["v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg"]}""",
                false, CommandOk),
            new("conferences.actions.unmute", "UnmuteConferenceParticipants", "POST",
                conf + "/actions/unmute",
                CannedResponse.CommandOk,
                c => Boxed(c.Conferences.Actions.UnmuteAsync(ConferenceId, new ConferenceUnmuteRequest { Region = "US" })),
                """{"region":"US"}""",
                false, CommandOk),
            new("conferences.actions.update", "UpdateConference", "POST",
                conf + "/actions/update",
                CannedResponse.CommandOk,
                c => Boxed(c.Conferences.Actions.UpdateAsync(ConferenceId, new UpdateConferenceRequest
                {
                    CallControlId = CallControlId,
                    SupervisorRole = "whisper",
                    WhisperCallControlIds = [WhisperId1],
                })),
                """{"call_control_id":"v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg","supervisor_role":"whisper","whisper_call_control_ids":["v2:Sg1xxxQ_U3ixxxyXT_VDNI3xxxazZdg6Vxxxs4-GNYxxxVaJPOhFMRQ"]}""",
                true, CommandOk),

            // ---------------------------------------------------------------- queues
            new("queues.list", "ListQueues", "GET",
                "/v2/queues?page[number]=1",
                CannedResponse.List(QueueJson, SecondQueueJson),
                c => Drain(c.Queues.ListAsync()),
                null, false,
                result =>
                {
                    var list = Assert.IsType<List<Queue>>(result);
                    Assert.Equal(2, list.Count);
                    IsQueue(list[0]);
                    IsSecondQueue(list[1]);
                }),
            new("queues.create", "CreateQueue", "POST",
                "/v2/queues",
                CannedResponse.Data(SecondQueueJson),
                c => Boxed(c.Queues.CreateAsync(new CreateQueueRequest { QueueName = "tier_1_support", MaxSize = 100 })),
                """{"queue_name":"tier_1_support","max_size":100}""",
                false, result => IsSecondQueue(Assert.IsType<Queue>(result))),
            new("queues.retrieve", "RetrieveCallQueue", "GET",
                "/v2/queues/support",
                CannedResponse.Data(QueueJson),
                c => Boxed(c.Queues.RetrieveAsync("support")),
                null, false, result => IsQueue(Assert.IsType<Queue>(result))),
            new("queues.update", "UpdateQueue", "POST",
                "/v2/queues/support",
                CannedResponse.Data(QueueJson),
                c => Boxed(c.Queues.UpdateAsync("support", new UpdateQueueRequest { MaxSize = 200 })),
                """{"max_size":200}""",
                false, result => IsQueue(Assert.IsType<Queue>(result))),
            new("queues.delete", "DeleteQueue", "DELETE",
                "/v2/queues/support",
                CannedResponse.NoContent,
                c => NoResult(c.Queues.DeleteAsync("support")),
                null, false, Assert.Null),

            // ---------------------------------------------------------------- queues.calls
            new("queues.calls.list", "ListQueueCalls", "GET",
                "/v2/queues/support/calls?page[number]=1&page[size]=10",
                CannedResponse.List(1, 10, 1, 1, QueueCallJson),
                c => Drain(c.Queues.Calls.ListAsync("support", new ListQueueCallsParameters { PageSize = 10 })),
                null, false, result => IsQueueCall(Assert.Single(Assert.IsType<List<QueueCall>>(result)))),
            new("queues.calls.retrieve", "RetrieveCallFromQueue", "GET",
                "/v2/queues/support/calls/" + CallControlIdEscaped,
                CannedResponse.Data(QueueCallJson),
                c => Boxed(c.Queues.Calls.RetrieveAsync("support", CallControlId)),
                null, false, result => IsQueueCall(Assert.IsType<QueueCall>(result))),
            new("queues.calls.update", "UpdateCallInQueue", "PATCH",
                "/v2/queues/support/calls/" + CallControlIdEscaped,
                CannedResponse.NoContent,
                c => NoResult(c.Queues.Calls.UpdateAsync("support", CallControlId, new UpdateQueuedCallRequest { KeepAfterHangup = true })),
                """{"keep_after_hangup":true}""",
                false, Assert.Null),
            new("queues.calls.delete", "RemoveQueueCall", "DELETE",
                "/v2/queues/support/calls/" + CallControlIdEscaped,
                CannedResponse.NoContent,
                c => NoResult(c.Queues.Calls.DeleteAsync("support", CallControlId)),
                null, false, Assert.Null),
        ];
    }
}
