using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Telnyx.Runtime;

namespace Telnyx.Demo;

/// <summary>
/// A call-centre afternoon: callers wait in the "support" queue, the first one is taken into a conference with an
/// agent, a whispering supervisor and a silent QA monitor, and the call is muted, played to, recorded and ended.
/// </summary>
internal static class Scenario
{
    private const string QueueName = "support";

    /// <summary>Runs every step against the server behind <paramref name="client"/>.</summary>
    public static async Task RunAsync(TelnyxClient client, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;

        // --- The queue and the callers waiting in it.
        var queue = await client.Queues.CreateAsync(new CreateQueueRequest { QueueName = QueueName, MaxSize = 10 }, cancellationToken: ct);
        Timeline.Step($"create queue {queue.Name} -> id {queue.Id}, max_size {queue.MaxSize}");

        var callers = new[] { NewCallControlId(), NewCallControlId(), NewCallControlId() };
        foreach (var caller in callers)
        {
            var enqueued = await client.Calls.Actions.EnqueueAsync(caller, new EnqueueRequest { QueueName = QueueName, CommandId = Guid.NewGuid().ToString() }, cancellationToken: ct);
            Timeline.Step($"enqueue caller {caller} -> {enqueued.Result}");
        }

        var waiting = new List<QueueCall>();
        await foreach (var call in client.Queues.Calls.ListAsync(QueueName, cancellationToken: ct))
        {
            waiting.Add(call);
        }
        Timeline.Step($"list queued calls -> {waiting.Count}: " + string.Join(", ", waiting.Select(c => $"#{c.QueuePosition} {c.From}")));

        var resized = await client.Queues.UpdateAsync(QueueName, new UpdateQueueRequest { MaxSize = 25 }, cancellationToken: ct);
        Timeline.Step($"update queue max_size -> {resized.MaxSize} (current_size {resized.CurrentSize})");

        var third = await client.Queues.Calls.RetrieveAsync(QueueName, callers[2], cancellationToken: ct);
        await client.Queues.Calls.UpdateAsync(QueueName, callers[2], new UpdateQueuedCallRequest { KeepAfterHangup = true }, cancellationToken: ct);
        Timeline.Step($"retrieve + update queued call #{third.QueuePosition} -> keep_after_hangup set (204)");

        // --- The first caller becomes a conference; an agent, a supervisor and QA join.
        var conference = await client.Conferences.CreateAsync(new CreateConferenceRequest
        {
            CallControlId = callers[0],
            Name = "Business",
            BeepEnabled = BeepEnabled.OnEnter,
            StartConferenceOnCreate = true,
        }, cancellationToken: ct);
        Timeline.Step($"create conference {conference.Name} from {callers[0]} -> id {conference.Id}, status {conference.Status}");

        var agent = NewCallControlId();
        var supervisor = NewCallControlId();
        var qa = NewCallControlId();
        await client.Conferences.Actions.JoinAsync(conference.Id!, new JoinConferenceRequest { CallControlId = agent, StartConferenceOnEnter = true }, cancellationToken: ct);
        Timeline.Step($"join agent {agent}");
        await client.Conferences.Actions.JoinAsync(conference.Id!, new JoinConferenceRequest
        {
            CallControlId = supervisor,
            SupervisorRole = SupervisorRole.Whisper,
            WhisperCallControlIds = new[] { agent },
        }, cancellationToken: ct);
        Timeline.Step($"join supervisor {supervisor} (whisper to agent)");
        await client.Conferences.Actions.JoinAsync(conference.Id!, new JoinConferenceRequest { CallControlId = qa, SupervisorRole = SupervisorRole.Monitor, Mute = true }, cancellationToken: ct);
        Timeline.Step($"join QA {qa} (monitor, muted)");

        await client.Calls.Actions.LeaveQueueAsync(callers[1], new LeaveQueueRequest { CommandId = Guid.NewGuid().ToString() }, cancellationToken: ct);
        await client.Conferences.Actions.JoinAsync(conference.Id!, new JoinConferenceRequest { CallControlId = callers[1], Hold = true }, cancellationToken: ct);
        Timeline.Step($"caller {callers[1]} leaves the queue and joins on hold");
        await client.Queues.Calls.DeleteAsync(QueueName, callers[2], cancellationToken: ct);
        Timeline.Step($"remove caller {callers[2]} from the queue (hung up)");

        // --- In-call controls.
        await client.Conferences.Actions.MuteAsync(conference.Id!, new ConferenceMuteRequest { CallControlIds = new[] { callers[0] } }, cancellationToken: ct);
        var muted = await client.Conferences.Participants.RetrieveAsync(conference.Id!, callers[0], cancellationToken: ct);
        Timeline.Step($"mute caller -> muted={muted.Muted}");
        await client.Conferences.Actions.UnmuteAsync(conference.Id!, new ConferenceUnmuteRequest { CallControlIds = new[] { callers[0] } }, cancellationToken: ct);
        muted = await client.Conferences.Participants.RetrieveAsync(conference.Id!, callers[0], cancellationToken: ct);
        Timeline.Step($"unmute caller -> muted={muted.Muted}");
        await client.Conferences.Actions.UnholdAsync(conference.Id!, new ConferenceUnholdRequest { CallControlIds = new[] { callers[1] } }, cancellationToken: ct);
        Timeline.Step("unhold second caller");

        await client.Conferences.Actions.PlayAsync(conference.Id!, new ConferencePlayRequest { AudioUrl = "https://example.com/audio/welcome.mp3", Loop = 3 }, cancellationToken: ct);
        Timeline.Step("play welcome.mp3, loop 3");
        await client.Conferences.Actions.StopAsync(conference.Id!, cancellationToken: ct);
        Timeline.Step("stop audio");

        var speak = new ConferenceSpeakRequest
        {
            Payload = "This call is recorded for quality and training purposes.",
            Voice = "female",
            Language = "en-US",
            CommandId = Guid.NewGuid().ToString(),
        };
        await client.Conferences.Actions.SpeakAsync(conference.Id!, speak, cancellationToken: ct);
        Timeline.Step("speak recording notice");
        var again = await client.Conferences.Actions.SpeakAsync(conference.Id!, speak, cancellationToken: ct);
        Timeline.Step($"speak again with the same command_id -> {again.Result} (deduplicated, nothing spoken twice)");

        await client.Conferences.Actions.RecordStartAsync(conference.Id!, new StartConferenceRecordingRequest { Format = Format.Mp3, Channels = Channels.Single, PlayBeep = true }, cancellationToken: ct);
        Timeline.Step("record start (mp3)");
        await client.Conferences.Actions.SendDtmfAsync(conference.Id!, new ConferenceSendDtmfRequest { Digits = "1234#", CallControlIds = new[] { agent } }, cancellationToken: ct);
        Timeline.Step("send DTMF 1234# to the agent");
        await client.Conferences.Actions.RecordStopAsync(conference.Id!, cancellationToken: ct);
        Timeline.Step("record stop");

        // --- Who is on the call: two participants per page, so the pager fetches three pages.
        var seen = 0;
        await foreach (var p in client.Conferences.Participants.ListAsync(conference.Id!, new ListConferenceParticipantsParameters { PageSize = 2 }, cancellationToken: ct))
        {
            seen++;
            Timeline.Detail($"participant {seen}: {p.CallControlId} {p.Status} muted={p.Muted} on_hold={p.OnHold}" +
                (p.WhisperCallControlIds is { Count: > 0 } w ? $" whispers to {w[0]}" : string.Empty));
        }
        Timeline.Step($"list participants (page[size]=2) -> {seen}");

        var updated = await client.Conferences.Participants.UpdateAsync(conference.Id!, agent, new UpdateConferenceParticipantRequest { EndConferenceOnExit = true, BeepEnabled = BeepEnabled.Never }, cancellationToken: ct);
        Timeline.Step($"update agent -> end_conference_on_exit={updated.EndConferenceOnExit}");

        await client.Conferences.Actions.LeaveAsync(conference.Id!, new LeaveConferenceRequest { CallControlId = supervisor }, cancellationToken: ct);
        Timeline.Step("supervisor leaves");

        var ended = await client.Conferences.Actions.EndAsync(conference.Id!, new EndConferenceRequest { CommandId = Guid.NewGuid().ToString() }, cancellationToken: ct);
        var final = await client.Conferences.RetrieveAsync(conference.Id!, cancellationToken: ct);
        Timeline.Step($"end conference -> {ended.Result}; status {final.Status}, end_reason {final.EndReason}");

        await client.Queues.DeleteAsync(QueueName, cancellationToken: ct);
        Timeline.Step($"delete queue {QueueName} -> 204");
        try
        {
            await client.Queues.RetrieveAsync(QueueName, cancellationToken: ct);
            throw new InvalidOperationException("The deleted queue can still be retrieved.");
        }
        catch (TelnyxNotFoundException e)
        {
            Timeline.Step($"retrieve deleted queue -> {e.StatusCode} {nameof(TelnyxNotFoundException)}: {e.Errors.FirstOrDefault()?.Detail}");
        }
    }

    /// <summary>Live mode: the steps that need no live calls (everything else requires real call_control_ids).</summary>
    public static async Task RunLiveAsync(TelnyxClient client, CancellationToken ct)
    {
        var name = "telnyx-demo-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant();
        var queue = await client.Queues.CreateAsync(new CreateQueueRequest { QueueName = name, MaxSize = 10 }, cancellationToken: ct);
        Timeline.Step($"create queue {queue.Name} -> id {queue.Id}");
        try
        {
            var fetched = await client.Queues.RetrieveAsync(name, cancellationToken: ct);
            Timeline.Step($"retrieve queue -> current_size {fetched.CurrentSize}, max_size {fetched.MaxSize}");
            var count = 0;
            await foreach (var conference in client.Conferences.ListAsync(new ListConferencesParameters { PageSize = 20 }, cancellationToken: ct))
            {
                if (++count > 20)
                {
                    break;
                }
                Timeline.Detail($"conference {conference.Name} {conference.Status} ({conference.Id})");
            }
            Timeline.Step($"list conferences -> {Math.Min(count, 20)} shown");
        }
        finally
        {
            await client.Queues.DeleteAsync(name, cancellationToken: CancellationToken.None);
            Timeline.Step($"delete queue {name}");
        }
        Timeline.Step("call, conference and participant steps need live call_control_ids; run without --live to see them against the embedded server");
    }

    /// <summary>Checks that a wrong API key is refused with a typed error.</summary>
    public static async Task CheckBadKeyAsync(Uri baseUrl, CancellationToken ct)
    {
        using var intruder = new TelnyxClient(new TelnyxClientOptions { ApiKey = "KEY-WRONG", BaseUrl = baseUrl, Retry = { MaxRetries = 0 } });
        try
        {
            await intruder.Queues.RetrieveAsync(QueueName, cancellationToken: ct);
            throw new InvalidOperationException("A wrong API key was accepted.");
        }
        catch (TelnyxAuthenticationException e)
        {
            Timeline.Step($"wrong API key -> {e.StatusCode} {nameof(TelnyxAuthenticationException)}: {e.Errors.FirstOrDefault()?.Title}");
        }
    }

    /// <summary>A call control id shaped like Telnyx's: <c>v3:</c> and 22 URL-safe characters.</summary>
    private static string NewCallControlId()
        => "v3:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
