using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace Telnyx.Contract.Tests.Operations;

/// <summary>
/// One operation of the bundled spec, called through the generated client twice: with only the required inputs, and
/// with every input set to a realistic value that honours the OFFICIAL document (formats, enums, bounds).
/// </summary>
/// <param name="Name">Resource path and method, e.g. <c>conferences.actions.play</c>.</param>
/// <param name="OperationId">The operationId in both documents.</param>
/// <param name="Minimal">Calls the operation with required inputs only (optional request objects omitted).</param>
/// <param name="Full">Calls the operation with every input set.</param>
/// <param name="Check">Asserts a few fields of the parsed result (lists are drained to a List&lt;T&gt;; no-content: null).</param>
public sealed record ContractCase(
    string Name,
    string OperationId,
    Func<TelnyxClient, Task<object?>> Minimal,
    Func<TelnyxClient, Task<object?>> Full,
    Action<object?> Check);

/// <summary>All 34 operations of specs/telnyx-voice-conferencing.json.</summary>
public static class ContractOperations
{
    // The official document declares format: uuid for the conference id of end, gather_using_audio, send_dtmf and the
    // participant operations, and for recording_id, filter[leg_id] and filter[application_session_id].
    public const string ConferenceId = "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e";
    public const string ParticipantId = "dfadada7-af74-47bc-83a4-554275f55f5c";
    public const string CallControlId = "v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg";
    public const string WhisperId1 = "v2:Sg1xxxQ_U3ixxxyXT_VDNI3xxxazZdg6Vxxxs4-GNYxxxVaJPOhFMRQ";
    public const string WhisperId2 = "v2:qqpb0mmvd-ovhhBr0BUQQn0fld5jIboaaX3-De0DkqXHzbf8d75xkw";
    public const string CommandId = "891510ac-f3e4-11e8-af5b-de00688a4901";
    public const string RecordingId = "6e00ab49-9487-4364-8ad6-23965965afb2";
    public const string ClientState = "aGF2ZSBhIG5pY2UgZGF5ID1d";
    public const string AudioUrl = "http://example.com/message.wav";
    public const string MediaName = "my_media_uploaded_to_media_storage_api";
    public const string QueueName = "tier_1_support";

    public static IReadOnlyList<ContractCase> All { get; } = Build();

    private static readonly Dictionary<string, ContractCase> s_byName = All.ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static ContractCase Get(string name) => s_byName[name];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in All)
        {
            data.Add(c.Name);
        }
        return data;
    }

    public static async Task<object?> Drain<T>(IAsyncEnumerable<T> items)
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

    private static void CommandOk(object? result) => Assert.Equal("ok", Assert.IsType<ConferenceCommandResult>(result).Result);

    private static void CallCommandOk(object? result) => Assert.Equal("ok", Assert.IsType<CallControlCommandResult>(result).Result);

    private static void IsConference(object? result)
    {
        var c = Assert.IsType<Conference>(result);
        Assert.False(string.IsNullOrEmpty(c.Id));
        Assert.False(string.IsNullOrEmpty(c.Name));
        Assert.Equal("conference", c.RecordType?.ToString());
        Assert.True(c.Status?.IsKnown);
        Assert.NotNull(c.CreatedAt);
        Assert.NotNull(c.EndedBy?.CallControlId);
    }

    private static void IsConferenceParticipant(object? result)
    {
        var p = Assert.IsType<ConferenceParticipant>(result);
        Assert.False(string.IsNullOrEmpty(p.Id));
        Assert.False(string.IsNullOrEmpty(p.CallControlId));
        Assert.NotNull(p.Muted);
        Assert.NotNull(p.CreatedAt);
        Assert.True(p.Status?.IsKnown);
        Assert.NotEmpty(p.WhisperCallControlIds!);
    }

    private static void IsQueue(object? result)
    {
        var q = Assert.IsType<Queue>(result);
        Assert.False(string.IsNullOrEmpty(q.Id));
        Assert.False(string.IsNullOrEmpty(q.Name));
        Assert.Equal("queue", q.RecordType?.ToString());
        Assert.NotNull(q.MaxSize);
        Assert.NotNull(q.CurrentSize);
        Assert.NotNull(q.CreatedAt);
    }

    private static void IsQueueCall(object? result)
    {
        var c = Assert.IsType<QueueCall>(result);
        Assert.Equal("queue_call", c.RecordType?.ToString());
        Assert.False(string.IsNullOrEmpty(c.CallControlId));
        Assert.NotNull(c.QueuePosition);
        Assert.NotNull(c.WaitTimeSecs);
        Assert.True(c.IsAlive);
    }

    private static void IsList<T>(object? result, Action<object?> item)
    {
        var list = Assert.IsType<List<T>>(result);
        Assert.NotEmpty(list);
        foreach (var x in list)
        {
            item(x);
        }
    }

    private static void IsParticipant(object? result)
    {
        var p = Assert.IsType<Participant>(result);
        Assert.Equal("participant", p.RecordType?.ToString());
        Assert.False(string.IsNullOrEmpty(p.Id));
        Assert.False(string.IsNullOrEmpty(p.Conference?.Id));
        Assert.NotNull(p.OnHold);
        Assert.True(p.Status?.IsKnown);
    }

    private static List<ContractCase> Build()
    {
        const string id = ConferenceId;
        return
        [
            // ---------------------------------------------------------------- calls.actions
            new("calls.actions.enqueue", "EnqueueCall",
                c => Boxed(c.Calls.Actions.EnqueueAsync(CallControlId, new EnqueueRequest { QueueName = QueueName })),
                c => Boxed(c.Calls.Actions.EnqueueAsync(CallControlId, new EnqueueRequest
                {
                    QueueName = QueueName,
                    ClientState = ClientState,
                    CommandId = CommandId,
                    KeepAfterHangup = true,
                    MaxSize = 200,
                    MaxWaitTimeSecs = 600,
                })),
                CallCommandOk),
            new("calls.actions.leave_queue", "LeaveQueue",
                c => Boxed(c.Calls.Actions.LeaveQueueAsync(CallControlId)),
                c => Boxed(c.Calls.Actions.LeaveQueueAsync(CallControlId, new LeaveQueueRequest { ClientState = ClientState, CommandId = CommandId })),
                CallCommandOk),

            // ---------------------------------------------------------------- conferences
            new("conferences.list", "ListConferences",
                c => Drain(c.Conferences.ListAsync()),
                c => Drain(c.Conferences.ListAsync(new ListConferencesParameters
                {
                    Region = ListConferencesRegion.MiddleEast,
                    PageSize = 50,
                    Filter = new ListConferencesFilter
                    {
                        ApplicationName = new ListConferencesFilterApplicationName { Contains = "call-center" },
                        ApplicationSessionId = "3fa85f64-5717-4562-b3fc-2c963f66afa6",
                        ConnectionId = "1684641123236054244",
                        Failed = false,
                        From = "+12025550142",
                        LegId = "428c31b6-7af4-4bcb-b7f5-5013ef9657c1",
                        Name = "Business",
                        OccurredAt = new ListConferencesFilterOccurredAt
                        {
                            Eq = "2019-03-29T11:10:00Z",
                            Gt = "2019-03-29T11:00:00Z",
                            Gte = "2019-03-29T11:00:00Z",
                            Lt = "2019-03-29T12:00:00Z",
                            Lte = "2019-03-29T12:00:00Z",
                        },
                        OutboundOutboundVoiceProfileId = "1293384261075731499",
                        Product = Product.Texml,
                        Status = ListConferencesFilterStatus.InProgress,
                        To = "+12025550143",
                        Type = ListConferencesFilterType.Webhook,
                    },
                })),
                r => IsList<Conference>(r, IsConference)),
            new("conferences.create", "CreateConference",
                c => Boxed(c.Conferences.CreateAsync(new CreateConferenceRequest { CallControlId = CallControlId, Name = "Business" })),
                c => Boxed(c.Conferences.CreateAsync(new CreateConferenceRequest
                {
                    CallControlId = CallControlId,
                    Name = "Business",
                    BeepEnabled = BeepEnabled.OnExit,
                    ClientState = ClientState,
                    ComfortNoise = false,
                    CommandId = CommandId,
                    DurationMinutes = 5,
                    HoldAudioUrl = AudioUrl,
                    HoldMediaName = MediaName,
                    MaxParticipants = 3,
                    Region = ConferenceRegion.US,
                    StartConferenceOnCreate = false,
                })),
                IsConference),
            new("conferences.retrieve", "RetrieveConference",
                c => Boxed(c.Conferences.RetrieveAsync(id)),
                c => Boxed(c.Conferences.RetrieveAsync(id, new RetrieveConferenceParameters { Region = RetrieveConferenceRegion.MiddleEast })),
                IsConference),

            // ---------------------------------------------------------------- conferences.participants
            new("conferences.participants.list", "ListConferenceParticipants",
                c => Drain(c.Conferences.Participants.ListAsync(id)),
                c => Drain(c.Conferences.Participants.ListAsync(id, new ListConferenceParticipantsParameters
                {
                    Region = ListConferenceParticipantsRegion.Europe,
                    PageSize = 20,
                    Filter = new ListConferenceParticipantsFilter { Muted = false, OnHold = true, Whispering = false },
                })),
                r => IsList<Participant>(r, IsParticipant)),
            new("conferences.participants.retrieve", "RetrieveConferenceParticipant",
                c => Boxed(c.Conferences.Participants.RetrieveAsync(id, ParticipantId)),
                c => Boxed(c.Conferences.Participants.RetrieveAsync(id, ParticipantId)),
                IsConferenceParticipant),
            new("conferences.participants.update", "UpdateConferenceParticipant",
                c => Boxed(c.Conferences.Participants.UpdateAsync(id, ParticipantId)),
                c => Boxed(c.Conferences.Participants.UpdateAsync(id, ParticipantId, new UpdateConferenceParticipantRequest
                {
                    BeepEnabled = BeepEnabled.Always,
                    EndConferenceOnExit = false,
                    SoftEndConferenceOnExit = true,
                })),
                IsConferenceParticipant),

            // ---------------------------------------------------------------- conferences.actions
            new("conferences.actions.end", "EndConference",
                c => Boxed(c.Conferences.Actions.EndAsync(id)),
                c => Boxed(c.Conferences.Actions.EndAsync(id, new EndConferenceRequest { CommandId = CommandId })),
                CommandOk),
            new("conferences.actions.gather_using_audio", "ConferenceGatherUsingAudio",
                c => Boxed(c.Conferences.Actions.GatherUsingAudioAsync(id, new ConferenceGatherUsingAudioRequest { CallControlId = CallControlId })),
                c => Boxed(c.Conferences.Actions.GatherUsingAudioAsync(id, new ConferenceGatherUsingAudioRequest
                {
                    CallControlId = CallControlId,
                    AudioUrl = "http://example.com/gather_prompt.wav",
                    ClientState = ClientState,
                    GatherId = "gather-1",
                    InitialTimeoutMillis = 10000,
                    InterDigitTimeoutMillis = 3000,
                    InvalidAudioUrl = "http://example.com/invalid.wav",
                    InvalidMediaName = "invalid_prompt",
                    MaximumDigits = 10,
                    MaximumTries = 3,
                    MediaName = MediaName,
                    MinimumDigits = 1,
                    StopPlaybackOnDtmf = true,
                    TerminatingDigit = "#",
                    TimeoutMillis = 30000,
                    ValidDigits = "0123456789",
                })),
                CommandOk),
            new("conferences.actions.hold", "HoldConferenceParticipants",
                c => Boxed(c.Conferences.Actions.HoldAsync(id)),
                c => Boxed(c.Conferences.Actions.HoldAsync(id, new ConferenceHoldRequest
                {
                    AudioUrl = AudioUrl,
                    CallControlIds = [CallControlId],
                    MediaName = MediaName,
                    Region = ConferenceRegion.Australia,
                })),
                CommandOk),
            new("conferences.actions.join", "JoinConference",
                c => Boxed(c.Conferences.Actions.JoinAsync(id, new JoinConferenceRequest { CallControlId = CallControlId })),
                c => Boxed(c.Conferences.Actions.JoinAsync(id, new JoinConferenceRequest
                {
                    CallControlId = CallControlId,
                    BeepEnabled = BeepEnabled.OnEnter,
                    ClientState = ClientState,
                    CommandId = CommandId,
                    EndConferenceOnExit = true,
                    Hold = false,
                    HoldAudioUrl = AudioUrl,
                    HoldMediaName = MediaName,
                    Mute = true,
                    Region = ConferenceRegion.US,
                    SoftEndConferenceOnExit = false,
                    StartConferenceOnEnter = true,
                    SupervisorRole = SupervisorRole.Whisper,
                    WhisperCallControlIds = [WhisperId1, WhisperId2],
                })),
                CommandOk),
            new("conferences.actions.leave", "LeaveConference",
                c => Boxed(c.Conferences.Actions.LeaveAsync(id, new LeaveConferenceRequest { CallControlId = CallControlId })),
                c => Boxed(c.Conferences.Actions.LeaveAsync(id, new LeaveConferenceRequest
                {
                    CallControlId = CallControlId,
                    BeepEnabled = BeepEnabled.Never,
                    CommandId = CommandId,
                    Region = ConferenceRegion.Europe,
                })),
                CommandOk),
            new("conferences.actions.mute", "MuteConferenceParticipants",
                c => Boxed(c.Conferences.Actions.MuteAsync(id)),
                c => Boxed(c.Conferences.Actions.MuteAsync(id, new ConferenceMuteRequest { CallControlIds = [CallControlId], Region = ConferenceRegion.US })),
                CommandOk),
            new("conferences.actions.play", "PlayConferenceAudio",
                c => Boxed(c.Conferences.Actions.PlayAsync(id)),
                c => Boxed(c.Conferences.Actions.PlayAsync(id, new ConferencePlayRequest
                {
                    AudioUrl = AudioUrl,
                    CallControlIds = [CallControlId],
                    Loop = 3,
                    MediaName = MediaName,
                    Region = ConferenceRegion.US,
                })),
                CommandOk),
            new("conferences.actions.record_pause", "PauseConferenceRecording",
                c => Boxed(c.Conferences.Actions.RecordPauseAsync(id)),
                c => Boxed(c.Conferences.Actions.RecordPauseAsync(id, new PauseConferenceRecordingRequest
                {
                    CommandId = CommandId,
                    RecordingId = RecordingId,
                    Region = ConferenceRegion.US,
                })),
                CommandOk),
            new("conferences.actions.record_resume", "ResumeConferenceRecording",
                c => Boxed(c.Conferences.Actions.RecordResumeAsync(id)),
                c => Boxed(c.Conferences.Actions.RecordResumeAsync(id, new ResumeConferenceRecordingRequest
                {
                    CommandId = CommandId,
                    RecordingId = RecordingId,
                    Region = ConferenceRegion.US,
                })),
                CommandOk),
            new("conferences.actions.record_start", "StartConferenceRecording",
                c => Boxed(c.Conferences.Actions.RecordStartAsync(id, new StartConferenceRecordingRequest { Format = Format.Wav })),
                c => Boxed(c.Conferences.Actions.RecordStartAsync(id, new StartConferenceRecordingRequest
                {
                    Format = Format.Mp3,
                    Channels = Channels.Dual,
                    CommandId = CommandId,
                    CustomFileName = "my_recording_file_name",
                    PlayBeep = true,
                    Region = ConferenceRegion.US,
                    Trim = "trim-silence",
                })),
                CommandOk),
            new("conferences.actions.record_stop", "StopConferenceRecording",
                c => Boxed(c.Conferences.Actions.RecordStopAsync(id)),
                c => Boxed(c.Conferences.Actions.RecordStopAsync(id, new StopRecordingConferenceRequest
                {
                    ClientState = ClientState,
                    CommandId = CommandId,
                    RecordingId = RecordingId,
                    Region = ConferenceRegion.US,
                })),
                CommandOk),
            new("conferences.actions.send_dtmf", "ConferenceSendDTMF",
                c => Boxed(c.Conferences.Actions.SendDtmfAsync(id, new ConferenceSendDTMFRequest { Digits = "1234#" })),
                c => Boxed(c.Conferences.Actions.SendDtmfAsync(id, new ConferenceSendDTMFRequest
                {
                    Digits = "1234#",
                    CallControlIds = [CallControlId],
                    ClientState = ClientState,
                    DurationMillis = 250,
                })),
                CommandOk),
            new("conferences.actions.speak", "SpeakTextToConference",
                c => Boxed(c.Conferences.Actions.SpeakAsync(id, new ConferenceSpeakRequest { Payload = "Say this to participants", Voice = "female" })),
                c => Boxed(c.Conferences.Actions.SpeakAsync(id, new ConferenceSpeakRequest
                {
                    Payload = "<speak>Say this to participants</speak>",
                    Voice = "Telnyx.KokoroTTS.af",
                    CallControlIds = [CallControlId],
                    CommandId = CommandId,
                    Language = Language.EnUS,
                    PayloadType = ConferenceSpeakRequestPayloadType.Ssml,
                    Region = ConferenceRegion.US,
                    VoiceSettings = new TelnyxVoiceSettings { Type = "telnyx", VoiceSpeed = 1.25 },
                })),
                CommandOk),
            new("conferences.actions.stop", "StopConferenceAudio",
                c => Boxed(c.Conferences.Actions.StopAsync(id)),
                c => Boxed(c.Conferences.Actions.StopAsync(id, new ConferenceStopRequest { CallControlIds = [CallControlId], Region = ConferenceRegion.Europe })),
                CommandOk),
            new("conferences.actions.unhold", "UnholdConferenceParticipants",
                c => Boxed(c.Conferences.Actions.UnholdAsync(id, new ConferenceUnholdRequest { CallControlIds = [CallControlId] })),
                c => Boxed(c.Conferences.Actions.UnholdAsync(id, new ConferenceUnholdRequest
                {
                    CallControlIds = [CallControlId, WhisperId1],
                    Region = ConferenceRegion.Australia,
                })),
                CommandOk),
            new("conferences.actions.unmute", "UnmuteConferenceParticipants",
                c => Boxed(c.Conferences.Actions.UnmuteAsync(id)),
                c => Boxed(c.Conferences.Actions.UnmuteAsync(id, new ConferenceUnmuteRequest { CallControlIds = [CallControlId], Region = ConferenceRegion.US })),
                CommandOk),
            new("conferences.actions.update", "UpdateConference",
                c => Boxed(c.Conferences.Actions.UpdateAsync(id, new UpdateConferenceRequest { CallControlId = CallControlId, SupervisorRole = SupervisorRole.Barge })),
                c => Boxed(c.Conferences.Actions.UpdateAsync(id, new UpdateConferenceRequest
                {
                    CallControlId = CallControlId,
                    SupervisorRole = SupervisorRole.Whisper,
                    CommandId = CommandId,
                    Region = ConferenceRegion.US,
                    WhisperCallControlIds = [WhisperId1, WhisperId2],
                })),
                CommandOk),

            // ---------------------------------------------------------------- queues
            new("queues.list", "ListQueues",
                c => Drain(c.Queues.ListAsync()),
                c => Drain(c.Queues.ListAsync(new ListQueuesParameters { PageSize = 20 })),
                r => IsList<Queue>(r, IsQueue)),
            new("queues.create", "CreateQueue",
                c => Boxed(c.Queues.CreateAsync(new CreateQueueRequest { QueueName = QueueName })),
                c => Boxed(c.Queues.CreateAsync(new CreateQueueRequest { QueueName = QueueName, MaxSize = 100 })),
                IsQueue),
            new("queues.retrieve", "RetrieveCallQueue",
                c => Boxed(c.Queues.RetrieveAsync(QueueName)),
                c => Boxed(c.Queues.RetrieveAsync(QueueName)),
                IsQueue),
            new("queues.update", "UpdateQueue",
                c => Boxed(c.Queues.UpdateAsync(QueueName, new UpdateQueueRequest { MaxSize = 200 })),
                c => Boxed(c.Queues.UpdateAsync(QueueName, new UpdateQueueRequest { MaxSize = 200 })),
                IsQueue),
            new("queues.delete", "DeleteQueue",
                c => NoResult(c.Queues.DeleteAsync(QueueName)),
                c => NoResult(c.Queues.DeleteAsync(QueueName)),
                Assert.Null),

            // ---------------------------------------------------------------- queues.calls
            new("queues.calls.list", "ListQueueCalls",
                c => Drain(c.Queues.Calls.ListAsync(QueueName)),
                c => Drain(c.Queues.Calls.ListAsync(QueueName, new ListQueueCallsParameters { PageSize = 10 })),
                r => IsList<QueueCall>(r, IsQueueCall)),
            new("queues.calls.retrieve", "RetrieveCallFromQueue",
                c => Boxed(c.Queues.Calls.RetrieveAsync(QueueName, CallControlId)),
                c => Boxed(c.Queues.Calls.RetrieveAsync(QueueName, CallControlId)),
                IsQueueCall),
            new("queues.calls.update", "UpdateCallInQueue",
                c => NoResult(c.Queues.Calls.UpdateAsync(QueueName, CallControlId)),
                c => NoResult(c.Queues.Calls.UpdateAsync(QueueName, CallControlId, new UpdateQueuedCallRequest { KeepAfterHangup = true })),
                Assert.Null),
            new("queues.calls.delete", "RemoveQueueCall",
                c => NoResult(c.Queues.Calls.DeleteAsync(QueueName, CallControlId)),
                c => NoResult(c.Queues.Calls.DeleteAsync(QueueName, CallControlId)),
                Assert.Null),
        ];
    }
}
