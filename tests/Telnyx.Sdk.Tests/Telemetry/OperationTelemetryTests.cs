using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.Tasks;
using Telnyx.Runtime;
using Telnyx.Sdk.Tests.Infrastructure;
using static Telnyx.Sdk.Tests.Infrastructure.Samples;

namespace Telnyx.Sdk.Tests.Telemetry;

/// <summary>The span and the metrics of generated operations, over real HTTP to the loopback server.</summary>
public sealed class OperationTelemetryTests(SdkServerFixture fixture) : IClassFixture<SdkServerFixture>
{
    private FakeTelnyxServer Server => fixture.Server;

    private TelnyxClient Client => fixture.Client;

    [Fact]
    public async Task CreateConferenceSpanHasEveryAttributeAndTheCommandIdSent()
    {
        Server.Reset();
        Server.Enqueue(CannedResponse.Data(ConferenceJson));
        using var capture = new TelemetryCapture();

        await Client.Conferences.CreateAsync(new CreateConferenceRequest { CallControlId = CallControlId, Name = "Business", CommandId = CommandId });

        var span = Assert.Single(capture.SdkSpans);
        Assert.Equal("CreateConference", span.OperationName);
        Assert.Equal("CreateConference", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(capture.RootSpanId, span.ParentSpanId);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        AssertTags(span, new Dictionary<string, object?>
        {
            [TelnyxTelemetry.OperationIdAttribute] = "CreateConference",
            [TelnyxTelemetry.MethodAttribute] = "POST",
            [TelnyxTelemetry.RouteTemplateAttribute] = "/conferences",
            [TelnyxTelemetry.CommandIdAttribute] = CommandId,
            [TelnyxTelemetry.StatusCodeAttribute] = 200,
            [TelnyxTelemetry.AttemptCountAttribute] = 1,
        });
        Assert.Empty(span.Events);
        Assert.Equal(CommandId, CommandIdSent(Server.Requests.Single()));
    }

    [Fact]
    public async Task CreateConferenceSpanCarriesTheCommandIdTheSdkGenerated()
    {
        Server.Reset();
        Server.Enqueue(CannedResponse.Data(ConferenceJson));
        using var capture = new TelemetryCapture();

        await Client.Conferences.CreateAsync(new CreateConferenceRequest { CallControlId = CallControlId, Name = "Business" });

        var span = Assert.Single(capture.SdkSpans);
        string sent = CommandIdSent(Server.Requests.Single());
        Assert.True(Guid.TryParse(sent, out _), sent);
        Assert.Equal(sent, span.GetTagItem(TelnyxTelemetry.CommandIdAttribute));
    }

    [Fact]
    public async Task GetWithAPathParameterReportsTheRouteTemplateNotThePath()
    {
        Server.Reset();
        Server.Enqueue(CannedResponse.Data(ConferenceJson));
        using var capture = new TelemetryCapture();

        await Client.Conferences.RetrieveAsync(ConferenceId);

        var span = Assert.Single(capture.SdkSpans);
        Assert.Equal("RetrieveConference", span.DisplayName);
        AssertTags(span, new Dictionary<string, object?>
        {
            [TelnyxTelemetry.OperationIdAttribute] = "RetrieveConference",
            [TelnyxTelemetry.MethodAttribute] = "GET",
            [TelnyxTelemetry.RouteTemplateAttribute] = "/conferences/{id}",
            [TelnyxTelemetry.StatusCodeAttribute] = 200,
            [TelnyxTelemetry.AttemptCountAttribute] = 1,
        });
        Assert.Equal("/v2/conferences/" + ConferenceId, Server.Requests.Single().Path);
    }

    [Fact]
    public async Task RetriedCallCountsTwoAttemptsOneRetryEventAndOneRetry()
    {
        Server.Reset();
        Server.Enqueue(CannedResponse.Json("{\"errors\":[]}", 503), CannedResponse.Data(ConferenceJson));
        using var client = Server.CreateClient(o =>
        {
            o.Retry = new NoWaitRetryPolicy { MaxRetries = 2 };
        });
        using var capture = new TelemetryCapture();

        await client.Conferences.RetrieveAsync(ConferenceId);

        var span = Assert.Single(capture.SdkSpans);
        Assert.Equal(2, span.GetTagItem(TelnyxTelemetry.AttemptCountAttribute));
        Assert.Equal(200, span.GetTagItem(TelnyxTelemetry.StatusCodeAttribute));
        Assert.Null(span.GetTagItem(TelnyxTelemetry.ErrorTypeAttribute));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        var retry = Assert.Single(span.Events);
        Assert.Equal(TelnyxTelemetry.RetryEventName, retry.Name);
        var eventTags = retry.Tags.ToDictionary(t => t.Key, t => t.Value);
        Assert.Equal(1, eventTags[TelnyxTelemetry.RetryAttemptAttribute]);
        Assert.Equal(500.0, eventTags[TelnyxTelemetry.RetryDelayAttribute]); // 0.5 s backoff, no jitter
        Assert.Equal(503, eventTags[TelnyxTelemetry.StatusCodeAttribute]);
        Assert.Equal(2, Server.RequestCount);

        // One HttpClient span per attempt, both inside the SDK span.
        var http = capture.HttpSpans;
        Assert.Equal(2, http.Count);
        Assert.All(http, h => Assert.Equal(span.SpanId, h.ParentSpanId));

        var retries = Assert.Single(capture.Measurements(TelnyxTelemetry.RetryInstrument));
        Assert.Equal(1, retries.Value);
        Assert.Equal("RetrieveConference", retries.Tags[TelnyxTelemetry.OperationIdAttribute]);
        Assert.Equal("GET", retries.Tags[TelnyxTelemetry.MethodAttribute]);
        Assert.Equal("503", retries.Tags[TelnyxTelemetry.RetryReasonAttribute]);

        var duration = Assert.Single(capture.Measurements(TelnyxTelemetry.RequestDurationInstrument));
        Assert.Equal(200, duration.Tags[TelnyxTelemetry.StatusCodeAttribute]);
        Assert.False(duration.Tags.ContainsKey(TelnyxTelemetry.ErrorTypeAttribute));
    }

    [Fact]
    public async Task FailedCallSetsErrorTypeToTheStatusAndTheSpanStatusToError()
    {
        Server.Reset();
        Server.Enqueue(CannedResponse.Json("{\"errors\":[{\"code\":\"10005\",\"title\":\"Resource not found\"}]}", 404));
        using var capture = new TelemetryCapture();

        await Assert.ThrowsAsync<TelnyxNotFoundException>(() => Client.Conferences.RetrieveAsync(ConferenceId));

        var span = Assert.Single(capture.SdkSpans);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("404", span.GetTagItem(TelnyxTelemetry.ErrorTypeAttribute));
        Assert.Equal(404, span.GetTagItem(TelnyxTelemetry.StatusCodeAttribute));
        Assert.Equal(1, span.GetTagItem(TelnyxTelemetry.AttemptCountAttribute));

        var duration = Assert.Single(capture.Measurements(TelnyxTelemetry.RequestDurationInstrument));
        Assert.Equal("404", duration.Tags[TelnyxTelemetry.ErrorTypeAttribute]);
        Assert.Equal(404, duration.Tags[TelnyxTelemetry.StatusCodeAttribute]);
        Assert.Empty(capture.Measurements(TelnyxTelemetry.RetryInstrument));
    }

    [Fact]
    public async Task UnreadableSuccessBodySetsErrorTypeToTheExceptionType()
    {
        Server.Reset();
        Server.Enqueue(CannedResponse.Json("{\"data\":"));
        using var capture = new TelemetryCapture();

        await Assert.ThrowsAsync<TelnyxInvalidResponseException>(() => Client.Conferences.RetrieveAsync(ConferenceId));

        var span = Assert.Single(capture.SdkSpans);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(typeof(TelnyxInvalidResponseException).FullName, span.GetTagItem(TelnyxTelemetry.ErrorTypeAttribute));
        Assert.Equal(200, span.GetTagItem(TelnyxTelemetry.StatusCodeAttribute));
        var duration = Assert.Single(capture.Measurements(TelnyxTelemetry.RequestDurationInstrument));
        Assert.Equal(typeof(TelnyxInvalidResponseException).FullName, duration.Tags[TelnyxTelemetry.ErrorTypeAttribute]);
    }

    [Fact]
    public async Task ConnectionFailureAfterRetriesReportsEachRetryAndTheExceptionType()
    {
        int closedPort = FreeLoopbackPort();
        using var client = new TelnyxClient(new Runtime.TelnyxClientOptions
        {
            ApiKey = "KEY_test",
            BaseUrl = new Uri($"http://127.0.0.1:{closedPort}/v2"),
            Retry = new NoWaitRetryPolicy { MaxRetries = 1 },
        });
        using var capture = new TelemetryCapture();

        await Assert.ThrowsAsync<TelnyxConnectionException>(() => client.Conferences.RetrieveAsync(ConferenceId));

        var span = Assert.Single(capture.SdkSpans);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(typeof(TelnyxConnectionException).FullName, span.GetTagItem(TelnyxTelemetry.ErrorTypeAttribute));
        Assert.Null(span.GetTagItem(TelnyxTelemetry.StatusCodeAttribute));
        Assert.Equal(2, span.GetTagItem(TelnyxTelemetry.AttemptCountAttribute));
        var retry = Assert.Single(span.Events);
        Assert.Equal(typeof(HttpRequestException).FullName, retry.Tags.Single(t => t.Key == TelnyxTelemetry.ErrorTypeAttribute).Value);
        var retries = Assert.Single(capture.Measurements(TelnyxTelemetry.RetryInstrument));
        Assert.Equal(typeof(HttpRequestException).FullName, retries.Tags[TelnyxTelemetry.RetryReasonAttribute]);
    }

    [Fact]
    public async Task HttpClientSpanIsAChildOfTheOperationSpan()
    {
        Server.Reset();
        Server.Enqueue(CannedResponse.CommandOk);
        using var capture = new TelemetryCapture();

        await Client.Conferences.Actions.JoinAsync(ConferenceId, new JoinConferenceRequest { CallControlId = CallControlId });

        var span = Assert.Single(capture.SdkSpans);
        Assert.Equal("JoinConference", span.DisplayName);
        Assert.Equal("/conferences/{id}/actions/join", span.GetTagItem(TelnyxTelemetry.RouteTemplateAttribute));
        var http = Assert.Single(capture.HttpSpans);
        Assert.Equal(span.SpanId, http.ParentSpanId);
        Assert.Equal(ActivityKind.Client, http.Kind);
        // The traceparent that went out names the HttpClient span, inside our trace.
        string? traceparent = Server.Requests.Single().Header("traceparent");
        Assert.Equal($"00-{capture.TraceId}-{http.SpanId}-01", traceparent);
    }

    [Fact]
    public async Task RequestDurationRecordsOneMeasurementPerCallWithItsTags()
    {
        Server.Reset();
        Server.Enqueue(CannedResponse.Data(ConferenceJson), CannedResponse.Data(ConferenceJson), CannedResponse.CommandOk);
        using var capture = new TelemetryCapture();

        var elapsed = new List<double>();
        var clock = Stopwatch.StartNew();
        await Client.Conferences.CreateAsync(new CreateConferenceRequest { CallControlId = CallControlId, Name = "Business" });
        elapsed.Add(clock.Elapsed.TotalSeconds);
        clock.Restart();
        await Client.Conferences.RetrieveAsync(ConferenceId);
        elapsed.Add(clock.Elapsed.TotalSeconds);
        clock.Restart();
        await Client.Conferences.Actions.EndAsync(ConferenceId);
        elapsed.Add(clock.Elapsed.TotalSeconds);

        var durations = capture.Measurements(TelnyxTelemetry.RequestDurationInstrument);
        Assert.Equal(["CreateConference", "RetrieveConference", "EndConference"], durations.Select(d => (string?)d.Tags[TelnyxTelemetry.OperationIdAttribute]));
        Assert.Equal(["POST", "GET", "POST"], durations.Select(d => (string?)d.Tags[TelnyxTelemetry.MethodAttribute]));
        for (int i = 0; i < durations.Count; i++)
        {
            var d = durations[i];
            Assert.Equal(200, d.Tags[TelnyxTelemetry.StatusCodeAttribute]);
            Assert.Equal(3, d.Tags.Count);
            // Seconds, within the time the call took as the test saw it.
            Assert.InRange(d.Value, 1e-7, elapsed[i]);
        }
    }

    [Fact]
    public async Task PagedListMakesOneSpanPerPageTaggedWithThePageNumber()
    {
        Server.Reset();
        Server.Enqueue(
            CannedResponse.List(1, 1, 2, 2, ConferenceJson),
            CannedResponse.List(2, 1, 2, 2, SecondConferenceJson));
        using var capture = new TelemetryCapture();

        var ids = new List<string?>();
        await foreach (var conference in Client.Conferences.ListAsync(new ListConferencesParameters { PageSize = 1 }))
        {
            ids.Add(conference.Id);
        }

        Assert.Equal([ConferenceId, OtherConferenceId], ids);
        var spans = capture.SdkSpans;
        Assert.Equal(2, spans.Count);
        Assert.All(spans, s =>
        {
            Assert.Equal("ListConferences", s.DisplayName);
            Assert.Equal("/conferences", s.GetTagItem(TelnyxTelemetry.RouteTemplateAttribute));
            Assert.Equal(capture.RootSpanId, s.ParentSpanId);
        });
        Assert.Equal([1, 2], spans.Select(s => s.GetTagItem(TelnyxTelemetry.PageNumberAttribute)));
    }

    [Fact]
    public async Task RawRequestSpanIsNamedAfterTheMethodWithoutOperationOrTemplate()
    {
        Server.Reset();
        Server.Enqueue(CannedResponse.Json("{\"ok\":true}"));
        using var capture = new TelemetryCapture();

        await Client.SendRawAsync(HttpMethod.Get, "/something/new");

        var span = Assert.Single(capture.SdkSpans);
        Assert.Equal("Telnyx GET", span.DisplayName);
        Assert.Null(span.GetTagItem(TelnyxTelemetry.OperationIdAttribute));
        Assert.Null(span.GetTagItem(TelnyxTelemetry.RouteTemplateAttribute));
        Assert.Equal("GET", span.GetTagItem(TelnyxTelemetry.MethodAttribute));
        Assert.Equal(200, span.GetTagItem(TelnyxTelemetry.StatusCodeAttribute));
        var duration = Assert.Single(capture.Measurements(TelnyxTelemetry.RequestDurationInstrument));
        Assert.False(duration.Tags.ContainsKey(TelnyxTelemetry.OperationIdAttribute));
    }

    private static void AssertTags(Activity span, Dictionary<string, object?> expected)
    {
        var actual = span.TagObjects.ToDictionary(t => t.Key, t => t.Value);
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), actual.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    private static string CommandIdSent(RecordedRequest request)
    {
        using var body = JsonDocument.Parse(request.Body);
        return body.RootElement.GetProperty("command_id").GetString()!;
    }

    private static int FreeLoopbackPort()
    {
        // Bound then released: nothing listens there when the client connects (connection refused).
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
