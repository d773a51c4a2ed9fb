using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Telnyx.Sdk.Tests.Infrastructure;
using Telnyx.Tests.Shared;
using static Telnyx.Sdk.Tests.Infrastructure.Samples;

namespace Telnyx.Sdk.Tests.EndToEnd;

/// <summary>What the fake server answers to one operation, and the values the client must parse from it.</summary>
public sealed record CannedAnswer(CannedResponse Response, Action<object?> Check);

/// <summary>
/// The 34 operations of <see cref="ConferencingOperations"/>, each called with every input against the fake server: the
/// wire shape is checked against the row, the parsed result against this suite's canned answer.
/// </summary>
public static class EndToEndOperations
{
    /// <summary>
    /// Runs one operation's full call against <paramref name="fixture"/>'s server and checks everything: method, raw
    /// target and decoded path/query, headers, body, command_id, and the parsed result.
    /// </summary>
    public static async Task RunAsync(string name, SdkServerFixture fixture)
    {
        var op = ConferencingOperations.Get(name);
        var answer = Answers[name];
        var server = fixture.Server;
        server.Reset();
        server.Enqueue(answer.Response);

        object? result = await op.Full(fixture.Client);

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
        answer.Check(result);
    }

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

    private static readonly CannedAnswer s_commandOk = new(CannedResponse.CommandOk, CommandOk);

    /// <summary>The canned answer of each operation, by name.</summary>
    public static IReadOnlyDictionary<string, CannedAnswer> Answers { get; } = new Dictionary<string, CannedAnswer>(StringComparer.Ordinal)
    {
        ["calls.actions.enqueue"] = new(CannedResponse.CommandOk, CallCommandOk),
        ["calls.actions.leave_queue"] = new(CannedResponse.CommandOk, CallCommandOk),

        ["conferences.list"] = new(CannedResponse.List(1, 50, 1, 2, ConferenceJson, SecondConferenceJson), result =>
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
        ["conferences.create"] = new(CannedResponse.Data(ConferenceJson), result => IsConference(Assert.IsType<Conference>(result))),
        ["conferences.retrieve"] = new(CannedResponse.Data(ConferenceJson), result => IsConference(Assert.IsType<Conference>(result))),

        ["conferences.participants.list"] = new(CannedResponse.List(ParticipantJson), result =>
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
        ["conferences.participants.retrieve"] = new(CannedResponse.Data(ConferenceParticipantJson), IsConferenceParticipant),
        ["conferences.participants.update"] = new(CannedResponse.Data(ConferenceParticipantJson), IsConferenceParticipant),

        ["conferences.actions.end"] = s_commandOk,
        ["conferences.actions.gather_using_audio"] = s_commandOk,
        ["conferences.actions.hold"] = s_commandOk,
        ["conferences.actions.join"] = s_commandOk,
        ["conferences.actions.leave"] = s_commandOk,
        ["conferences.actions.mute"] = s_commandOk,
        ["conferences.actions.play"] = s_commandOk,
        ["conferences.actions.record_pause"] = s_commandOk,
        ["conferences.actions.record_resume"] = s_commandOk,
        ["conferences.actions.record_start"] = s_commandOk,
        ["conferences.actions.record_stop"] = s_commandOk,
        ["conferences.actions.send_dtmf"] = s_commandOk,
        ["conferences.actions.speak"] = s_commandOk,
        ["conferences.actions.stop"] = s_commandOk,
        ["conferences.actions.unhold"] = s_commandOk,
        ["conferences.actions.unmute"] = s_commandOk,
        ["conferences.actions.update"] = s_commandOk,

        ["queues.list"] = new(CannedResponse.List(QueueJson, SecondQueueJson), result =>
        {
            var list = Assert.IsType<List<Queue>>(result);
            Assert.Equal(2, list.Count);
            IsQueue(list[0]);
            IsSecondQueue(list[1]);
        }),
        ["queues.create"] = new(CannedResponse.Data(SecondQueueJson), result => IsSecondQueue(Assert.IsType<Queue>(result))),
        ["queues.retrieve"] = new(CannedResponse.Data(QueueJson), result => IsQueue(Assert.IsType<Queue>(result))),
        ["queues.update"] = new(CannedResponse.Data(QueueJson), result => IsQueue(Assert.IsType<Queue>(result))),
        ["queues.delete"] = new(CannedResponse.NoContent, Assert.Null),

        ["queues.calls.list"] = new(CannedResponse.List(1, 10, 1, 1, QueueCallJson), result => IsQueueCall(Assert.Single(Assert.IsType<List<QueueCall>>(result)))),
        ["queues.calls.retrieve"] = new(CannedResponse.Data(QueueCallJson), result => IsQueueCall(Assert.IsType<QueueCall>(result))),
        ["queues.calls.update"] = new(CannedResponse.NoContent, Assert.Null),
        ["queues.calls.delete"] = new(CannedResponse.NoContent, Assert.Null),
    };
}
