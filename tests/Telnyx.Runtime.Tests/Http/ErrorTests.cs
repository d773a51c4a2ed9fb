using System;
using System.Text.Json;
using System.Threading.Tasks;
using Telnyx.Runtime.Tests.Infrastructure;

namespace Telnyx.Runtime.Tests.Http;

public sealed class ErrorTests
{
    private const string ErrorBody =
        "{\"errors\":[{\"code\":\"10005\",\"title\":\"Resource not found\",\"detail\":\"The requested resource or URL could not be found.\"," +
        "\"source\":{\"pointer\":\"/call_control_id\",\"parameter\":\"id\"},\"meta\":{\"url\":\"https://developers.telnyx.com/docs/overview/errors/10005\"}}," +
        "{\"code\":20100,\"title\":\"Second\"}]}";

    [Theory]
    [InlineData(400, typeof(TelnyxBadRequestException), "Bad Request")]
    [InlineData(401, typeof(TelnyxAuthenticationException), "Unauthorized")]
    [InlineData(403, typeof(TelnyxPermissionDeniedException), "Forbidden")]
    [InlineData(404, typeof(TelnyxNotFoundException), "Not Found")]
    [InlineData(409, typeof(TelnyxConflictException), "Conflict")]
    [InlineData(422, typeof(TelnyxUnprocessableEntityException), "Unprocessable Entity")]
    [InlineData(429, typeof(TelnyxRateLimitException), "Too Many Requests")]
    [InlineData(500, typeof(TelnyxServerException), "Internal Server Error")]
    [InlineData(503, typeof(TelnyxServerException), "Service Unavailable")]
    [InlineData(418, typeof(TelnyxApiException), "I'm a teapot")]
    [InlineData(410, typeof(TelnyxApiException), "Gone")]
    public async Task StatusMapsToTypedExceptionWithParsedErrors(int status, Type expected, string phrase)
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.Status(status, ErrorBody, ("x-request-id", "rid-9")));
        using var core = TestClients.Create(server, configure: o => o.Retry.MaxRetries = 0);

        var ex = await Assert.ThrowsAnyAsync<TelnyxApiException>(() => core.SendForDataAsync(TestClients.Get("/calls/x"), TestResult.Reader, null, default));

        Assert.IsType(expected, ex);
        Assert.IsAssignableFrom<TelnyxException>(ex);
        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(1, ex.Attempts);
        Assert.Equal(1, server.RequestCount);
        Assert.Equal(ErrorBody, ex.Body);
        Assert.Equal("rid-9", ex.RequestId);
        Assert.Equal(2, ex.Errors.Count);
        var first = ex.Errors[0];
        Assert.Equal("10005", first.Code);
        Assert.Equal("Resource not found", first.Title);
        Assert.Equal("The requested resource or URL could not be found.", first.Detail);
        Assert.Equal("/call_control_id", first.SourcePointer);
        Assert.Equal("id", first.SourceParameter);
        Assert.Equal("https://developers.telnyx.com/docs/overview/errors/10005", first.Meta!.Value.GetProperty("url").GetString());
        Assert.Equal("20100", ex.Errors[1].Code);
        Assert.Null(ex.Errors[1].Meta);
        Assert.Equal(
            $"Telnyx API returned {status} {phrase}: Resource not found: The requested resource or URL could not be found. (code 10005) (and 1 more error)",
            ex.Message);
    }

    [Fact]
    public async Task HtmlErrorBodyStillGivesTypedExceptionWithRawBody()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        const string html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
        server.Enqueue(new CannedResponse { StatusCode = 502, Body = html, ContentType = "text/html" });
        using var core = TestClients.Create(server, configure: o => o.Retry.MaxRetries = 0);

        var ex = await Assert.ThrowsAsync<TelnyxServerException>(() => core.SendForDataAsync(TestClients.Get("/x"), TestResult.Reader, null, default));

        Assert.Equal(502, ex.StatusCode);
        Assert.Empty(ex.Errors);
        Assert.Equal(html, ex.Body);
        Assert.Equal("Telnyx API returned 502 Bad Gateway", ex.Message);
        Assert.Equal("text/html", ex.Headers["Content-Type"][0]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"errors\":\"oops\"}")]
    [InlineData("{\"errors\":[{\"title\":")]
    [InlineData("[]")]
    public async Task OddErrorBodiesAreParsedLeniently(string body)
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.Status(404, body.Length == 0 ? null : body));
        using var core = TestClients.Create(server);

        var ex = await Assert.ThrowsAsync<TelnyxNotFoundException>(() => core.SendNoContentAsync(TestClients.Get("/x"), null, default));
        Assert.Empty(ex.Errors);
        Assert.Equal(body, ex.Body);
        Assert.Equal("Telnyx API returned 404 Not Found", ex.Message);
    }

    [Theory]
    [InlineData("{\"data\": {\"id\": \"x\",")]
    [InlineData("<!DOCTYPE html><html>maintenance</html>")]
    [InlineData("")]
    [InlineData("{\"meta\":{}}")]
    [InlineData("{\"data\":{\"id\":\"x\",\"result\":\"not a number\"}}")]
    [InlineData("{\"data\":{\"id\":\"x\"}} trailing")]
    [InlineData("[1]")]
    public async Task BadSuccessBodyThrowsInvalidResponseWithRawBody(string body)
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.Json(body));
        using var core = TestClients.Create(server);

        var ex = await Assert.ThrowsAsync<TelnyxInvalidResponseException>(() => core.SendForDataAsync(TestClients.Get("/x"), TestResult.Reader, null, default));

        Assert.Equal(200, ex.StatusCode);
        Assert.Equal(body, ex.Body);
        Assert.NotNull(ex.InnerException);
        Assert.True(ex.InnerException is JsonException or InvalidOperationException, ex.InnerException!.GetType().Name);
        Assert.Equal(1, ex.Attempts);
        Assert.Equal(1, server.RequestCount);
        Assert.StartsWith("Telnyx API returned 200 with a body that is not the expected JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingApiKeyFailsBeforeAnyRequest()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        // No key in the options and none in the (replaced) environment, whatever the machine's TELNYX_API_KEY says.
        using var core = TestClients.Create(server, configure: o =>
        {
            o.ApiKey = "  ";
            o.ReadEnvironment = _ => null;
        });

        var ex = await Assert.ThrowsAsync<TelnyxConfigurationException>(() => core.SendForDataAsync(TestClients.Get("/x"), TestResult.Reader, null, default));

        Assert.Contains("TELNYX_API_KEY", ex.Message, StringComparison.Ordinal);
        Assert.Contains("TelnyxClientOptions.ApiKey", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, ex.Attempts);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task ApiKeyFromTheEnvironmentIsUsedWhenTheOptionsHaveNone()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.Data("{\"id\":\"c1\",\"result\":7}"));
        using var core = TestClients.Create(server, configure: o =>
        {
            o.ApiKey = " ";
            o.ReadEnvironment = name => name == TelnyxClientOptions.ApiKeyEnvironmentVariable ? " KEY-from-env " : null;
        });

        await core.SendForDataAsync(TestClients.Get("/x"), TestResult.Reader, null, default);

        Assert.Equal("Bearer KEY-from-env", Assert.Single(server.Requests).Header("Authorization"));
    }

    [Fact]
    public async Task RateLimitExceptionCarriesRetryAfter()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.Status(429, null, ("Retry-After", "120")));
        using var core = TestClients.Create(server, configure: o => o.Retry.MaxRetries = 0);

        var ex = await Assert.ThrowsAsync<TelnyxRateLimitException>(() => core.SendNoContentAsync(TestClients.Get("/x"), null, default));
        Assert.Equal(TimeSpan.FromSeconds(120), ex.RetryAfter);
    }

    [Fact]
    public void ErrorFactoryParsesWithoutAServer()
    {
        var errors = TelnyxErrorFactory.ParseErrors("{\"other\":{\"errors\":[]},\"errors\":[{\"code\":1,\"source\":{\"x\":1,\"pointer\":\"/a\"},\"unknown\":[1]}]}"u8);
        var error = Assert.Single(errors);
        Assert.Equal(new TelnyxError("1", null, null, "/a", null, null), error);
        Assert.Empty(TelnyxErrorFactory.ParseErrors("not json"u8));
    }
}
