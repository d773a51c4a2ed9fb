using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Telnyx.Runtime.Primitives;
using Telnyx.Runtime.Tests.Infrastructure;

namespace Telnyx.Runtime.Tests.Resilience;

public sealed class RetryTests
{
    private static readonly CannedResponse Ok = CannedResponse.Data("{\"id\":\"ok\",\"result\":1}");

    [Fact]
    public async Task RetryAfterSecondsIsHonoured()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.Status(429, null, ("Retry-After", "3")), Ok);
        var delay = new RecordingRetryPolicy();
        using var core = TestClients.Create(server, delay);

        var result = await core.SendForDataAsync(TestClients.Get("/x"), TestResult.Reader, null, default);

        Assert.Equal("ok", result.Id);
        Assert.Equal(new[] { TimeSpan.FromSeconds(3) }, delay.Delays);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task RetryAfterHttpDateIsRelativeToTheTimeProvider()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.Status(503, null, ("Retry-After", "Tue, 01 Jan 2030 00:00:05 GMT")), Ok);
        var delay = new RecordingRetryPolicy();
        var clock = new FixedTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var core = TestClients.Create(server, delay, o => o.TimeProvider = clock);

        await core.SendForDataAsync(TestClients.Get("/x"), TestResult.Reader, null, default);

        Assert.Equal(new[] { TimeSpan.FromSeconds(5) }, delay.Delays);
    }

    [Fact]
    public async Task RetryAfterMsWinsOverRetryAfter()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.Status(429, null, ("retry-after-ms", "1500"), ("Retry-After", "2")), Ok);
        var delay = new RecordingRetryPolicy();
        using var core = TestClients.Create(server, delay);

        await core.SendForDataAsync(TestClients.Get("/x"), TestResult.Reader, null, default);

        Assert.Equal(new[] { TimeSpan.FromMilliseconds(1500) }, delay.Delays);
    }

    [Fact]
    public async Task RetryAfterLongerThanTheCapIsCappedAndPastDatesMeanNoWait()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(
            CannedResponse.Status(429, null, ("Retry-After", "3600")),
            CannedResponse.Status(429, null, ("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")),
            Ok);
        var delay = new RecordingRetryPolicy();
        using var core = TestClients.Create(server, delay);

        await core.SendForDataAsync(TestClients.Get("/x"), TestResult.Reader, null, default);

        Assert.Equal(new[] { TimeSpan.FromSeconds(60), TimeSpan.Zero }, delay.Delays);
    }

    [Theory]
    [InlineData(500, 502, 503)]
    [InlineData(503, 500, 504)]
    public async Task ServerErrorsAreRetriedWithExponentialBackoff(int first, int second, int third)
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.Status(first), CannedResponse.Status(second), CannedResponse.Status(third, "{\"errors\":[{\"title\":\"down\"}]}"));
        var delay = new RecordingRetryPolicy();
        using var core = TestClients.Create(server, delay);

        var ex = await Assert.ThrowsAsync<TelnyxServerException>(() => core.SendForDataAsync(TestClients.Get("/x"), TestResult.Reader, null, default));

        Assert.Equal(third, ex.StatusCode);
        Assert.Equal(3, ex.Attempts);
        Assert.Equal("down", Assert.Single(ex.Errors).Title);
        Assert.Equal(3, server.RequestCount);
        Assert.Equal(new[] { 0.5, 1.0 }, delay.DelaySeconds);
    }

    [Theory]
    [InlineData(409)]
    [InlineData(408)]
    [InlineData(500)]
    [InlineData(529)]
    public async Task RetryableStatusesThenSuccess(int status)
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.Status(status), Ok);
        var delay = new RecordingRetryPolicy();
        using var core = TestClients.Create(server, delay);

        var response = await core.SendForDataWithResponseAsync(TestClients.Get("/x"), TestResult.Reader, null, default);

        Assert.Equal("ok", response.Value.Id);
        Assert.Equal(2, response.Response.Attempts);
        Assert.Equal(2, server.RequestCount);
        var retry = Assert.Single(delay.Retries);
        Assert.Equal(1, retry.Attempt);
        Assert.Equal(status, retry.StatusCode);
        Assert.Null(retry.Error);
        Assert.Equal(TimeSpan.FromSeconds(0.5), retry.Delay);
        Assert.Equal("/x", retry.Path);
        Assert.Equal(HttpMethod.Get, retry.Method);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(422)]
    [InlineData(405)]
    public async Task ClientErrorsAreNotRetried(int status)
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.Status(status), Ok);
        var delay = new RecordingRetryPolicy();
        using var core = TestClients.Create(server, delay);

        var ex = await Assert.ThrowsAnyAsync<TelnyxApiException>(() => core.SendForDataAsync(TestClients.Post("/x", new TestCommand { Name = "n" }), TestResult.Reader, null, default));

        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(1, ex.Attempts);
        Assert.Equal(1, server.RequestCount);
        Assert.Empty(delay.Delays);
    }

    [Fact]
    public async Task ConnectionResetMidResponseIsRetried()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.CutOff(), Ok);
        var delay = new RecordingRetryPolicy();
        using var core = TestClients.Create(server, delay);

        var result = await core.SendForDataAsync(TestClients.Get("/x"), TestResult.Reader, null, default);

        Assert.Equal("ok", result.Id);
        Assert.Equal(2, server.RequestCount);
        var retry = Assert.Single(delay.Retries);
        Assert.Null(retry.StatusCode);
        Assert.True(retry.Error is IOException or HttpRequestException, retry.Error?.GetType().FullName);
    }

    [Fact]
    public async Task ConnectionFailuresAfterRetriesThrowConnectionException()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.CutOff(), CannedResponse.CutOff(), CannedResponse.CutOff());
        var delay = new RecordingRetryPolicy();
        using var core = TestClients.Create(server, delay);

        var ex = await Assert.ThrowsAsync<TelnyxConnectionException>(() => core.SendForDataAsync(TestClients.Get("/x"), TestResult.Reader, null, default));

        Assert.Equal(3, ex.Attempts);
        Assert.True(ex.InnerException is IOException or HttpRequestException, ex.InnerException?.GetType().FullName);
        Assert.Equal(3, server.RequestCount);
        Assert.Equal(new[] { 0.5, 1.0 }, delay.DelaySeconds);
    }

    [Fact]
    public async Task RefusedConnectionThrowsConnectionException()
    {
        // Grab a free port, then close it so nothing listens there.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var delay = new RecordingRetryPolicy { MaxRetries = 1 };
        using var core = new TelnyxHttpCore(new TelnyxClientOptions
        {
            ApiKey = "k",
            BaseUrl = new Uri($"http://127.0.0.1:{port}/v2"),
            Retry = delay,
        });

        var ex = await Assert.ThrowsAsync<TelnyxConnectionException>(() => core.SendNoContentAsync(TestClients.Get("/x"), null, default));
        Assert.Equal(2, ex.Attempts);
        Assert.IsType<HttpRequestException>(ex.InnerException);
    }

    [Fact]
    public async Task SlowResponsesTimeOutPerAttemptAndAreRetried()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        var slow = new CannedResponse { Body = "{\"data\":{}}", Delay = TimeSpan.FromSeconds(30) };
        server.Enqueue(Ok, slow, slow);
        var delay = new RecordingRetryPolicy { MaxRetries = 1 };
        using var core = TestClients.Create(server, delay, o => o.Timeout = TimeSpan.FromMilliseconds(200));
        // A first, fast call opens the connection and JITs the path, so a 200 ms budget is spent on the slow answers only.
        await core.SendForDataAsync(TestClients.Get("/warm"), TestResult.Reader, null, default);

        var started = DateTime.UtcNow;
        var ex = await Assert.ThrowsAsync<TelnyxTimeoutException>(() => core.SendForDataAsync(TestClients.Get("/x"), TestResult.Reader, null, default));

        Assert.Equal(2, ex.Attempts);
        Assert.Equal(TimeSpan.FromMilliseconds(200), ex.Timeout);
        Assert.IsAssignableFrom<OperationCanceledException>(ex.InnerException);
        Assert.Equal(3, server.RequestCount);
        Assert.Equal(new[] { 0.5 }, delay.DelaySeconds);
        Assert.IsAssignableFrom<OperationCanceledException>(Assert.Single(delay.Retries).Error);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task PerRequestTimeoutOverridesAndATimedOutAttemptCanSucceedOnRetry()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(Ok, new CannedResponse { Body = "{\"data\":{}}", Delay = TimeSpan.FromSeconds(30) }, Ok);
        using var core = TestClients.Create(server);
        await core.SendForDataAsync(TestClients.Get("/warm"), TestResult.Reader, null, default);

        // One second is far below the stalled attempt's 30 s, and leaves the retried attempt room on a loaded machine.
        var result = await core.SendForDataAsync(TestClients.Get("/x"), TestResult.Reader, new RequestOptions { Timeout = TimeSpan.FromSeconds(1) }, default);

        Assert.Equal("ok", result.Id);
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task EveryAttemptSendsIdenticalBodyBytes()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.Status(500), CannedResponse.CutOff(), Ok);
        using var core = TestClients.Create(server);
        var command = new TestCommand { CommandId = Guid.NewGuid().ToString(), Name = "héllo" };

        await core.SendForDataAsync(TestClients.Post("/calls/x/actions/speak", command), TestResult.Reader, null, default);

        var bodies = server.Requests.Select(r => r.Body).ToArray();
        Assert.Equal(3, bodies.Length);
        Assert.Equal(Runtime.TelnyxJson.SerializeToUtf8Bytes(command), bodies[0]);
        Assert.Equal(bodies[0], bodies[1]);
        Assert.Equal(bodies[0], bodies[2]);
    }

    [Fact]
    public async Task CancellationDuringRetryDelayStopsWithoutAnotherAttempt()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.Status(500), Ok);
        using var cts = new CancellationTokenSource();
        var delay = new RecordingRetryPolicy
        {
            Behaviour = (_, token) =>
            {
                cts.Cancel();
                return Task.Delay(Timeout.Infinite, token);
            },
        };
        using var core = TestClients.Create(server, delay);

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => core.SendForDataAsync(TestClients.Get("/x"), TestResult.Reader, null, cts.Token));

        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Equal(1, server.RequestCount);
        Assert.Single(delay.Delays);
    }

    [Fact]
    public async Task CancellationDuringRealRetryDelayIsImmediate()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.Status(429, null, ("Retry-After", "30")), Ok);
        using var cts = new CancellationTokenSource();
        var options = new TelnyxClientOptions
        {
            ApiKey = "k",
            BaseUrl = server.BaseUrl,
            Retry = new CancelOnRetryPolicy(cts),
        };
        using var core = new TelnyxHttpCore(options);

        var started = DateTime.UtcNow;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => core.SendNoContentAsync(TestClients.Get("/x"), null, cts.Token));

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task CancellationWhileWaitingForTheResponseIsNotATimeout()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(new CannedResponse { Body = "{\"data\":{}}", Delay = TimeSpan.FromSeconds(30) }, Ok);
        using var cts = new CancellationTokenSource();
        server.OnRequest = _ => cts.Cancel();
        var delay = new RecordingRetryPolicy();
        using var core = TestClients.Create(server, delay);

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => core.SendForDataAsync(TestClients.Get("/x"), TestResult.Reader, null, cts.Token));

        Assert.IsType<TaskCanceledException>(ex);
        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Equal(1, server.RequestCount);
        Assert.Empty(delay.Delays);
    }

    [Fact]
    public async Task AlreadyCancelledTokenSendsNothing()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        using var core = TestClients.Create(server);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => core.SendNoContentAsync(TestClients.Get("/x"), null, new CancellationToken(true)));
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task MaxRetriesZeroDisablesRetries()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.Status(503), Ok);
        var delay = new RecordingRetryPolicy();
        using var core = TestClients.Create(server, delay, o => o.Retry.MaxRetries = 0);

        var ex = await Assert.ThrowsAsync<TelnyxServerException>(() => core.SendNoContentAsync(TestClients.Get("/x"), null, default));
        Assert.Equal(1, ex.Attempts);
        Assert.Equal(1, server.RequestCount);
        Assert.Empty(delay.Delays);
    }

    [Fact]
    public async Task PerRequestMaxRetriesOverridesTheClient()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        for (int i = 0; i < 5; i++)
        {
            server.Enqueue(CannedResponse.Status(500));
        }
        var delay = new RecordingRetryPolicy();
        using var core = TestClients.Create(server, delay, o => o.Retry.MaxRetries = 0);

        var ex = await Assert.ThrowsAsync<TelnyxServerException>(() => core.SendNoContentAsync(TestClients.Get("/x"), new RequestOptions { MaxRetries = 3 }, default));
        Assert.Equal(4, ex.Attempts);
        Assert.Equal(4, server.RequestCount);

        using var core2 = TestClients.Create(server, delay, o => o.Retry.MaxRetries = 5);
        var ex2 = await Assert.ThrowsAsync<TelnyxServerException>(() => core2.SendNoContentAsync(TestClients.Get("/x"), new RequestOptions { MaxRetries = 0 }, default));
        Assert.Equal(1, ex2.Attempts);
        Assert.Equal(5, server.RequestCount);
    }

    [Fact]
    public async Task DefaultIsTwoRetries()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        for (int i = 0; i < 4; i++)
        {
            server.Enqueue(CannedResponse.Status(429));
        }
        var delay = new RecordingRetryPolicy();
        using var core = new TelnyxHttpCore(new TelnyxClientOptions { ApiKey = "k", BaseUrl = server.BaseUrl, Retry = delay });

        var ex = await Assert.ThrowsAsync<TelnyxRateLimitException>(() => core.SendNoContentAsync(TestClients.Get("/x"), null, default));
        Assert.Equal(3, ex.Attempts);
        Assert.Null(ex.RetryAfter);
        Assert.Equal(3, server.RequestCount);
    }

    /// <summary>The real waits of the base policy, with the caller's token cancelled shortly after the first retry starts.</summary>
    private sealed class CancelOnRetryPolicy(CancellationTokenSource cts) : TelnyxRetryPolicy
    {
        public override void OnRetry(TelnyxRetryEvent retry) => cts.CancelAfter(50);
    }
}
