using System;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Telnyx.Runtime.Primitives;
using Telnyx.Runtime.Tests.Infrastructure;

namespace Telnyx.Runtime.Tests.Http;

public sealed class RequestBuildingTests
{
    [Fact]
    public async Task GetSendsMethodPathQueryAndDefaultHeaders()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.Data("{\"id\":\"c1\",\"result\":7}"));
        using var core = TestClients.Create(server);

        var request = TestClients.Get("/calls/" + TelnyxUrl.EscapePathSegment("c1", "call_control_id"));
        request.AddQuery("page[number]", 2);
        request.AddQuery("page[size]", 50);
        request.AddQuery("filter[name]", "x y&z");
        request.AddQuery("skipped", (string?)null);
        request.AddQuery("active", true);
        request.AddQuery("archived", (bool?)false);
        var result = await core.SendForDataAsync(request, TestResult.Reader, null, default);

        Assert.Equal("c1", result.Id);
        Assert.Equal(7, result.Result);
        var seen = Assert.Single(server.Requests);
        Assert.Equal("GET", seen.Method);
        Assert.Equal("/v2/calls/c1?page[number]=2&page[size]=50&filter[name]=x%20y%26z&active=true&archived=false", seen.RawTarget);
        Assert.Equal("Bearer " + TestClients.ApiKey, seen.Header("Authorization"));
        Assert.Equal("application/json", seen.Header("Accept"));
        Assert.Null(seen.Header("Content-Type"));
        Assert.Matches(new Regex(@"^Telnyx\.Generated/\d+\.\d+\.\d+\S* \(\.NET \d+\.\d+\.\d+\)$"), seen.Header("User-Agent"));
        Assert.Equal(TelnyxHttpCore.UserAgent, seen.Header("User-Agent"));
        Assert.Contains("Telnyx.Generated/0.1.0", TelnyxHttpCore.UserAgent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryArraysExplodedOrCommaSeparatedAndNumbersInvariant()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.Data("{}"));
        using var core = TestClients.Create(server);

        var request = TestClients.Get("/numbers");
        request.AddQuery("filter[tag][]", new[] { "a b", "c,d" });
        request.AddQuery("fields", new[] { "id", "x,y" }, explode: false);
        request.AddQuery("ratio", 0.5);
        request.AddQuery("empty", Array.Empty<string>());
        await core.SendForDataAsync(request, (ref Utf8JsonReader r) => { r.Skip(); return 0; }, null, default);

        Assert.Equal("/v2/numbers?filter[tag][]=a%20b&filter[tag][]=c%2Cd&fields=id,x%2Cy&ratio=0.5", Assert.Single(server.Requests).RawTarget);
    }

    [Theory]
    [InlineData("abc", "abc")]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a b", "a%20b")]
    [InlineData("q?x#y%z", "q%3Fx%23y%25z")]
    [InlineData("ünï★", "%C3%BCn%C3%AF%E2%98%85")]
    [InlineData("v3:abc-_.~", "v3%3Aabc-_.~")]
    [InlineData("...", "...")]
    public void EscapePathSegmentUsesEscapeDataStringSemantics(string value, string expected)
    {
        Assert.Equal(expected, TelnyxUrl.EscapePathSegment(value, "id"));
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public void EscapePathSegmentRejectsDotSegments(string value)
    {
        // Servers decode %2E and drop dot segments, so these would address another resource.
        var ex = Assert.Throws<ArgumentException>(() => TelnyxUrl.EscapePathSegment(value, "id"));
        Assert.Contains("must not be '" + value + "'", ex.Message, StringComparison.Ordinal);
        Assert.Equal("id", ex.ParamName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void EscapePathSegmentRejectsEmpty(string? value)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => TelnyxUrl.EscapePathSegment(value!, "call_control_id"));
        Assert.Contains("path parameter 'call_control_id' must not be empty", ex.Message, StringComparison.Ordinal);
        Assert.Equal("call_control_id", ex.ParamName);
    }

    [Fact]
    public async Task EscapedPathSegmentsReachTheServerUnchanged()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.Data("{}"), CannedResponse.Data("{}"));
        using var core = TestClients.Create(server);

        string id = TelnyxUrl.EscapePathSegment("v3:a/b c ü?#", "id");
        await core.SendNoContentAsync(TestClients.Get("/calls/" + id + "/actions"), null, default);
        await core.SendNoContentAsync(TestClients.Get("/calls/" + TelnyxUrl.EscapePathSegment("a.b..", "id") + "/x"), null, default);

        var requests = server.Requests;
        Assert.Equal("/v2/calls/v3%3Aa%2Fb%20c%20%C3%BC%3F%23/actions", requests[0].RawTarget);
        Assert.Equal("/v2/calls/a.b../x", requests[1].RawTarget);
    }

    [Fact]
    public async Task PostSendsJsonBodyWithExactContentTypeAndUnwrapsEnvelope()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.Json("{\"meta\":{\"x\":[1,2,{\"y\":null}]},\"data\":{\"id\":\"conf-1\",\"result\":3},\"url\":\"ignored\"}"));
        using var core = TestClients.Create(server);

        var body = new TestCommand { CommandId = "cmd-1", Name = "Conférence \"A\"" };
        var result = await core.SendForDataAsync(TestClients.Post("/conferences", body), TestResult.Reader, null, default);

        Assert.Equal("conf-1", result.Id);
        var seen = Assert.Single(server.Requests);
        Assert.Equal("POST", seen.Method);
        Assert.Equal("application/json", seen.Header("Content-Type"));
        Assert.Equal(TelnyxJson.SerializeToUtf8Bytes(body), seen.Body);
        Assert.Equal(seen.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), seen.Header("Content-Length"));
        var parsed = TelnyxJson.Deserialize<TestCommand>(seen.Body);
        Assert.Equal("Conférence \"A\"", parsed.Name);
    }

    [Fact]
    public async Task RequestOptionsAddHeadersQueryAndBodyProperties()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.Data("{\"id\":\"x\",\"result\":1}"));
        using var core = TestClients.Create(server);

        var request = TestClients.Post("/calls", new TestCommand { CommandId = "c-1", Name = "original" });
        request.AddQuery("a", "1");
        request.AddQuery("b", "2");
        request.AddHeader("X-From-Request", "r");
        var options = new RequestOptions
        {
            ExtraHeaders = { ["X-Trace"] = "t-1", ["user-agent"] = "custom-agent/1.0" },
            ExtraQueryParameters = { ["b"] = "override", ["debug[level]"] = "high 1" },
            ExtraBodyProperties =
            {
                ["name"] = JsonValue.Create("replaced"),
                ["extra"] = new JsonObject { ["nested"] = new JsonArray(1, 2) },
                ["nothing"] = null,
            },
        };
        await core.SendForDataAsync(request, TestResult.Reader, options, default);

        var seen = Assert.Single(server.Requests);
        Assert.Equal("/v2/calls?a=1&b=override&debug[level]=high%201", seen.RawTarget);
        Assert.Equal("t-1", seen.Header("X-Trace"));
        Assert.Equal("r", seen.Header("X-From-Request"));
        Assert.Equal("custom-agent/1.0", seen.Header("User-Agent"));
        Assert.Equal("application/json", seen.Header("Content-Type"));
        Assert.Equal("{\"command_id\":\"c-1\",\"name\":\"replaced\",\"extra\":{\"nested\":[1,2]},\"nothing\":null}", seen.BodyText);
    }

    [Fact]
    public async Task ExtraBodyPropertiesWithoutABodyBecomeTheBody()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.Status(204));
        using var core = TestClients.Create(server);

        var options = new RequestOptions { ExtraBodyProperties = { ["k"] = JsonValue.Create(5) } };
        await core.SendNoContentAsync(new TelnyxRequest(HttpMethod.Post, "/actions/x"), options, default);

        var seen = Assert.Single(server.Requests);
        Assert.Equal("{\"k\":5}", seen.BodyText);
        Assert.Equal("application/json", seen.Header("Content-Type"));
    }

    [Fact]
    public async Task NoContentAccepts204AndIgnores2xxBodies()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.Status(204), CannedResponse.Json("<html>not json</html>", 202));
        using var core = TestClients.Create(server);

        await core.SendNoContentAsync(new TelnyxRequest(HttpMethod.Delete, "/calls/1"), null, default);
        await core.SendNoContentAsync(new TelnyxRequest(HttpMethod.Delete, "/calls/2"), null, default);

        Assert.Equal(new[] { "DELETE", "DELETE" }, System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(server.Requests, r => r.Method)));
    }

    [Fact]
    public async Task SendAsyncReadsTheWholeBodyWithoutEnvelope()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.Json("{\"id\":\"whole\",\"result\":9}"));
        using var core = TestClients.Create(server);

        var result = await core.SendAsync(TestClients.Get("/x"), TestResult.Reader, null, default);
        Assert.Equal("whole", result.Id);
    }

    [Fact]
    public async Task TypedCallCanReturnTheRawResponse()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.Status(201, "{\"data\":{\"id\":\"a\",\"result\":2}}", ("x-request-id", "req-123"), ("X-Multi", "1")));
        using var core = TestClients.Create(server);

        var response = await core.SendForDataWithResponseAsync(TestClients.Get("/x"), TestResult.Reader, null, default);

        Assert.Equal("a", response.Value.Id);
        Assert.Equal(201, response.StatusCode);
        Assert.Equal("req-123", response.Response.RequestId);
        Assert.Equal("req-123", response.Headers["X-REQUEST-ID"][0]);
        Assert.Equal("application/json", response.Headers["content-type"][0]);
        Assert.Equal("{\"data\":{\"id\":\"a\",\"result\":2}}", response.Response.BodyText);
        Assert.Equal(1, response.Response.Attempts);
    }

    [Fact]
    public async Task RawCallsSendArbitraryPathsAndBodiesWithAuth()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.Json("[1,2,3]"), CannedResponse.Status(404, "{\"errors\":[{\"code\":\"10005\",\"title\":\"Not found\"}]}"));
        using var core = TestClients.Create(server);

        var raw = await core.SendRawAsync(HttpMethod.Patch, "/undocumented/thing?x=1", Encoding.UTF8.GetBytes("{\"a\":true}"), new RequestOptions { ExtraQueryParameters = { ["y"] = "2" } }, default);
        Assert.Equal(200, raw.StatusCode);
        Assert.Equal("[1,2,3]", raw.BodyText);
        Assert.Equal("[1,2,3]"u8.ToArray(), raw.Body.ToArray());

        var seen = server.Requests[0];
        Assert.Equal("PATCH", seen.Method);
        Assert.Equal("/v2/undocumented/thing?x=1&y=2", seen.RawTarget);
        Assert.Equal("{\"a\":true}", seen.BodyText);
        Assert.Equal("Bearer " + TestClients.ApiKey, seen.Header("Authorization"));
        Assert.Equal("application/json", seen.Header("Content-Type"));

        var ex = await Assert.ThrowsAsync<TelnyxNotFoundException>(() => core.SendRawAsync(HttpMethod.Get, "/undocumented/missing", null, null, default));
        Assert.Equal("10005", Assert.Single(ex.Errors).Code);
    }

    [Fact]
    public void RequestValidatesItsPath()
    {
        Assert.Throws<ArgumentException>(() => new TelnyxRequest(HttpMethod.Get, "calls"));
        Assert.Throws<ArgumentException>(() => new TelnyxRequest(HttpMethod.Get, ""));
    }

    [Fact]
    public async Task BaseUrlWithTrailingSlashJoinsCleanly()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.Status(204));
        using var core = TestClients.Create(server, configure: o => o.BaseUrl = new Uri(server.BaseUrl + "/"));

        await core.SendNoContentAsync(TestClients.Get("/balance"), null, default);
        Assert.Equal("/v2/balance", Assert.Single(server.Requests).RawTarget);
    }

    [Fact]
    public void OptionsDefaultsMatchTheContract()
    {
        var options = new TelnyxClientOptions();
        Assert.Equal(TimeSpan.FromSeconds(60), options.Timeout);
        Assert.Equal(2, options.Retry.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(8), options.Retry.MaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(60), options.Retry.MaxRetryAfter);
        Assert.Same(TimeProvider.System, options.TimeProvider);
        Assert.Equal(new Uri("https://api.telnyx.com/v2"), TelnyxClientOptions.DefaultBaseUrl);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TelnyxHttpCore(new TelnyxClientOptions { ApiKey = "k", Retry = { MaxRetries = -1 } }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TelnyxHttpCore(new TelnyxClientOptions { ApiKey = "k", Retry = { MaxDelay = TimeSpan.FromSeconds(-1) } }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TelnyxHttpCore(new TelnyxClientOptions { ApiKey = "k", Retry = { MaxRetryAfter = TimeSpan.FromSeconds(-1) } }));
        Assert.Throws<ArgumentNullException>(() => new TelnyxClientOptions { Retry = null! });
        Assert.Throws<ArgumentOutOfRangeException>(() => new TelnyxHttpCore(new TelnyxClientOptions { ApiKey = "k", Timeout = TimeSpan.Zero }));
    }

    [Fact]
    public async Task UserSuppliedHttpClientIsUsedAndNotDisposed()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.Status(204), CannedResponse.Status(204));
        using var http = new HttpClient();
        var core = TestClients.Create(server, configure: o => o.HttpClient = http);
        await core.SendNoContentAsync(TestClients.Get("/a"), null, default);
        core.Dispose();

        await http.GetAsync(new Uri(server.BaseUrl + "/still-alive"));
        Assert.Equal(2, server.RequestCount);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => core.SendNoContentAsync(TestClients.Get("/a"), null, default));
    }
}
