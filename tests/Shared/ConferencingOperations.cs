using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace Telnyx.Tests.Shared;

/// <summary>
/// One operation of the bundled spec, as the SDK suite (against the fake server) and the contract suite (against Prism
/// validating with the OFFICIAL document) both call it through the generated client.
/// </summary>
/// <param name="Name">Resource path and method, e.g. <c>conferences.actions.play</c>.</param>
/// <param name="OperationId">The operationId in both documents.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Target">The raw request target of <paramref name="Full"/> (path with <c>/v2</c> and query).</param>
/// <param name="Minimal">Calls the operation with required inputs only (optional request objects omitted).</param>
/// <param name="Full">
/// Calls the operation with every input set to a realistic value that honours the official document (formats,
/// enums, bounds). Where the SDK generates a command_id, the call leaves it to the SDK, so one is still sent.
/// </param>
/// <param name="Body">The JSON body <paramref name="Full"/> sends (without a generated command_id), or null for no body.</param>
/// <param name="GeneratedCommandId">Whether the SDK adds a GUID command_id to <paramref name="Full"/>'s body.</param>
/// <param name="Check">
/// Asserts what any answer the official document allows must give (lists are drained to a List&lt;T&gt;; no-content:
/// null). The SDK suite checks its canned answers value by value instead.
/// </param>
public sealed record ConferencingOperation(
    string Name,
    string OperationId,
    string Method,
    string Target,
    Func<TelnyxClient, Task<object?>> Minimal,
    Func<TelnyxClient, Task<object?>> Full,
    string? Body,
    bool GeneratedCommandId,
    Action<object?> Check);

/// <summary>All 34 operations of specs/telnyx-voice-conferencing.json. Compiled into both test projects.</summary>
public static class ConferencingOperations
{
    // The official document declares format: uuid for the conference id of end, gather_using_audio, send_dtmf and the
    // participant operations, and for recording_id, filter[leg_id] and filter[application_session_id].
    public const string ConferenceId = "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e";
    public const string ParticipantId = "dfadada7-af74-47bc-83a4-554275f55f5c";
    public const string CallControlId = "v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg";

    /// <summary><see cref="CallControlId"/> as a path segment: the colon is percent-escaped.</summary>
    public const string CallControlIdEscaped = "v3%3AMdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg";

    public const string WhisperId1 = "v2:Sg1xxxQ_U3ixxxyXT_VDNI3xxxazZdg6Vxxxs4-GNYxxxVaJPOhFMRQ";
    public const string WhisperId2 = "v2:qqpb0mmvd-ovhhBr0BUQQn0fld5jIboaaX3-De0DkqXHzbf8d75xkw";
    public const string CommandId = "891510ac-f3e4-11e8-af5b-de00688a4901";
    public const string RecordingId = "6e00ab49-9487-4364-8ad6-23965965afb2";
    public const string ClientState = "aGF2ZSBhIG5pY2UgZGF5ID1d";
    public const string AudioUrl = "http://example.com/message.wav";
    public const string MediaName = "my_media_uploaded_to_media_storage_api";
    public const string QueueName = "tier_1_support";

    public static IReadOnlyList<ConferencingOperation> All { get; } = Build();

    private static readonly Dictionary<string, ConferencingOperation> s_byName = All.ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static ConferencingOperation Get(string name) => s_byName[name];

    /// <summary>Theory data: the names of the operations starting with <paramref name="prefix"/> but none of <paramref name="excluded"/>.</summary>
    public static TheoryData<string> Names(string prefix = "", params string[] excluded)
    {
        var data = new TheoryData<string>();
        foreach (var c in All.Where(c => c.Name.StartsWith(prefix, StringComparison.Ordinal)
            && !excluded.Any(x => c.Name.StartsWith(x, StringComparison.Ordinal))))
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

    private static List<ConferencingOperation> Build()
    {
        const string id = ConferenceId;
        const string conf = "/v2/conferences/" + ConferenceId;
        const string queue = "/v2/queues/" + QueueName;
        return
        [
            // ---------------------------------------------------------------- calls.actions
            new("calls.actions.enqueue", "EnqueueCall", "POST",
                "/v2/calls/" + CallControlIdEscaped + "/actions/enqueue",
                c => Boxed(c.Calls.Actions.EnqueueAsync(CallControlId, new EnqueueRequest { QueueName = QueueName })),
                c => Boxed(c.Calls.Actions.EnqueueAsync(CallControlId, new EnqueueRequest
                {
                    QueueName = QueueName,
                    ClientState = ClientState,
                    KeepAfterHangup = true,
                    MaxSize = 200,
                    MaxWaitTimeSecs = 600,
                })),
                $$"""{"queue_name":"{{QueueName}}","client_state":"{{ClientState}}","keep_after_hangup":true,"max_size":200,"max_wait_time_secs":600}""",
                true, CallCommandOk),
            new("calls.actions.leave_queue", "LeaveQueue", "POST",
                "/v2/calls/" + CallControlIdEscaped + "/actions/leave_queue",
                c => Boxed(c.Calls.Actions.LeaveQueueAsync(CallControlId)),
                c => Boxed(c.Calls.Actions.LeaveQueueAsync(CallControlId, new LeaveQueueRequest { ClientState = ClientState })),
                $$"""{"client_state":"{{ClientState}}"}""",
                true, CallCommandOk),

            // ---------------------------------------------------------------- conferences
            new("conferences.list", "ListConferences", "GET",
                "/v2/conferences?region=Middle%20East&filter[application_name][contains]=call-center"
                    + "&filter[application_session_id]=3fa85f64-5717-4562-b3fc-2c963f66afa6&filter[connection_id]=1684641123236054244"
                    + "&filter[failed]=false&filter[from]=%2B12025550142&filter[leg_id]=428c31b6-7af4-4bcb-b7f5-5013ef9657c1&filter[name]=Business"
                    + "&filter[occurred_at][eq]=2019-03-29T11%3A10%3A00Z&filter[occurred_at][gt]=2019-03-29T11%3A00%3A00Z"
                    + "&filter[occurred_at][gte]=2019-03-29T11%3A00%3A00Z&filter[occurred_at][lt]=2019-03-29T12%3A00%3A00Z"
                    + "&filter[occurred_at][lte]=2019-03-29T12%3A00%3A00Z&filter[outbound.outbound_voice_profile_id]=1293384261075731499"
                    + "&filter[product]=texml&filter[status]=in_progress&filter[to]=%2B12025550143&filter[type]=webhook"
                    + "&page[number]=1&page[size]=50",
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
                null, false, r => IsList<Conference>(r, IsConference)),
            new("conferences.create", "CreateConference", "POST",
                "/v2/conferences",
                c => Boxed(c.Conferences.CreateAsync(new CreateConferenceRequest { CallControlId = CallControlId, Name = "Business" })),
                c => Boxed(c.Conferences.CreateAsync(new CreateConferenceRequest
                {
                    CallControlId = CallControlId,
                    Name = "Business",
                    BeepEnabled = BeepEnabled.OnExit,
                    ClientState = ClientState,
                    ComfortNoise = false,
                    DurationMinutes = 5,
                    HoldAudioUrl = AudioUrl,
                    HoldMediaName = MediaName,
                    MaxParticipants = 3,
                    Region = ConferenceRegion.US,
                    StartConferenceOnCreate = false,
                })),
                $$"""
                {"call_control_id":"{{CallControlId}}","name":"Business","beep_enabled":"on_exit","client_state":"{{ClientState}}",
                 "comfort_noise":false,"duration_minutes":5,"hold_audio_url":"{{AudioUrl}}","hold_media_name":"{{MediaName}}",
                 "max_participants":3,"region":"US","start_conference_on_create":false}
                """,
                true, IsConference),
            new("conferences.retrieve", "RetrieveConference", "GET",
                conf + "?region=Middle%20East",
                c => Boxed(c.Conferences.RetrieveAsync(id)),
                c => Boxed(c.Conferences.RetrieveAsync(id, new RetrieveConferenceParameters { Region = RetrieveConferenceRegion.MiddleEast })),
                null, false, IsConference),

            // ---------------------------------------------------------------- conferences.participants
            new("conferences.participants.list", "ListConferenceParticipants", "GET",
                conf + "/participants?region=Europe&filter[muted]=false&filter[on_hold]=true&filter[whispering]=false&page[number]=1&page[size]=20",
                c => Drain(c.Conferences.Participants.ListAsync(id)),
                c => Drain(c.Conferences.Participants.ListAsync(id, new ListConferenceParticipantsParameters
                {
                    Region = ListConferenceParticipantsRegion.Europe,
                    PageSize = 20,
                    Filter = new ListConferenceParticipantsFilter { Muted = false, OnHold = true, Whispering = false },
                })),
                null, false, r => IsList<Participant>(r, IsParticipant)),
            new("conferences.participants.retrieve", "RetrieveConferenceParticipant", "GET",
                conf + "/participants/" + ParticipantId,
                c => Boxed(c.Conferences.Participants.RetrieveAsync(id, ParticipantId)),
                c => Boxed(c.Conferences.Participants.RetrieveAsync(id, ParticipantId)),
                null, false, IsConferenceParticipant),
            new("conferences.participants.update", "UpdateConferenceParticipant", "PATCH",
                conf + "/participants/" + ParticipantId,
                c => Boxed(c.Conferences.Participants.UpdateAsync(id, ParticipantId)),
                c => Boxed(c.Conferences.Participants.UpdateAsync(id, ParticipantId, new UpdateConferenceParticipantRequest
                {
                    BeepEnabled = BeepEnabled.Always,
                    EndConferenceOnExit = false,
                    SoftEndConferenceOnExit = true,
                })),
                """{"beep_enabled":"always","end_conference_on_exit":false,"soft_end_conference_on_exit":true}""",
                false, IsConferenceParticipant),

            // ---------------------------------------------------------------- conferences.actions
            new("conferences.actions.end", "EndConference", "POST",
                conf + "/actions/end",
                c => Boxed(c.Conferences.Actions.EndAsync(id)),
                c => Boxed(c.Conferences.Actions.EndAsync(id, new EndConferenceRequest())),
                "{}", true, CommandOk),
            new("conferences.actions.gather_using_audio", "ConferenceGatherUsingAudio", "POST",
                conf + "/actions/gather_using_audio",
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
                $$"""
                {"call_control_id":"{{CallControlId}}","audio_url":"http://example.com/gather_prompt.wav","client_state":"{{ClientState}}",
                 "gather_id":"gather-1","initial_timeout_millis":10000,"inter_digit_timeout_millis":3000,
                 "invalid_audio_url":"http://example.com/invalid.wav","invalid_media_name":"invalid_prompt","maximum_digits":10,
                 "maximum_tries":3,"media_name":"{{MediaName}}","minimum_digits":1,"stop_playback_on_dtmf":true,"terminating_digit":"#",
                 "timeout_millis":30000,"valid_digits":"0123456789"}
                """,
                false, CommandOk),
            new("conferences.actions.hold", "HoldConferenceParticipants", "POST",
                conf + "/actions/hold",
                c => Boxed(c.Conferences.Actions.HoldAsync(id)),
                c => Boxed(c.Conferences.Actions.HoldAsync(id, new ConferenceHoldRequest
                {
                    AudioUrl = AudioUrl,
                    CallControlIds = [CallControlId],
                    MediaName = MediaName,
                    Region = ConferenceRegion.Australia,
                })),
                $$"""{"audio_url":"{{AudioUrl}}","call_control_ids":["{{CallControlId}}"],"media_name":"{{MediaName}}","region":"Australia"}""",
                false, CommandOk),
            // The caller's command_id is sent as it is.
            new("conferences.actions.join", "JoinConference", "POST",
                conf + "/actions/join",
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
                $$"""
                {"call_control_id":"{{CallControlId}}","beep_enabled":"on_enter","client_state":"{{ClientState}}","command_id":"{{CommandId}}",
                 "end_conference_on_exit":true,"hold":false,"hold_audio_url":"{{AudioUrl}}","hold_media_name":"{{MediaName}}","mute":true,
                 "region":"US","soft_end_conference_on_exit":false,"start_conference_on_enter":true,"supervisor_role":"whisper",
                 "whisper_call_control_ids":["{{WhisperId1}}","{{WhisperId2}}"]}
                """,
                false, CommandOk),
            new("conferences.actions.leave", "LeaveConference", "POST",
                conf + "/actions/leave",
                c => Boxed(c.Conferences.Actions.LeaveAsync(id, new LeaveConferenceRequest { CallControlId = CallControlId })),
                c => Boxed(c.Conferences.Actions.LeaveAsync(id, new LeaveConferenceRequest
                {
                    CallControlId = CallControlId,
                    BeepEnabled = BeepEnabled.Never,
                    Region = ConferenceRegion.Europe,
                })),
                $$"""{"call_control_id":"{{CallControlId}}","beep_enabled":"never","region":"Europe"}""",
                true, CommandOk),
            new("conferences.actions.mute", "MuteConferenceParticipants", "POST",
                conf + "/actions/mute",
                c => Boxed(c.Conferences.Actions.MuteAsync(id)),
                c => Boxed(c.Conferences.Actions.MuteAsync(id, new ConferenceMuteRequest { CallControlIds = [CallControlId], Region = ConferenceRegion.US })),
                $$"""{"call_control_ids":["{{CallControlId}}"],"region":"US"}""",
                false, CommandOk),
            new("conferences.actions.play", "PlayConferenceAudio", "POST",
                conf + "/actions/play",
                c => Boxed(c.Conferences.Actions.PlayAsync(id)),
                c => Boxed(c.Conferences.Actions.PlayAsync(id, new ConferencePlayRequest
                {
                    AudioUrl = AudioUrl,
                    CallControlIds = [CallControlId],
                    Loop = 3,
                    MediaName = MediaName,
                    Region = ConferenceRegion.US,
                })),
                $$"""{"audio_url":"{{AudioUrl}}","call_control_ids":["{{CallControlId}}"],"loop":3,"media_name":"{{MediaName}}","region":"US"}""",
                false, CommandOk),
            new("conferences.actions.record_pause", "PauseConferenceRecording", "POST",
                conf + "/actions/record_pause",
                c => Boxed(c.Conferences.Actions.RecordPauseAsync(id)),
                c => Boxed(c.Conferences.Actions.RecordPauseAsync(id, new PauseConferenceRecordingRequest
                {
                    RecordingId = RecordingId,
                    Region = ConferenceRegion.US,
                })),
                $$"""{"recording_id":"{{RecordingId}}","region":"US"}""",
                true, CommandOk),
            new("conferences.actions.record_resume", "ResumeConferenceRecording", "POST",
                conf + "/actions/record_resume",
                c => Boxed(c.Conferences.Actions.RecordResumeAsync(id)),
                c => Boxed(c.Conferences.Actions.RecordResumeAsync(id, new ResumeConferenceRecordingRequest
                {
                    RecordingId = RecordingId,
                    Region = ConferenceRegion.US,
                })),
                $$"""{"recording_id":"{{RecordingId}}","region":"US"}""",
                true, CommandOk),
            new("conferences.actions.record_start", "StartConferenceRecording", "POST",
                conf + "/actions/record_start",
                c => Boxed(c.Conferences.Actions.RecordStartAsync(id, new StartConferenceRecordingRequest { Format = Format.Wav })),
                c => Boxed(c.Conferences.Actions.RecordStartAsync(id, new StartConferenceRecordingRequest
                {
                    Format = Format.Mp3,
                    Channels = Channels.Dual,
                    CustomFileName = "my_recording_file_name",
                    PlayBeep = true,
                    Region = ConferenceRegion.US,
                    Trim = "trim-silence",
                })),
                """{"format":"mp3","channels":"dual","custom_file_name":"my_recording_file_name","play_beep":true,"region":"US","trim":"trim-silence"}""",
                true, CommandOk),
            new("conferences.actions.record_stop", "StopConferenceRecording", "POST",
                conf + "/actions/record_stop",
                c => Boxed(c.Conferences.Actions.RecordStopAsync(id)),
                c => Boxed(c.Conferences.Actions.RecordStopAsync(id, new StopRecordingConferenceRequest
                {
                    ClientState = ClientState,
                    RecordingId = RecordingId,
                    Region = ConferenceRegion.US,
                })),
                $$"""{"client_state":"{{ClientState}}","recording_id":"{{RecordingId}}","region":"US"}""",
                true, CommandOk),
            new("conferences.actions.send_dtmf", "ConferenceSendDTMF", "POST",
                conf + "/actions/send_dtmf",
                c => Boxed(c.Conferences.Actions.SendDtmfAsync(id, new ConferenceSendDtmfRequest { Digits = "1234#" })),
                c => Boxed(c.Conferences.Actions.SendDtmfAsync(id, new ConferenceSendDtmfRequest
                {
                    Digits = "1234#",
                    CallControlIds = [CallControlId],
                    ClientState = ClientState,
                    DurationMillis = 250,
                })),
                $$"""{"digits":"1234#","call_control_ids":["{{CallControlId}}"],"client_state":"{{ClientState}}","duration_millis":250}""",
                false, CommandOk),
            new("conferences.actions.speak", "SpeakTextToConference", "POST",
                conf + "/actions/speak",
                c => Boxed(c.Conferences.Actions.SpeakAsync(id, new ConferenceSpeakRequest { Payload = "Say this to participants", Voice = "female" })),
                c => Boxed(c.Conferences.Actions.SpeakAsync(id, new ConferenceSpeakRequest
                {
                    Payload = "<speak>Say this to participants</speak>",
                    Voice = "Telnyx.KokoroTTS.af",
                    CallControlIds = [CallControlId],
                    Language = Language.EnUS,
                    PayloadType = ConferenceSpeakRequestPayloadType.Ssml,
                    Region = ConferenceRegion.US,
                    VoiceSettings = new TelnyxVoiceSettings { Type = "telnyx", VoiceSpeed = 1.25 },
                })),
                $$$"""
                {"payload":"<speak>Say this to participants</speak>","voice":"Telnyx.KokoroTTS.af","call_control_ids":["{{{CallControlId}}}"],
                 "language":"en-US","payload_type":"ssml","region":"US","voice_settings":{"type":"telnyx","voice_speed":1.25}}
                """,
                true, CommandOk),
            new("conferences.actions.stop", "StopConferenceAudio", "POST",
                conf + "/actions/stop",
                c => Boxed(c.Conferences.Actions.StopAsync(id)),
                c => Boxed(c.Conferences.Actions.StopAsync(id, new ConferenceStopRequest { CallControlIds = [CallControlId], Region = ConferenceRegion.Europe })),
                $$"""{"call_control_ids":["{{CallControlId}}"],"region":"Europe"}""",
                false, CommandOk),
            new("conferences.actions.unhold", "UnholdConferenceParticipants", "POST",
                conf + "/actions/unhold",
                c => Boxed(c.Conferences.Actions.UnholdAsync(id, new ConferenceUnholdRequest { CallControlIds = [CallControlId] })),
                c => Boxed(c.Conferences.Actions.UnholdAsync(id, new ConferenceUnholdRequest
                {
                    CallControlIds = [CallControlId, WhisperId1],
                    Region = ConferenceRegion.Australia,
                })),
                $$"""{"call_control_ids":["{{CallControlId}}","{{WhisperId1}}"],"region":"Australia"}""",
                false, CommandOk),
            new("conferences.actions.unmute", "UnmuteConferenceParticipants", "POST",
                conf + "/actions/unmute",
                c => Boxed(c.Conferences.Actions.UnmuteAsync(id)),
                c => Boxed(c.Conferences.Actions.UnmuteAsync(id, new ConferenceUnmuteRequest { CallControlIds = [CallControlId], Region = ConferenceRegion.US })),
                $$"""{"call_control_ids":["{{CallControlId}}"],"region":"US"}""",
                false, CommandOk),
            new("conferences.actions.update", "UpdateConference", "POST",
                conf + "/actions/update",
                c => Boxed(c.Conferences.Actions.UpdateAsync(id, new UpdateConferenceRequest { CallControlId = CallControlId, SupervisorRole = SupervisorRole.Barge })),
                c => Boxed(c.Conferences.Actions.UpdateAsync(id, new UpdateConferenceRequest
                {
                    CallControlId = CallControlId,
                    SupervisorRole = SupervisorRole.Whisper,
                    Region = ConferenceRegion.US,
                    WhisperCallControlIds = [WhisperId1, WhisperId2],
                })),
                $$"""{"call_control_id":"{{CallControlId}}","supervisor_role":"whisper","region":"US","whisper_call_control_ids":["{{WhisperId1}}","{{WhisperId2}}"]}""",
                true, CommandOk),

            // ---------------------------------------------------------------- queues
            new("queues.list", "ListQueues", "GET",
                "/v2/queues?page[number]=1&page[size]=20",
                c => Drain(c.Queues.ListAsync()),
                c => Drain(c.Queues.ListAsync(new ListQueuesParameters { PageSize = 20 })),
                null, false, r => IsList<Queue>(r, IsQueue)),
            new("queues.create", "CreateQueue", "POST",
                "/v2/queues",
                c => Boxed(c.Queues.CreateAsync(new CreateQueueRequest { QueueName = QueueName })),
                c => Boxed(c.Queues.CreateAsync(new CreateQueueRequest { QueueName = QueueName, MaxSize = 100 })),
                $$"""{"queue_name":"{{QueueName}}","max_size":100}""",
                false, IsQueue),
            new("queues.retrieve", "RetrieveCallQueue", "GET",
                queue,
                c => Boxed(c.Queues.RetrieveAsync(QueueName)),
                c => Boxed(c.Queues.RetrieveAsync(QueueName)),
                null, false, IsQueue),
            new("queues.update", "UpdateQueue", "POST",
                queue,
                c => Boxed(c.Queues.UpdateAsync(QueueName, new UpdateQueueRequest { MaxSize = 200 })),
                c => Boxed(c.Queues.UpdateAsync(QueueName, new UpdateQueueRequest { MaxSize = 200 })),
                """{"max_size":200}""",
                false, IsQueue),
            new("queues.delete", "DeleteQueue", "DELETE",
                queue,
                c => NoResult(c.Queues.DeleteAsync(QueueName)),
                c => NoResult(c.Queues.DeleteAsync(QueueName)),
                null, false, Assert.Null),

            // ---------------------------------------------------------------- queues.calls
            new("queues.calls.list", "ListQueueCalls", "GET",
                queue + "/calls?page[number]=1&page[size]=10",
                c => Drain(c.Queues.Calls.ListAsync(QueueName)),
                c => Drain(c.Queues.Calls.ListAsync(QueueName, new ListQueueCallsParameters { PageSize = 10 })),
                null, false, r => IsList<QueueCall>(r, IsQueueCall)),
            new("queues.calls.retrieve", "RetrieveCallFromQueue", "GET",
                queue + "/calls/" + CallControlIdEscaped,
                c => Boxed(c.Queues.Calls.RetrieveAsync(QueueName, CallControlId)),
                c => Boxed(c.Queues.Calls.RetrieveAsync(QueueName, CallControlId)),
                null, false, IsQueueCall),
            new("queues.calls.update", "UpdateCallInQueue", "PATCH",
                queue + "/calls/" + CallControlIdEscaped,
                c => NoResult(c.Queues.Calls.UpdateAsync(QueueName, CallControlId)),
                c => NoResult(c.Queues.Calls.UpdateAsync(QueueName, CallControlId, new UpdateQueuedCallRequest { KeepAfterHangup = true })),
                """{"keep_after_hangup":true}""",
                false, Assert.Null),
            new("queues.calls.delete", "RemoveQueueCall", "DELETE",
                queue + "/calls/" + CallControlIdEscaped,
                c => NoResult(c.Queues.Calls.DeleteAsync(QueueName, CallControlId)),
                c => NoResult(c.Queues.Calls.DeleteAsync(QueueName, CallControlId)),
                null, false, Assert.Null),
        ];
    }
}
