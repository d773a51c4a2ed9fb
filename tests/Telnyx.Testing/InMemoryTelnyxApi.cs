using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Telnyx.Testing;

/// <summary>
/// A small, in-memory, Telnyx-compatible Voice Conferencing API (the routes of <c>FakeTelnyxServer.StartAsync</c>).
/// Requires <c>Authorization: Bearer &lt;key&gt;</c>, answers like the OpenAPI document, replays a repeated
/// <c>command_id</c> without executing it again, and POSTs Ed25519-signed webhooks for state changes, one at a time,
/// in the order they happened. Its JSON is written here, not by the SDK's serializers.
/// </summary>
public sealed class InMemoryTelnyxApi : IAsyncDisposable
{
    internal const string BodyKey = "telnyx.fake.body";

    private readonly string _apiKey;
    private readonly Uri? _webhookUrl;
    private readonly WebhookSigner? _signer;
    private readonly object _gate = new();
    private readonly Dictionary<string, QueueState> _queues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConferenceState> _conferences = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Reply> _commands = new(StringComparer.Ordinal);
    private readonly Channel<(string Type, JsonObject Payload)> _outbox = Channel.CreateUnbounded<(string, JsonObject)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HttpClient _webhookHttp = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Task _deliveryLoop;
    private int _pendingWebhooks;
    private int _requests;
    private int _duplicateCommands;
    private int _webhooksDelivered;
    private int _webhooksFailed;

    internal InMemoryTelnyxApi(string apiKey, Uri? webhookUrl, WebhookSigner? signer)
    {
        _apiKey = apiKey;
        _webhookUrl = webhookUrl;
        _signer = signer;
        _deliveryLoop = Task.Run(DeliverWebhooksAsync);
    }

    /// <summary>Requests that reached the API (the script's answers not counted).</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Requests whose <c>command_id</c> was seen before on the same path: answered with the stored reply.</summary>
    public int DuplicateCommands => Volatile.Read(ref _duplicateCommands);

    public int WebhooksDelivered => Volatile.Read(ref _webhooksDelivered);

    public int WebhooksFailed => Volatile.Read(ref _webhooksFailed);

    /// <summary>Waits until every emitted webhook has been delivered (or failed), at most <paramref name="timeout"/>.</summary>
    public async Task<bool> FlushWebhooksAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Volatile.Read(ref _pendingWebhooks) > 0)
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }
            await Task.Delay(10).ConfigureAwait(false);
        }
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        _outbox.Writer.TryComplete();
        await _deliveryLoop.ConfigureAwait(false);
        _webhookHttp.Dispose();
    }

    // ---------------------------------------------------------------- routes

    internal void Map(WebApplication app)
    {
        app.Use(async (HttpContext ctx, RequestDelegate next) =>
        {
            Interlocked.Increment(ref _requests);
            var auth = ctx.Request.Headers.Authorization.ToString();
            if (auth != "Bearer " + _apiKey)
            {
                await WriteAsync(ctx, Error(401, "10009", "Authentication failed", "The required authentication headers were either invalid or not included in the request.")).ConfigureAwait(false);
                return;
            }
            await next(ctx).ConfigureAwait(false);
        });

        var v2 = app.MapGroup("/v2");
        v2.MapPost("/queues", Handle(CreateQueue));
        v2.MapGet("/queues", Handle(ListQueues));
        v2.MapGet("/queues/{queue}", Handle(RetrieveQueue));
        v2.MapPost("/queues/{queue}", Handle(UpdateQueue));
        v2.MapDelete("/queues/{queue}", Handle(DeleteQueue));
        v2.MapGet("/queues/{queue}/calls", Handle(ListQueueCalls));
        v2.MapGet("/queues/{queue}/calls/{call}", Handle(RetrieveQueueCall));
        v2.MapMethods("/queues/{queue}/calls/{call}", new[] { "PATCH" }, Handle(UpdateQueueCall));
        v2.MapDelete("/queues/{queue}/calls/{call}", Handle(RemoveQueueCall));
        v2.MapPost("/calls/{call}/actions/enqueue", Handle(Enqueue));
        v2.MapPost("/calls/{call}/actions/leave_queue", Handle(LeaveQueue));
        v2.MapPost("/conferences", Handle(CreateConference));
        v2.MapGet("/conferences", Handle(ListConferences));
        v2.MapGet("/conferences/{id}", Handle(RetrieveConference));
        v2.MapPost("/conferences/{id}/actions/{action}", Handle(ConferenceAction));
        v2.MapGet("/conferences/{id}/participants", Handle(ListParticipants));
        v2.MapGet("/conferences/{id}/participants/{participant}", Handle(RetrieveParticipant));
        v2.MapMethods("/conferences/{id}/participants/{participant}", new[] { "PATCH" }, Handle(UpdateParticipant));
        app.MapFallback(Handle((ctx, _) => Error(404, "10005", "Resource not found", $"No route for {ctx.Request.Method} {ctx.Request.Path}.")));
    }

    private delegate Reply Handler(HttpContext ctx, JsonElement body);

    /// <summary>A handler's answer: the status and the JSON body (null for 204).</summary>
    private sealed record Reply(int Status, byte[]? Body);

    /// <summary>
    /// Reads the JSON body, runs the handler under the state lock, and replays the stored reply when the body
    /// carries a <c>command_id</c> already seen on the same path.
    /// </summary>
    private RequestDelegate Handle(Handler handler) => async ctx =>
    {
        JsonElement body = default;
        if (ctx.Items[BodyKey] is byte[] { Length: > 0 } bytes)
        {
            try
            {
                using var doc = JsonDocument.Parse(bytes);
                body = doc.RootElement.Clone();
            }
            catch (JsonException)
            {
                body = default;
            }
        }

        Reply reply;
        lock (_gate)
        {
            var commandKey = Str(body, "command_id") is { } commandId ? ctx.Request.Path + "#" + commandId : null;
            if (commandKey is not null && _commands.TryGetValue(commandKey, out var previous))
            {
                Interlocked.Increment(ref _duplicateCommands);
                reply = previous;
            }
            else
            {
                reply = handler(ctx, body);
                if (commandKey is not null && reply.Status < 300)
                {
                    _commands[commandKey] = reply;
                }
            }
        }
        await WriteAsync(ctx, reply).ConfigureAwait(false);
    };

    // ---------------------------------------------------------------- queues and queued calls

    private Reply CreateQueue(HttpContext ctx, JsonElement body)
    {
        if (Str(body, "queue_name") is not { Length: > 0 } name)
        {
            return Error(422, "10015", "Invalid parameter", "queue_name is required.", "/queue_name");
        }
        if (_queues.ContainsKey(name))
        {
            return Error(422, "10015", "Queue already exists", $"A queue named '{name}' already exists.", "/queue_name");
        }
        var queue = new QueueState(name, Long(body, "max_size") ?? 300);
        _queues[name] = queue;
        return Data(queue.Write);
    }

    private Reply ListQueues(HttpContext ctx, JsonElement body) => Page(ctx, _queues.Values.ToList(), (w, q) => q.Write(w));

    private Reply RetrieveQueue(HttpContext ctx, JsonElement body)
        => FindQueue(ctx, out var queue, out var missing) ? Data(queue.Write) : missing;

    private Reply UpdateQueue(HttpContext ctx, JsonElement body)
    {
        if (!FindQueue(ctx, out var queue, out var missing))
        {
            return missing;
        }
        if (Long(body, "max_size") is not long maxSize || maxSize < 1)
        {
            return Error(422, "10015", "Invalid parameter", "max_size must be a positive integer.", "/max_size");
        }
        queue.MaxSize = maxSize;
        queue.UpdatedAt = Now();
        return Data(queue.Write);
    }

    private Reply DeleteQueue(HttpContext ctx, JsonElement body)
    {
        if (!FindQueue(ctx, out var queue, out var missing))
        {
            return missing;
        }
        _queues.Remove(queue.Name);
        return new Reply(204, null);
    }

    private Reply ListQueueCalls(HttpContext ctx, JsonElement body)
        => FindQueue(ctx, out var queue, out var missing) ? Page(ctx, queue.Calls.Select((c, i) => (c, i)).ToList(), (w, x) => x.c.Write(w, queue, x.i)) : missing;

    private Reply RetrieveQueueCall(HttpContext ctx, JsonElement body)
        => FindQueueCall(ctx, out var queue, out var call, out var missing) ? Data(w => call.Write(w, queue, queue.Calls.IndexOf(call))) : missing;

    private Reply UpdateQueueCall(HttpContext ctx, JsonElement body)
    {
        if (!FindQueueCall(ctx, out _, out var call, out var missing))
        {
            return missing;
        }
        call.KeepAfterHangup = Bool(body, "keep_after_hangup") ?? call.KeepAfterHangup;
        return new Reply(204, null);
    }

    private Reply RemoveQueueCall(HttpContext ctx, JsonElement body)
    {
        if (!FindQueueCall(ctx, out var queue, out var call, out var missing))
        {
            return missing;
        }
        Dequeue(queue, call, "hangup");
        return new Reply(204, null);
    }

    private Reply Enqueue(HttpContext ctx, JsonElement body)
    {
        var callId = Route(ctx, "call");
        if (Str(body, "queue_name") is not { Length: > 0 } name)
        {
            return Error(422, "90015", "Invalid parameter", "queue_name is required.", "/queue_name");
        }
        if (!_queues.TryGetValue(name, out var queue))
        {
            queue = _queues[name] = new QueueState(name, Long(body, "max_size") ?? 100);
        }
        if (queue.Calls.Count >= queue.MaxSize)
        {
            return Error(422, "90039", "Queue full", $"The queue '{name}' is full.");
        }
        var call = new QueuedCall(callId, Str(body, "client_state"), Bool(body, "keep_after_hangup") ?? false);
        queue.Calls.Add(call);
        Emit("call.enqueued", CallPayload(callId, call.ClientState, new()
        {
            ["queue"] = name,
            ["current_position"] = queue.Calls.Count,
            ["queue_avg_wait_time_secs"] = queue.AverageWaitSecs(),
        }));
        return Ok();
    }

    private Reply LeaveQueue(HttpContext ctx, JsonElement body)
    {
        var callId = Route(ctx, "call");
        foreach (var queue in _queues.Values)
        {
            if (queue.Calls.Find(c => c.CallControlId == callId) is { } call)
            {
                Dequeue(queue, call, "leave");
                return Ok();
            }
        }
        return Error(422, "90018", "Call not in a queue", $"Call {callId} is not waiting in any queue.");
    }

    private void Dequeue(QueueState queue, QueuedCall call, string reason)
    {
        var position = queue.Calls.IndexOf(call) + 1;
        queue.Calls.Remove(call);
        Emit("call.dequeued", CallPayload(call.CallControlId, call.ClientState, new()
        {
            ["queue"] = queue.Name,
            ["queue_position"] = position,
            ["reason"] = reason,
            ["wait_time_secs"] = (long)(DateTimeOffset.UtcNow - call.EnqueuedAt).TotalSeconds,
        }));
    }

    // ---------------------------------------------------------------- conferences

    private Reply CreateConference(HttpContext ctx, JsonElement body)
    {
        var callId = Str(body, "call_control_id");
        var name = Str(body, "name");
        if (string.IsNullOrEmpty(callId) || string.IsNullOrEmpty(name))
        {
            return Error(422, "90015", "Invalid parameter", "call_control_id and name are required.");
        }
        var conference = new ConferenceState(name);
        _conferences[conference.Id] = conference;
        TakeOutOfQueues(callId, "bridged");
        Emit("conference.created", CallPayload(callId, Str(body, "client_state"), new() { ["conference_id"] = conference.Id, ["occurred_at"] = Now() }));
        AddParticipant(conference, callId, body);
        return Data(conference.Write);
    }

    private Reply ListConferences(HttpContext ctx, JsonElement body)
        => Page(ctx, _conferences.Values.OrderBy(c => c.Created).ToList(), (w, c) => c.Write(w));

    private Reply RetrieveConference(HttpContext ctx, JsonElement body)
        => FindConference(ctx, out var conference, out var missing) ? Data(conference.Write) : missing;

    private Reply ListParticipants(HttpContext ctx, JsonElement body)
        => FindConference(ctx, out var conference, out var missing) ? Page(ctx, conference.Participants, (w, p) => p.WriteListItem(w, conference)) : missing;

    private Reply RetrieveParticipant(HttpContext ctx, JsonElement body)
        => FindParticipant(ctx, out var conference, out var participant, out var missing) ? Data(w => participant.Write(w, conference)) : missing;

    private Reply UpdateParticipant(HttpContext ctx, JsonElement body)
    {
        if (!FindParticipant(ctx, out var conference, out var participant, out var missing))
        {
            return missing;
        }
        participant.EndConferenceOnExit = Bool(body, "end_conference_on_exit") ?? participant.EndConferenceOnExit;
        participant.SoftEndConferenceOnExit = Bool(body, "soft_end_conference_on_exit") ?? participant.SoftEndConferenceOnExit;
        participant.BeepEnabled = Str(body, "beep_enabled") ?? participant.BeepEnabled;
        participant.UpdatedAt = DateTimeOffset.UtcNow;
        return Data(w => participant.Write(w, conference));
    }

    private Reply ConferenceAction(HttpContext ctx, JsonElement body)
    {
        if (!FindConference(ctx, out var c, out var missing))
        {
            return missing;
        }
        var action = Route(ctx, "action");
        if (c.Status == "completed" && action != "end")
        {
            return Error(422, "90019", "Conference has ended", $"Conference {c.Id} has already ended.");
        }
        var targets = Targets(c, body);
        switch (action)
        {
            case "join":
                if (Str(body, "call_control_id") is not { Length: > 0 } joiner)
                {
                    return Error(422, "90015", "Invalid parameter", "call_control_id is required.", "/call_control_id");
                }
                TakeOutOfQueues(joiner, "bridged");
                AddParticipant(c, joiner, body);
                break;
            case "leave":
                if (c.Active().FirstOrDefault(p => p.CallControlId == Str(body, "call_control_id")) is not { } leaver)
                {
                    return Error(422, "90020", "Not a participant", "That call is not in the conference.");
                }
                RemoveParticipant(c, leaver);
                break;
            case "mute" or "unmute":
                targets.ForEach(p => { p.Muted = action == "mute"; p.UpdatedAt = DateTimeOffset.UtcNow; });
                break;
            case "hold" or "unhold":
                targets.ForEach(p => { p.OnHold = action == "hold"; p.UpdatedAt = DateTimeOffset.UtcNow; });
                break;
            case "play":
                c.Playing = Str(body, "audio_url") ?? Str(body, "media_name") ?? "audio";
                Emit("conference.playback.started", c.MediaPayload(body));
                break;
            case "stop":
                if (c.Playing is not null)
                {
                    Emit("conference.playback.ended", c.MediaPayload(body));
                    c.Playing = null;
                }
                break;
            case "speak":
                Emit("conference.speak.started", c.Payload());
                Emit("conference.speak.ended", c.Payload());
                break;
            case "record_start":
                if (c.Recording is not null)
                {
                    return Error(422, "90021", "Already recording", "The conference is already being recorded.");
                }
                c.Recording = new RecordingState(Str(body, "format") ?? "wav", Str(body, "channels") ?? "single");
                break;
            case "record_pause" or "record_resume":
                if (c.Recording is null)
                {
                    return Error(422, "90022", "Not recording", "The conference is not being recorded.");
                }
                c.Recording.Paused = action == "record_pause";
                break;
            case "record_stop":
                if (c.Recording is not { } recording)
                {
                    return Error(422, "90022", "Not recording", "The conference is not being recorded.");
                }
                c.Recording = null;
                Emit("conference.recording.saved", recording.SavedPayload(c, Str(body, "client_state")));
                break;
            case "update":
                if (c.Active().FirstOrDefault(p => p.CallControlId == Str(body, "call_control_id")) is { } updated)
                {
                    updated.SupervisorRole = Str(body, "supervisor_role") ?? updated.SupervisorRole;
                    updated.WhisperIds = StrList(body, "whisper_call_control_ids") ?? updated.WhisperIds;
                }
                break;
            case "send_dtmf" or "gather_using_audio":
                break;
            case "end":
                EndConference(c, "ended_via_api");
                break;
            default:
                return Error(404, "10005", "Resource not found", $"Unknown conference action '{action}'.");
        }
        return Ok();
    }

    private void AddParticipant(ConferenceState conference, string callId, JsonElement body)
    {
        var participant = new ParticipantState(callId)
        {
            Muted = Bool(body, "mute") ?? false,
            OnHold = Bool(body, "hold") ?? false,
            EndConferenceOnExit = Bool(body, "end_conference_on_exit") ?? false,
            SoftEndConferenceOnExit = Bool(body, "soft_end_conference_on_exit") ?? false,
            SupervisorRole = Str(body, "supervisor_role") ?? "none",
            WhisperIds = StrList(body, "whisper_call_control_ids") ?? new List<string>(),
            BeepEnabled = Str(body, "beep_enabled"),
        };
        conference.Participants.RemoveAll(p => p.CallControlId == callId && p.Status == "left");
        conference.Participants.Add(participant);
        Emit("conference.participant.joined", CallPayload(callId, Str(body, "client_state"), new() { ["conference_id"] = conference.Id }));
    }

    private void RemoveParticipant(ConferenceState conference, ParticipantState participant)
    {
        participant.Status = "left";
        participant.UpdatedAt = DateTimeOffset.UtcNow;
        Emit("conference.participant.left", CallPayload(participant.CallControlId, null, new() { ["conference_id"] = conference.Id }));
        if (participant.EndConferenceOnExit)
        {
            EndConference(conference, "host_left");
        }
        else if (!conference.Active().Any())
        {
            EndConference(conference, "all_left");
        }
    }

    private void EndConference(ConferenceState conference, string reason)
    {
        if (conference.Status == "completed")
        {
            return;
        }
        conference.Status = "completed";
        conference.EndReason = reason;
        conference.UpdatedAt = Now();
        foreach (var participant in conference.Active().ToList())
        {
            participant.Status = "left";
            Emit("conference.participant.left", CallPayload(participant.CallControlId, null, new() { ["conference_id"] = conference.Id }));
        }
        Emit("conference.ended", new JsonObject
        {
            ["conference_id"] = conference.Id,
            ["connection_id"] = ConnectionId,
            ["occurred_at"] = Now(),
            ["reason"] = reason == "ended_via_api" ? "host_left" : reason,
        });
    }

    private void TakeOutOfQueues(string callId, string reason)
    {
        foreach (var queue in _queues.Values)
        {
            if (queue.Calls.Find(c => c.CallControlId == callId) is { } call)
            {
                Dequeue(queue, call, reason);
            }
        }
    }

    /// <summary>The active participants named by <c>call_control_ids</c>, or all active ones when it is absent or empty.</summary>
    private static List<ParticipantState> Targets(ConferenceState conference, JsonElement body)
    {
        var ids = StrList(body, "call_control_ids");
        return conference.Active().Where(p => ids is not { Count: > 0 } || ids.Contains(p.CallControlId)).ToList();
    }

    // ---------------------------------------------------------------- lookups

    private bool FindQueue(HttpContext ctx, out QueueState queue, out Reply missing)
    {
        var name = Route(ctx, "queue");
        missing = Error(404, "10005", "Resource not found", $"Queue '{name}' not found.");
        return _queues.TryGetValue(name, out queue!);
    }

    private bool FindQueueCall(HttpContext ctx, out QueueState queue, out QueuedCall call, out Reply missing)
    {
        call = null!;
        if (!FindQueue(ctx, out queue, out missing))
        {
            return false;
        }
        var callId = Route(ctx, "call");
        missing = Error(404, "10005", "Resource not found", $"Call {callId} is not in queue '{queue.Name}'.");
        call = queue.Calls.Find(c => c.CallControlId == callId)!;
        return call is not null;
    }

    private bool FindConference(HttpContext ctx, out ConferenceState conference, out Reply missing)
    {
        var id = Route(ctx, "id");
        missing = Error(404, "10005", "Resource not found", $"Conference {id} not found.");
        return _conferences.TryGetValue(id, out conference!);
    }

    private bool FindParticipant(HttpContext ctx, out ConferenceState conference, out ParticipantState participant, out Reply missing)
    {
        participant = null!;
        if (!FindConference(ctx, out conference, out missing))
        {
            return false;
        }
        var key = Route(ctx, "participant");
        missing = Error(404, "10005", "Resource not found", $"Participant {key} not found.");
        participant = conference.Participants.Find(p => p.Id == key || p.CallControlId == key || p.Label == key)!;
        return participant is not null;
    }

    private static string Route(HttpContext ctx, string name) => ctx.Request.RouteValues[name] as string ?? string.Empty;

    // ---------------------------------------------------------------- replies

    private static Reply Data(Action<Utf8JsonWriter> writeObject)
        => Json(200, w =>
        {
            w.WritePropertyName("data"u8);
            writeObject(w);
        });

    private static Reply Ok() => Json(200, w =>
    {
        w.WriteStartObject("data"u8);
        w.WriteString("result"u8, "ok");
        w.WriteEndObject();
    });

    /// <summary>One page of <paramref name="all"/>, chosen by <c>page[number]</c> and <c>page[size]</c>, with <c>meta</c>.</summary>
    private static Reply Page<T>(HttpContext ctx, IReadOnlyList<T> all, Action<Utf8JsonWriter, T> writeItem)
    {
        var number = Math.Max(1, QueryInt(ctx, "page[number]") ?? 1);
        var size = Math.Clamp(QueryInt(ctx, "page[size]") ?? 20, 1, 250);
        var totalPages = Math.Max(1, (all.Count + size - 1) / size);
        return Json(200, w =>
        {
            w.WriteStartArray("data"u8);
            foreach (var item in all.Skip((number - 1) * size).Take(size))
            {
                writeItem(w, item);
            }
            w.WriteEndArray();
            w.WriteStartObject("meta"u8);
            w.WriteNumber("page_number"u8, number);
            w.WriteNumber("page_size"u8, size);
            w.WriteNumber("total_pages"u8, totalPages);
            w.WriteNumber("total_results"u8, all.Count);
            w.WriteEndObject();
        });
    }

    private static Reply Error(int status, string code, string title, string detail, string? pointer = null) => Json(status, w =>
    {
        w.WriteStartArray("errors"u8);
        w.WriteStartObject();
        w.WriteString("code"u8, code);
        w.WriteString("title"u8, title);
        w.WriteString("detail"u8, detail);
        if (pointer is not null)
        {
            w.WriteStartObject("source"u8);
            w.WriteString("pointer"u8, pointer);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndArray();
    });

    private static Reply Json(int status, Action<Utf8JsonWriter> writeMembers)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeMembers(writer);
            writer.WriteEndObject();
        }
        return new Reply(status, buffer.WrittenSpan.ToArray());
    }

    private static async Task WriteAsync(HttpContext ctx, Reply reply)
    {
        ctx.Response.StatusCode = reply.Status;
        ctx.Response.Headers["x-request-id"] = Guid.NewGuid().ToString();
        if (reply.Body is not null)
        {
            ctx.Response.ContentType = "application/json";
            await ctx.Response.Body.WriteAsync(reply.Body).ConfigureAwait(false);
        }
    }

    private static int? QueryInt(HttpContext ctx, string name)
        => int.TryParse(ctx.Request.Query[name].ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string? Str(JsonElement e, string name)
        => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long? Long(JsonElement e, string name)
        => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.TryGetInt64(out var n) ? n : null;

    private static bool? Bool(JsonElement e, string name)
        => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

    private static List<string>? StrList(JsonElement e, string name)
        => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : null;

    private static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    // ---------------------------------------------------------------- webhooks

    private const string ConnectionId = "1494404757140276705";

    private static JsonObject CallPayload(string callId, string? clientState, JsonObject extra)
    {
        var payload = new JsonObject
        {
            ["call_control_id"] = callId,
            ["connection_id"] = ConnectionId,
            ["call_leg_id"] = CallLegId(callId),
            ["call_session_id"] = CallLegId(callId + "/session"),
            ["client_state"] = clientState,
        };
        foreach (var (key, value) in extra.ToList())
        {
            extra.Remove(key);
            payload[key] = value;
        }
        return payload;
    }

    /// <summary>A stable UUID-shaped id derived from a call control id.</summary>
    private static string CallLegId(string seed)
    {
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed), hash);
        return new Guid(hash[..16]).ToString();
    }

    private void Emit(string eventType, JsonObject payload)
    {
        if (_webhookUrl is null || _signer is null)
        {
            return;
        }
        Interlocked.Increment(ref _pendingWebhooks);
        _outbox.Writer.TryWrite((eventType, payload));
    }

    /// <summary>Delivers webhooks one at a time, in the order the state changes happened.</summary>
    private async Task DeliverWebhooksAsync()
    {
        await foreach (var (eventType, payload) in _outbox.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                var body = EventBody(eventType, payload);
                var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                using var request = new HttpRequestMessage(HttpMethod.Post, _webhookUrl) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                request.Headers.Add(WebhookSigner.TimestampHeaderName, timestamp);
                request.Headers.Add(WebhookSigner.SignatureHeaderName, _signer!.Signature(timestamp, body));
                using var response = await _webhookHttp.SendAsync(request).ConfigureAwait(false);
                Interlocked.Increment(ref response.IsSuccessStatusCode ? ref _webhooksDelivered : ref _webhooksFailed);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref _webhooksFailed);
            }
            finally
            {
                Interlocked.Decrement(ref _pendingWebhooks);
            }
        }
    }

    private byte[] EventBody(string eventType, JsonObject payload)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartObject("data"u8);
            w.WriteString("record_type"u8, "event");
            w.WriteString("event_type"u8, eventType);
            w.WriteString("id"u8, Guid.NewGuid().ToString());
            w.WriteString("occurred_at"u8, Now());
            w.WritePropertyName("payload"u8);
            payload.WriteTo(w);
            w.WriteEndObject();
            w.WriteStartObject("meta"u8);
            w.WriteNumber("attempt"u8, 1);
            w.WriteString("delivered_to"u8, _webhookUrl!.ToString());
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    // ---------------------------------------------------------------- state

    private sealed class QueueState(string name, long maxSize)
    {
        public string Id { get; } = Guid.NewGuid().ToString();
        public string Name { get; } = name;
        public long MaxSize { get; set; } = maxSize;
        public string CreatedAt { get; } = Now();
        public string UpdatedAt { get; set; } = Now();
        public List<QueuedCall> Calls { get; } = new();

        public long AverageWaitSecs()
            => Calls.Count == 0 ? 0 : (long)Calls.Average(c => (DateTimeOffset.UtcNow - c.EnqueuedAt).TotalSeconds);

        public void Write(Utf8JsonWriter w)
        {
            w.WriteStartObject();
            w.WriteString("id"u8, Id);
            w.WriteString("name"u8, Name);
            w.WriteNumber("max_size"u8, MaxSize);
            w.WriteNumber("current_size"u8, Calls.Count);
            w.WriteNumber("average_wait_time_secs"u8, AverageWaitSecs());
            w.WriteString("created_at"u8, CreatedAt);
            w.WriteString("updated_at"u8, UpdatedAt);
            w.WriteString("record_type"u8, "queue");
            w.WriteEndObject();
        }
    }

    private sealed class QueuedCall(string callControlId, string? clientState, bool keepAfterHangup)
    {
        public string CallControlId { get; } = callControlId;
        public string? ClientState { get; } = clientState;
        public bool KeepAfterHangup { get; set; } = keepAfterHangup;
        public DateTimeOffset EnqueuedAt { get; } = DateTimeOffset.UtcNow;

        public void Write(Utf8JsonWriter w, QueueState queue, int index)
        {
            w.WriteStartObject();
            w.WriteString("call_control_id"u8, CallControlId);
            w.WriteString("call_leg_id"u8, CallLegId(CallControlId));
            w.WriteString("call_session_id"u8, CallLegId(CallControlId + "/session"));
            w.WriteString("connection_id"u8, ConnectionId);
            w.WriteString("enqueued_at"u8, EnqueuedAt.ToString("O", CultureInfo.InvariantCulture));
            w.WriteString("from"u8, "+1312555" + (1000 + index).ToString(CultureInfo.InvariantCulture));
            w.WriteString("to"u8, "+18005550100");
            w.WriteBoolean("is_alive"u8, true);
            w.WriteString("queue_id"u8, queue.Id);
            w.WriteNumber("queue_position"u8, index + 1);
            w.WriteNumber("wait_time_secs"u8, (long)(DateTimeOffset.UtcNow - EnqueuedAt).TotalSeconds);
            w.WriteString("record_type"u8, "queue_call");
            w.WriteEndObject();
        }
    }

    private sealed class ConferenceState(string name)
    {
        public string Id { get; } = Guid.NewGuid().ToString();
        public string Name { get; } = name;
        public DateTimeOffset Created { get; } = DateTimeOffset.UtcNow;
        public string UpdatedAt { get; set; } = Now();
        public string Status { get; set; } = "in_progress";
        public string? EndReason { get; set; }
        public string? Playing { get; set; }
        public RecordingState? Recording { get; set; }
        public List<ParticipantState> Participants { get; } = new();

        public IEnumerable<ParticipantState> Active() => Participants.Where(p => p.Status != "left");

        public JsonObject Payload() => new()
        {
            ["connection_id"] = ConnectionId,
            ["creator_call_session_id"] = CallLegId((Participants.FirstOrDefault()?.CallControlId ?? Id) + "/session"),
            ["conference_id"] = Id,
            ["occurred_at"] = Now(),
        };

        public JsonObject MediaPayload(JsonElement body)
        {
            var payload = Payload();
            payload["media_url"] = Str(body, "audio_url") ?? (Playing?.StartsWith("http", StringComparison.Ordinal) == true ? Playing : null);
            payload["media_name"] = Str(body, "media_name");
            return payload;
        }

        public void Write(Utf8JsonWriter w)
        {
            w.WriteStartObject();
            w.WriteString("id"u8, Id);
            w.WriteString("name"u8, Name);
            w.WriteString("connection_id"u8, ConnectionId);
            w.WriteString("created_at"u8, Created.ToString("O", CultureInfo.InvariantCulture));
            w.WriteString("updated_at"u8, UpdatedAt);
            w.WriteString("expires_at"u8, Created.AddHours(4).ToString("O", CultureInfo.InvariantCulture));
            w.WriteString("region"u8, "us");
            w.WriteString("status"u8, Status);
            if (EndReason is not null)
            {
                w.WriteString("end_reason"u8, EndReason);
            }
            w.WriteString("record_type"u8, "conference");
            w.WriteEndObject();
        }
    }

    private sealed class ParticipantState(string callControlId)
    {
        public string Id { get; } = Guid.NewGuid().ToString();
        public string CallControlId { get; } = callControlId;
        public string? Label { get; set; }
        public string Status { get; set; } = "joined";
        public bool Muted { get; set; }
        public bool OnHold { get; set; }
        public bool EndConferenceOnExit { get; set; }
        public bool SoftEndConferenceOnExit { get; set; }
        public string SupervisorRole { get; set; } = "none";
        public string? BeepEnabled { get; set; }
        public List<string> WhisperIds { get; set; } = new();
        public DateTimeOffset CreatedAt { get; } = DateTimeOffset.UtcNow;
        public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;

        /// <summary>An item of <c>GET /conferences/{id}/participants</c> (the Participant schema).</summary>
        public void WriteListItem(Utf8JsonWriter w, ConferenceState conference)
        {
            w.WriteStartObject();
            w.WriteString("id"u8, Id);
            w.WriteString("call_control_id"u8, CallControlId);
            w.WriteString("call_leg_id"u8, CallLegId(CallControlId));
            w.WriteStartObject("conference"u8);
            w.WriteString("id"u8, conference.Id);
            w.WriteString("name"u8, conference.Name);
            w.WriteEndObject();
            w.WriteString("created_at"u8, CreatedAt.ToString("O", CultureInfo.InvariantCulture));
            w.WriteString("updated_at"u8, UpdatedAt.ToString("O", CultureInfo.InvariantCulture));
            WriteFlags(w);
            w.WriteString("record_type"u8, "participant");
            w.WriteEndObject();
        }

        /// <summary><c>GET /conferences/{id}/participants/{participant_id}</c> (the ConferenceParticipant schema).</summary>
        public void Write(Utf8JsonWriter w, ConferenceState conference)
        {
            w.WriteStartObject();
            w.WriteString("id"u8, Id);
            w.WriteString("call_control_id"u8, CallControlId);
            w.WriteString("call_leg_id"u8, CallLegId(CallControlId));
            w.WriteString("conference_id"u8, conference.Id);
            if (Label is not null)
            {
                w.WriteString("label"u8, Label);
            }
            w.WriteString("created_at"u8, CreatedAt.ToString("O", CultureInfo.InvariantCulture));
            w.WriteString("updated_at"u8, UpdatedAt.ToString("O", CultureInfo.InvariantCulture));
            WriteFlags(w);
            w.WriteEndObject();
        }

        private void WriteFlags(Utf8JsonWriter w)
        {
            w.WriteBoolean("end_conference_on_exit"u8, EndConferenceOnExit);
            w.WriteBoolean("soft_end_conference_on_exit"u8, SoftEndConferenceOnExit);
            w.WriteBoolean("muted"u8, Muted);
            w.WriteBoolean("on_hold"u8, OnHold);
            w.WriteString("status"u8, Status);
            w.WriteStartArray("whisper_call_control_ids"u8);
            foreach (var id in WhisperIds)
            {
                w.WriteStringValue(id);
            }
            w.WriteEndArray();
        }
    }

    private sealed class RecordingState(string format, string channels)
    {
        public string Id { get; } = Guid.NewGuid().ToString();
        public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;
        public bool Paused { get; set; }

        public JsonObject SavedPayload(ConferenceState conference, string? clientState) => new()
        {
            ["conference_id"] = conference.Id,
            ["connection_id"] = ConnectionId,
            ["client_state"] = clientState,
            ["channels"] = channels,
            ["format"] = format,
            ["recording_id"] = Id,
            ["recording_started_at"] = StartedAt.ToString("O", CultureInfo.InvariantCulture),
            ["recording_ended_at"] = Now(),
            ["recording_urls"] = new JsonObject { [format] = $"https://recordings.example.invalid/{Id}.{format}" },
            ["public_recording_urls"] = new JsonObject { [format] = $"https://recordings.example.invalid/public/{Id}.{format}" },
        };
    }
}
