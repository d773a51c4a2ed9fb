using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Telnyx.Sdk.Tests.Infrastructure;
using static Telnyx.Sdk.Tests.Infrastructure.Samples;

namespace Telnyx.Sdk.Tests.EndToEnd;

/// <summary>
/// How the generated client shapes requests beyond the happy path of each operation: escaping of path and query
/// values, deepObject filters, pagination, union bodies, command_id handling and calls without a body.
/// </summary>
public sealed class RequestShapeTests(SdkServerFixture fixture) : IClassFixture<SdkServerFixture>
{
    private FakeTelnyxServer Server => fixture.Server;

    private TelnyxClient Client => fixture.Client;

    private RecordedRequest SingleRequest() => Assert.Single(Server.Requests);

    // ------------------------------------------------------------------------------------------------ path escaping

    [Theory]
    [InlineData("support/tier 1/ü", "support%2Ftier%201%2F%C3%BC")]
    [InlineData("a?b#c%d&e=f", "a%3Fb%23c%25d%26e%3Df")]
    [InlineData("plus+semi;colon:", "plus%2Bsemi%3Bcolon%3A")]
    [InlineData("emoji 😀 日本", "emoji%20%F0%9F%98%80%20%E6%97%A5%E6%9C%AC")]
    [InlineData("../admin", "..%2Fadmin")]
    [InlineData("-._~AZaz09", "-._~AZaz09")]
    public async Task QueueNameIsEscapedAsOnePathSegment(string queueName, string escaped)
    {
        Server.Reset();
        Server.Enqueue(CannedResponse.Data(QueueJson));

        var queue = await Client.Queues.RetrieveAsync(queueName);

        var request = SingleRequest();
        Assert.Equal("GET", request.Method);
        RequestAssert.Target(request, "/v2/queues/" + escaped);
        Assert.Equal("support", queue.Name);
    }

    [Fact]
    public async Task UnicodeQueueNameWithSlashesAndSpacesStaysOneSegmentOnEveryQueueOperation()
    {
        const string name = "support/tier 1/ü";
        const string escaped = "support%2Ftier%201%2F%C3%BC";
        Server.Reset();
        Server.Enqueue(
            CannedResponse.Data(QueueJson),
            CannedResponse.Data(QueueJson),
            CannedResponse.NoContent,
            CannedResponse.List(QueueCallJson),
            CannedResponse.Data(QueueCallJson),
            CannedResponse.NoContent,
            CannedResponse.NoContent,
            CannedResponse.CommandOk);

        await Client.Queues.RetrieveAsync(name);
        await Client.Queues.UpdateAsync(name, new UpdateQueueRequest { MaxSize = 10 });
        await Client.Queues.DeleteAsync(name);
        await foreach (var _ in Client.Queues.Calls.ListAsync(name))
        {
        }
        await Client.Queues.Calls.RetrieveAsync(name, "v3:a/b c");
        await Client.Queues.Calls.UpdateAsync(name, "v3:a/b c", new UpdateQueuedCallRequest { KeepAfterHangup = false });
        await Client.Queues.Calls.DeleteAsync(name, "v3:a/b c");
        await Client.Calls.Actions.EnqueueAsync("v3:a/b c", new EnqueueRequest { QueueName = name, CommandId = CommandId });

        var requests = Server.Requests;
        Assert.Equal(8, requests.Count);
        RequestAssert.Target(requests[0], "/v2/queues/" + escaped);
        RequestAssert.Target(requests[1], "/v2/queues/" + escaped);
        RequestAssert.Target(requests[2], "/v2/queues/" + escaped);
        RequestAssert.Target(requests[3], "/v2/queues/" + escaped + "/calls?page[number]=1");
        RequestAssert.Target(requests[4], "/v2/queues/" + escaped + "/calls/v3%3Aa%2Fb%20c");
        RequestAssert.Target(requests[5], "/v2/queues/" + escaped + "/calls/v3%3Aa%2Fb%20c");
        RequestAssert.Target(requests[6], "/v2/queues/" + escaped + "/calls/v3%3Aa%2Fb%20c");
        RequestAssert.Target(requests[7], "/v2/calls/v3%3Aa%2Fb%20c/actions/enqueue");
        Assert.Equal(["GET", "POST", "DELETE", "GET", "GET", "PATCH", "DELETE", "POST"], requests.Select(r => r.Method));
        // The queue name in a body is plain JSON text, not escaped.
        JsonAssert.RequestBody("""{"queue_name":"support/tier 1/ü","command_id":"891510ac-f3e4-11e8-af5b-de00688a4901"}""", requests[7].Body, false);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task DotSegmentsAreRejectedBeforeSending(string id)
    {
        // Kestrel (like most servers) decodes %2E and then removes the dot segment, so an escaped ".." would still
        // address the parent resource: the SDK refuses it instead of sending anything.
        Server.Reset();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Client.Conferences.Participants.RetrieveAsync(ConferenceId, id));

        Assert.Equal("participantId", ex.ParamName);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task EmptyOrNullPathParameterIsRejectedBeforeSending()
    {
        Server.Reset();

        var empty = await Assert.ThrowsAsync<ArgumentException>(() => Client.Queues.RetrieveAsync(""));
        Assert.Equal("queueName", empty.ParamName);
        var nullId = await Assert.ThrowsAnyAsync<ArgumentException>(() => Client.Conferences.RetrieveAsync(null!));
        Assert.Equal("id", nullId.ParamName);
        var participant = await Assert.ThrowsAsync<ArgumentException>(() => Client.Conferences.Participants.RetrieveAsync(ConferenceId, ""));
        Assert.Equal("participantId", participant.ParamName);

        Assert.Equal(0, Server.RequestCount);
    }

    // ------------------------------------------------------------------------------------------------ query strings

    [Fact]
    public async Task ListWithoutParametersSendsOnlyPageNumber()
    {
        Server.Reset();
        Server.Enqueue(CannedResponse.List());

        var items = new List<Conference>();
        await foreach (var conference in Client.Conferences.ListAsync())
        {
            items.Add(conference);
        }

        Assert.Empty(items);
        var request = SingleRequest();
        RequestAssert.Target(request, "/v2/conferences?page[number]=1");
        RequestAssert.CommonHeaders(request, hasBody: false);
    }

    [Fact]
    public async Task DeepObjectFilterEveryFieldInSchemaOrderValuesEscaped()
    {
        Server.Reset();
        Server.Enqueue(CannedResponse.List(ConferenceJson));

        var pager = Client.Conferences.ListAsync(new ListConferencesParameters
        {
            Region = "Middle East",
            PageSize = 50,
            Filter = new ListConferencesFilter
            {
                ApplicationName = new ListConferencesFilterApplicationName { Contains = "call center" },
                ApplicationSessionId = "428c31b6-7af4-4bcb-b7f5-5013ef9657c1",
                ConnectionId = "1234567890",
                Failed = false,
                From = "+13125550002",
                LegId = "2dc6fc34-f9e0-11ea-b68e-02420a0f7768",
                Name = "Business",
                OccurredAt = new ListConferencesFilterOccurredAt { Gte = "2019-01-23T18:10:02.574Z", Lt = "2019-03-29T11:10:00Z" },
                OutboundOutboundVoiceProfileId = "1293384261075731499",
                Product = "call_control",
                Status = "in_progress",
                To = "+13125550001",
                Type = "command",
            },
        });
        var items = new List<Conference>();
        await foreach (var conference in pager)
        {
            items.Add(conference);
        }

        Assert.Single(items);
        RequestAssert.Target(SingleRequest(),
            "/v2/conferences?region=Middle%20East"
            + "&filter[application_name][contains]=call%20center"
            + "&filter[application_session_id]=428c31b6-7af4-4bcb-b7f5-5013ef9657c1"
            + "&filter[connection_id]=1234567890"
            + "&filter[failed]=false"
            + "&filter[from]=%2B13125550002"
            + "&filter[leg_id]=2dc6fc34-f9e0-11ea-b68e-02420a0f7768"
            + "&filter[name]=Business"
            + "&filter[occurred_at][gte]=2019-01-23T18%3A10%3A02.574Z"
            + "&filter[occurred_at][lt]=2019-03-29T11%3A10%3A00Z"
            + "&filter[outbound.outbound_voice_profile_id]=1293384261075731499"
            + "&filter[product]=call_control"
            + "&filter[status]=in_progress"
            + "&filter[to]=%2B13125550001"
            + "&filter[type]=command"
            + "&page[number]=1&page[size]=50");
    }

    [Fact]
    public async Task QueryValuesWithReservedCharactersCannotBreakTheQuery()
    {
        Server.Reset();
        Server.Enqueue(CannedResponse.List());

        await foreach (var _ in Client.Conferences.ListAsync(new ListConferencesParameters
        {
            Filter = new ListConferencesFilter { Name = "A&B=C #1/ü+[x]" },
        }))
        {
        }

        var request = SingleRequest();
        RequestAssert.Target(request, "/v2/conferences?filter[name]=A%26B%3DC%20%231%2F%C3%BC%2B%5Bx%5D&page[number]=1");
    }

    [Fact]
    public async Task PagerFollowsPagesWithTheSameQuery()
    {
        Server.Reset();
        Server.Enqueue(
            CannedResponse.List(1, 2, 2, 3, QueueJson, SecondQueueJson),
            CannedResponse.List(2, 2, 2, 3, QueueJson.Replace("\"support\"", "\"third\"", StringComparison.Ordinal)));

        var names = new List<string?>();
        await foreach (var queue in Client.Queues.ListAsync(new ListQueuesParameters { PageSize = 2 }))
        {
            names.Add(queue.Name);
        }

        Assert.Equal(["support", "tier_1_support", "third"], names);
        var requests = Server.Requests;
        Assert.Equal(2, requests.Count);
        RequestAssert.Target(requests[0], "/v2/queues?page[number]=1&page[size]=2");
        RequestAssert.Target(requests[1], "/v2/queues?page[number]=2&page[size]=2");
        Assert.All(requests, r => RequestAssert.CommonHeaders(r, hasBody: false));
    }

    [Fact]
    public async Task PagerWithParticipantFilterAndRegionRepeatsThemOnEveryPage()
    {
        Server.Reset();
        Server.Enqueue(
            CannedResponse.List(1, 1, 2, 2, ParticipantJson),
            CannedResponse.List(2, 1, 2, 2, ParticipantJson.Replace(ParticipantId, "second", StringComparison.Ordinal)));

        var ids = new List<string?>();
        await foreach (var p in Client.Conferences.Participants.ListAsync("conf/1", new ListConferenceParticipantsParameters
        {
            Region = "US",
            Filter = new ListConferenceParticipantsFilter { Whispering = true },
            PageSize = 1,
        }))
        {
            ids.Add(p.Id);
        }

        Assert.Equal([ParticipantId, "second"], ids);
        RequestAssert.Target(Server.Requests[0], "/v2/conferences/conf%2F1/participants?region=US&filter[whispering]=true&page[number]=1&page[size]=1");
        RequestAssert.Target(Server.Requests[1], "/v2/conferences/conf%2F1/participants?region=US&filter[whispering]=true&page[number]=2&page[size]=1");
    }

    [Fact]
    public void PageSizeOutOfRangeIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Client.Queues.ListAsync(new ListQueuesParameters { PageSize = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Client.Queues.ListAsync(new ListQueuesParameters { PageSize = 251 }));
    }

    // ------------------------------------------------------------------------------------------------ bodies

    [Fact]
    public async Task LoopIntegerIsAJsonNumberAndInfinityIsAJsonString()
    {
        Server.Reset();
        Server.Enqueue(CannedResponse.CommandOk, CannedResponse.CommandOk);

        await Client.Conferences.Actions.PlayAsync(ConferenceId, new ConferencePlayRequest { MediaName = "my_media_uploaded_to_media_storage_api", Loop = 3 });
        await Client.Conferences.Actions.PlayAsync(ConferenceId, new ConferencePlayRequest { MediaName = "my_media_uploaded_to_media_storage_api", Loop = "infinity" });

        var requests = Server.Requests;
        using (var first = JsonDocument.Parse(requests[0].Body))
        {
            var loop = first.RootElement.GetProperty("loop");
            Assert.Equal(JsonValueKind.Number, loop.ValueKind);
            Assert.Equal(3, loop.GetInt64());
        }
        using (var second = JsonDocument.Parse(requests[1].Body))
        {
            var loop = second.RootElement.GetProperty("loop");
            Assert.Equal(JsonValueKind.String, loop.ValueKind);
            Assert.Equal("infinity", loop.GetString());
        }
        JsonAssert.RequestBody("""{"media_name":"my_media_uploaded_to_media_storage_api","loop":3}""", requests[0].Body, false);
        JsonAssert.RequestBody("""{"media_name":"my_media_uploaded_to_media_storage_api","loop":"infinity"}""", requests[1].Body, false);
    }

    [Fact]
    public async Task CommandIdSetByTheCallerIsSentUnchanged()
    {
        Server.Reset();
        Server.Enqueue(CannedResponse.Data(ConferenceJson), CannedResponse.CommandOk, CannedResponse.CommandOk);

        await Client.Conferences.CreateAsync(new CreateConferenceRequest { CallControlId = CallControlId, Name = "Business", CommandId = "my-own-command" });
        await Client.Conferences.Actions.EndAsync(ConferenceId, new EndConferenceRequest { CommandId = CommandId });
        await Client.Calls.Actions.LeaveQueueAsync(CallControlId, new LeaveQueueRequest { CommandId = "leave-1", ClientState = ClientState });

        var requests = Server.Requests;
        JsonAssert.RequestBody("""{"call_control_id":"v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg","name":"Business","command_id":"my-own-command"}""", requests[0].Body, false);
        JsonAssert.RequestBody("""{"command_id":"891510ac-f3e4-11e8-af5b-de00688a4901"}""", requests[1].Body, false);
        JsonAssert.RequestBody("""{"client_state":"aGF2ZSBhIG5pY2UgZGF5ID1d","command_id":"leave-1"}""", requests[2].Body, false);
    }

    [Fact]
    public async Task GeneratedCommandIdIsFreshPerCallAndDoesNotChangeTheCallersRequest()
    {
        Server.Reset();
        Server.Enqueue(CannedResponse.CommandOk, CannedResponse.CommandOk, CannedResponse.CommandOk);
        var request = new JoinConferenceRequest { CallControlId = CallControlId };

        await Client.Conferences.Actions.JoinAsync(ConferenceId, request);
        await Client.Conferences.Actions.JoinAsync(ConferenceId, request);
        await Client.Conferences.Actions.JoinAsync(ConferenceId, request with { CommandId = "" });

        Assert.Null(request.CommandId);
        var ids = Server.Requests.Select(r => JsonAssert.RequestBody(
            """{"call_control_id":"v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg"}""", r.Body, true)).ToList();
        Assert.Equal(3, ids.Distinct().Count());
    }

    [Fact]
    public async Task OptionalBodyLeftOutSendsNoBodyAndNoContentType()
    {
        // Operations whose requestBody is optional in the spec (requestBody.required is false).
        Server.Reset();
        Server.Enqueue(CannedResponse.Data(ConferenceParticipantJson), CannedResponse.Data(QueueJson), CannedResponse.Data(QueueJson),
            CannedResponse.CommandOk, CannedResponse.CommandOk);

        await Client.Conferences.Participants.UpdateAsync(ConferenceId, ParticipantId);
        await Client.Queues.UpdateAsync("support");
        await Client.Queues.CreateAsync();
        await Client.Conferences.Actions.GatherUsingAudioAsync(ConferenceId);
        await Client.Conferences.Actions.SendDtmfAsync(ConferenceId);

        var requests = Server.Requests;
        Assert.Equal(5, requests.Count);
        Assert.All(requests, r => RequestAssert.CommonHeaders(r, hasBody: false));
        Assert.Equal(["PATCH", "POST", "POST", "POST", "POST"], requests.Select(r => r.Method));
    }

    [Fact]
    public async Task OptionalBodyWithCommandIdLeftOutStillSendsTheGeneratedCommandId()
    {
        Server.Reset();
        Server.Enqueue(CannedResponse.CommandOk, CannedResponse.CommandOk, CannedResponse.CommandOk, CannedResponse.CommandOk, CannedResponse.CommandOk);

        await Client.Conferences.Actions.EndAsync(ConferenceId);
        await Client.Conferences.Actions.RecordPauseAsync(ConferenceId);
        await Client.Conferences.Actions.RecordResumeAsync(ConferenceId);
        await Client.Conferences.Actions.RecordStopAsync(ConferenceId);
        await Client.Calls.Actions.LeaveQueueAsync(CallControlId);

        Assert.All(Server.Requests, r =>
        {
            RequestAssert.CommonHeaders(r, hasBody: true);
            JsonAssert.RequestBody("{}", r.Body, expectGeneratedCommandId: true);
        });
    }

    [Fact]
    public async Task RequiredBodyLeftOutStillSendsAJsonObject()
    {
        Server.Reset();
        for (int i = 0; i < 6; i++)
        {
            Server.Enqueue(i < 5 ? CannedResponse.CommandOk : CannedResponse.NoContent);
        }

        await Client.Conferences.Actions.HoldAsync(ConferenceId);
        await Client.Conferences.Actions.MuteAsync(ConferenceId);
        await Client.Conferences.Actions.PlayAsync(ConferenceId);
        await Client.Conferences.Actions.StopAsync(ConferenceId);
        await Client.Conferences.Actions.UnmuteAsync(ConferenceId);
        await Client.Queues.Calls.UpdateAsync("support", CallControlId);

        Assert.All(Server.Requests, r =>
        {
            RequestAssert.CommonHeaders(r, hasBody: true);
            JsonAssert.Equal("{}", r.BodyText);
        });
    }

    [Fact]
    public async Task EmptyRequestObjectSendsAnEmptyJsonObject()
    {
        Server.Reset();
        Server.Enqueue(CannedResponse.CommandOk);

        await Client.Conferences.Actions.HoldAsync(ConferenceId, new ConferenceHoldRequest());

        var request = SingleRequest();
        RequestAssert.CommonHeaders(request, hasBody: true);
        JsonAssert.Equal("{}", request.BodyText);
    }

    [Fact]
    public async Task UnsetOptionalFieldsAreAbsentNotNull()
    {
        Server.Reset();
        Server.Enqueue(CannedResponse.CommandOk);

        await Client.Conferences.Actions.GatherUsingAudioAsync(ConferenceId, new ConferenceGatherUsingAudioRequest
        {
            CallControlId = CallControlId,
            AudioUrl = null,
            MaximumDigits = null,
        });

        var request = SingleRequest();
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(["call_control_id"], body.RootElement.EnumerateObject().Select(p => p.Name));
    }
}
