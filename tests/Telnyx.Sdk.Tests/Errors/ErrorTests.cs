using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using Telnyx.Runtime;
using Telnyx.Sdk.Tests.Infrastructure;
using static Telnyx.Sdk.Tests.Infrastructure.Samples;

namespace Telnyx.Sdk.Tests.Errors;

/// <summary>Error statuses and broken success bodies, through generated operations over real HTTP.</summary>
public sealed class ErrorTests(SdkServerFixture fixture) : IClassFixture<SdkServerFixture>
{
    private const string ErrorBody = """
        {
          "errors": [
            {
              "code": "10005",
              "title": "Resource not found",
              "detail": "The requested resource or URL could not be found.",
              "source": { "pointer": "/call_control_id" },
              "meta": { "url": "https://developers.telnyx.com/docs/overview/errors/10005" }
            },
            {
              "code": 90015,
              "title": "Invalid parameter",
              "detail": "The 'region' parameter is invalid.",
              "source": { "parameter": "region" }
            }
          ]
        }
        """;

    private FakeTelnyxServer Server => fixture.Server;

    private TelnyxClient Client => fixture.Client;

    public static TheoryData<int, string> Statuses => new()
    {
        { 400, nameof(TelnyxBadRequestException) },
        { 401, nameof(TelnyxAuthenticationException) },
        { 403, nameof(TelnyxPermissionDeniedException) },
        { 404, nameof(TelnyxNotFoundException) },
        { 409, nameof(TelnyxConflictException) },
        { 422, nameof(TelnyxUnprocessableEntityException) },
        { 429, nameof(TelnyxRateLimitException) },
        { 500, nameof(TelnyxServerException) },
        { 503, nameof(TelnyxServerException) },
        { 418, nameof(TelnyxApiException) },
    };

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task ErrorStatusRaisesItsTypedExceptionWithErrorsParsed(int status, string exceptionType)
    {
        Server.Reset();
        Server.Enqueue(CannedResponse.Json(ErrorBody, status));

        var ex = await Assert.ThrowsAnyAsync<TelnyxApiException>(() => Client.Conferences.Actions.JoinAsync(
            ConferenceId, new JoinConferenceRequest { CallControlId = CallControlId, SupervisorRole = "whisper" }));

        Assert.Equal(exceptionType, ex.GetType().Name);
        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(1, Server.RequestCount); // MaxRetries = 0 on the client: no retry even for 409/429/5xx
        Assert.Equal(ErrorBody, ex.Body);
        Assert.Equal(2, ex.Errors.Count);

        var first = ex.Errors[0];
        Assert.Equal("10005", first.Code);
        Assert.Equal("Resource not found", first.Title);
        Assert.Equal("The requested resource or URL could not be found.", first.Detail);
        Assert.Equal("/call_control_id", first.SourcePointer);
        Assert.Null(first.SourceParameter);
        Assert.Equal("https://developers.telnyx.com/docs/overview/errors/10005", first.Meta!.Value.GetProperty("url").GetString());

        var second = ex.Errors[1];
        Assert.Equal("90015", second.Code); // a numeric code is kept as its text
        Assert.Equal("Invalid parameter", second.Title);
        Assert.Equal("region", second.SourceParameter);
        Assert.Null(second.SourcePointer);

        Assert.Contains("Resource not found", ex.Message);
    }

    [Theory]
    [InlineData(401, "TelnyxAuthenticationException")]
    [InlineData(403, "TelnyxPermissionDeniedException")]
    [InlineData(404, "TelnyxNotFoundException")]
    [InlineData(409, "TelnyxConflictException")]
    [InlineData(422, "TelnyxUnprocessableEntityException")]
    [InlineData(429, "TelnyxRateLimitException")]
    [InlineData(500, "TelnyxServerException")]
    public async Task ErrorStatusOnEveryKindOfOperationListRetrieveDeleteAndNoContentPatch(int status, string exceptionType)
    {
        string body = """{"errors":[{"code":"10015","title":"Bad","detail":"Nope","source":{"pointer":"/max_size"}}]}""";
        Server.Reset();
        Server.Enqueue(
            CannedResponse.Json(body, status),
            CannedResponse.Json(body, status),
            CannedResponse.Json(body, status),
            CannedResponse.Json(body, status));

        var fromList = await Assert.ThrowsAnyAsync<TelnyxApiException>(async () =>
        {
            await foreach (var _ in Client.Queues.ListAsync())
            {
            }
        });
        var fromRetrieve = await Assert.ThrowsAnyAsync<TelnyxApiException>(() => Client.Queues.RetrieveAsync("support"));
        var fromDelete = await Assert.ThrowsAnyAsync<TelnyxApiException>(() => Client.Queues.DeleteAsync("support"));
        var fromPatch = await Assert.ThrowsAnyAsync<TelnyxApiException>(() => Client.Queues.Calls.UpdateAsync("support", CallControlId, new UpdateQueuedCallRequest { KeepAfterHangup = true }));

        foreach (var ex in new[] { fromList, fromRetrieve, fromDelete, fromPatch })
        {
            Assert.Equal(exceptionType, ex.GetType().Name);
            Assert.Equal(status, ex.StatusCode);
            var error = Assert.Single(ex.Errors);
            Assert.Equal("10015", error.Code);
            Assert.Equal("Bad", error.Title);
            Assert.Equal("Nope", error.Detail);
            Assert.Equal("/max_size", error.SourcePointer);
        }
        Assert.Equal(4, Server.RequestCount);
    }

    [Theory]
    [InlineData(409)]
    [InlineData(429)]
    [InlineData(500)]
    public async Task RequestOptionsMaxRetriesZeroOverridesTheClientsRetries(int status)
    {
        using var retryingClient = Server.CreateClient(o =>
        {
            o.Retry = new NoWaitRetryPolicy { MaxRetries = 3 };
        });
        Server.Reset();
        Server.Enqueue(CannedResponse.Json(ErrorBody, status), CannedResponse.Data(QueueJson));

        var ex = await Assert.ThrowsAnyAsync<TelnyxApiException>(() =>
            retryingClient.Queues.RetrieveAsync("support", new RequestOptions { MaxRetries = 0 }));

        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(1, ex.Attempts);
        Assert.Equal(1, Server.RequestCount);
    }

    [Fact]
    public async Task RateLimitIsRetriedByDefaultThenSucceeds()
    {
        using var retryingClient = Server.CreateClient(o =>
        {
            o.Retry = new NoWaitRetryPolicy { MaxRetries = 2 };
        });
        Server.Reset();
        Server.Enqueue(CannedResponse.Json(ErrorBody, 429), CannedResponse.Data(QueueJson));

        var queue = await retryingClient.Queues.RetrieveAsync("support");

        Assert.Equal("support", queue.Name);
        Assert.Equal(2, Server.RequestCount);
        Assert.All(Server.Requests, r => RequestAssert.Target(r, "/v2/queues/support"));
    }

    [Fact]
    public async Task HtmlErrorPageRaisesTheTypedExceptionWithTheRawBodyAndNoErrors()
    {
        const string html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
        Server.Reset();
        Server.Enqueue(new CannedResponse(502, html, "text/html"));

        var ex = await Assert.ThrowsAsync<TelnyxServerException>(() => Client.Conferences.RetrieveAsync(ConferenceId));

        Assert.Equal(502, ex.StatusCode);
        Assert.Empty(ex.Errors);
        Assert.Equal(html, ex.Body);
    }

    public static TheoryData<string, string> BrokenSuccessBodies => new()
    {
        { """{"data": {"id": "550e8400", "name": """, "application/json" },
        { "<!DOCTYPE html><html><body>Service temporarily unavailable</body></html>", "text/html" },
        { """{"result":"ok"}""", "application/json" },
        { """{"data":"a string, not an object"}""", "application/json" },
        { """[{"data":{}}]""", "application/json" },
        { "", "application/json" },
    };

    [Theory]
    [MemberData(nameof(BrokenSuccessBodies))]
    public async Task BrokenSuccessBodyRaisesInvalidResponseWithTheRawBody(string body, string contentType)
    {
        Server.Reset();
        Server.Enqueue(new CannedResponse(200, body, contentType));

        var ex = await Assert.ThrowsAsync<TelnyxInvalidResponseException>(() => Client.Conferences.RetrieveAsync(ConferenceId));

        Assert.Equal(200, ex.StatusCode);
        Assert.Equal(body, ex.Body);
        Assert.Equal(1, Server.RequestCount);
    }

    [Theory]
    [InlineData("""{"data":[{"id":"a"},""")]
    [InlineData("<html>not json</html>")]
    [InlineData("""{"data":{"id":"not a list"}}""")]
    public async Task BrokenListBodyRaisesInvalidResponseWithTheRawBody(string body)
    {
        Server.Reset();
        Server.Enqueue(CannedResponse.Json(body));

        var ex = await Assert.ThrowsAsync<TelnyxInvalidResponseException>(async () =>
        {
            await foreach (var _ in Client.Conferences.ListAsync())
            {
            }
        });

        Assert.Equal(200, ex.StatusCode);
        Assert.Equal(body, ex.Body);
    }

    [Fact]
    public async Task MalformedJsonOnACommandRaisesInvalidResponse()
    {
        const string body = "{\"data\":{\"result\":\"ok\"";
        Server.Reset();
        Server.Enqueue(CannedResponse.Json(body));

        var ex = await Assert.ThrowsAsync<TelnyxInvalidResponseException>(() =>
            Client.Calls.Actions.EnqueueAsync(CallControlId, new EnqueueRequest { QueueName = "support" }));

        Assert.Equal(body, ex.Body);
    }

    [Fact]
    public async Task ErrorsArrayWithUnexpectedShapesIsParsedLeniently()
    {
        const string body = """{"errors":[{"code":null,"title":42,"detail":"d","source":"not an object","extra":true}, "junk", {"title":"second"}]}""";
        Server.Reset();
        Server.Enqueue(CannedResponse.Json(body, 422));

        var ex = await Assert.ThrowsAsync<TelnyxUnprocessableEntityException>(() => Client.Queues.CreateAsync(new CreateQueueRequest { QueueName = "q" }));

        Assert.Equal(body, ex.Body);
        Assert.NotEmpty(ex.Errors);
        Assert.Contains(ex.Errors, e => e.Detail == "d");
        Assert.Contains(ex.Errors, e => e.Title == "second");
    }
}

/// <summary>Tests that change process-wide environment variables: never run in parallel with anything else.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "Environment variables";
}

[Collection(EnvironmentCollection.Name)]
public sealed class MissingApiKeyTests : IAsyncLifetime
{
    private FakeTelnyxServer? _server;
    private string? _savedKey;
    private string? _savedBaseUrl;

    private FakeTelnyxServer Server => _server!;

    public async Task InitializeAsync()
    {
        _savedKey = Environment.GetEnvironmentVariable(TelnyxClientOptions.ApiKeyEnvironmentVariable);
        _savedBaseUrl = Environment.GetEnvironmentVariable(TelnyxClientOptions.BaseUrlEnvironmentVariable);
        Environment.SetEnvironmentVariable(TelnyxClientOptions.ApiKeyEnvironmentVariable, null);
        _server = await FakeTelnyxServer.StartScriptedAsync();
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable(TelnyxClientOptions.ApiKeyEnvironmentVariable, _savedKey);
        Environment.SetEnvironmentVariable(TelnyxClientOptions.BaseUrlEnvironmentVariable, _savedBaseUrl);
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public static TheoryData<string?> MissingKeys => new() { null, "", "   " };

    [Theory]
    [MemberData(nameof(MissingKeys))]
    public async Task NoApiKeyAndNoEnvironmentVariableFailsBeforeAnyRequest(string? apiKey)
    {
        Assert.Null(Environment.GetEnvironmentVariable("TELNYX_API_KEY"));
        using var client = new TelnyxClient(new TelnyxClientOptions { ApiKey = apiKey, BaseUrl = Server.BaseUrl, Retry = { MaxRetries = 0 } });

        var retrieve = await Assert.ThrowsAsync<TelnyxConfigurationException>(() => client.Queues.RetrieveAsync("support"));
        var create = await Assert.ThrowsAsync<TelnyxConfigurationException>(() =>
            client.Conferences.CreateAsync(new CreateConferenceRequest { CallControlId = CallControlId, Name = "Business" }));
        var list = await Assert.ThrowsAsync<TelnyxConfigurationException>(async () =>
        {
            await foreach (var _ in client.Conferences.ListAsync())
            {
            }
        });
        var delete = await Assert.ThrowsAsync<TelnyxConfigurationException>(() => client.Queues.DeleteAsync("support"));

        foreach (var ex in new Exception[] { retrieve, create, list, delete })
        {
            Assert.Contains("TELNYX_API_KEY", ex.Message);
        }
        Assert.Equal(0, Server.RequestCount);
    }

    [Fact]
    public async Task ApiKeyFromTheEnvironmentIsUsedWhenOptionsHaveNone()
    {
        Environment.SetEnvironmentVariable("TELNYX_API_KEY", "KEY_from_env");
        try
        {
            using var client = new TelnyxClient(new TelnyxClientOptions { BaseUrl = Server.BaseUrl, Retry = { MaxRetries = 0 } });
            Server.Enqueue(CannedResponse.NoContent);

            await client.Queues.DeleteAsync("support");

            var request = Assert.Single(Server.Requests);
            RequestAssert.CommonHeaders(request, hasBody: false, apiKey: "KEY_from_env");
        }
        finally
        {
            Environment.SetEnvironmentVariable("TELNYX_API_KEY", null);
        }
    }

    [Fact]
    public async Task BaseUrlFromTheEnvironmentIsUsedWhenOptionsHaveNone()
    {
        Environment.SetEnvironmentVariable("TELNYX_BASE_URL", Server.BaseUrl.ToString());
        try
        {
            using var client = new TelnyxClient(new TelnyxClientOptions { ApiKey = "KEY_test", Retry = { MaxRetries = 0 } });
            Server.Enqueue(CannedResponse.Data(QueueJson));

            var queue = await client.Queues.RetrieveAsync("support");

            Assert.Equal("support", queue.Name);
            RequestAssert.Target(Assert.Single(Server.Requests), "/v2/queues/support");
        }
        finally
        {
            Environment.SetEnvironmentVariable("TELNYX_BASE_URL", _savedBaseUrl);
        }
    }
}
