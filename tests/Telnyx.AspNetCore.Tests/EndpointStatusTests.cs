using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Telnyx.AspNetCore.Tests.Infrastructure;
using Telnyx.Runtime;

namespace Telnyx.AspNetCore.Tests;

/// <summary>Every answer of the mapped endpoint, over a real Kestrel on 127.0.0.1.</summary>
public sealed class EndpointStatusTests : IDisposable
{
    private readonly WebhookSigner _signer = new();

    public void Dispose() => _signer.Dispose();

    [Fact]
    public async Task SignedDeliveryIsDispatchedOnceAndAnswered200()
    {
        await using WebhookApp app = await WebhookApp.StartAsync(_signer);
        (string id, byte[] body) = Deliveries.Joined();

        var (status, _) = await app.PostAsync(_signer.Sign(body));

        Assert.Equal(HttpStatusCode.OK, status);
        HandlerCall call = app.Recorder.Single();
        Assert.Equal(nameof(RecordingHandler.OnConferenceParticipantJoinedAsync), call.Method);
        Assert.Equal(id, call.DeliveryId);
        Assert.Equal(id, Assert.IsType<ConferenceParticipantJoinedEvent>(call.Event).Id);
        Assert.Equal(1, app.Recorder.Constructed);
    }

    public static TheoryData<string> VerificationCases => new()
    {
        "missing signature", "missing timestamp", "signature not base64", "signature of the wrong length",
        "timestamp not a number", "timestamp too old", "timestamp too new", "signature of another body",
    };

    [Theory]
    [MemberData(nameof(VerificationCases))]
    public async Task FailedVerificationAnswers400WithTheFixedTextAndLogsTheReason(string name)
    {
        await using WebhookApp app = await WebhookApp.StartAsync(_signer);
        (_, byte[] body) = Deliveries.Joined();
        (SignedWebhook delivery, WebhookVerificationFailure failure) = VerificationCase(name, body);
        string reason = SnakeCase(failure.ToString());

        var (status, text) = await app.PostAsync(delivery);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Empty(app.Recorder.Calls);
        Assert.Equal(0, app.Recorder.Constructed); // a forged delivery never builds the handler or its dependencies
        Deliveries.AssertOpaque(status, text, delivery, _signer, reason);
        Deliveries.AssertOpaque(status, text, delivery, _signer, failure.ToString());

        // The log says why (the body is not trusted, so the event id it claims is not logged as the event's).
        CapturedLog line = Assert.Single(app.Logs.Logs, l => l.AllText.Contains(reason, StringComparison.Ordinal));
        Assert.True(line.Level >= LogLevel.Warning, $"logged at {line.Level}");
        Assert.Contains("400", line.Message, StringComparison.Ordinal);
        AssertNoSecretsLogged(app, delivery);

        // Every verification failure answers the same text: the sender cannot tell which check failed.
        var (_, reference) = await app.PostAsync(VerificationCase("signature of another body", body).Delivery);
        Assert.Equal(reference, text);
    }

    private (SignedWebhook Delivery, WebhookVerificationFailure Failure) VerificationCase(string name, byte[] body)
    {
        SignedWebhook good = _signer.Sign(body);
        return name switch
        {
            "missing signature" => (good with { Signature = null }, WebhookVerificationFailure.MissingSignatureHeader),
            "missing timestamp" => (good with { Timestamp = null }, WebhookVerificationFailure.MissingTimestampHeader),
            "signature not base64" => (good with { Signature = "not*base64*at*all!" }, WebhookVerificationFailure.InvalidSignatureEncoding),
            "signature of the wrong length" => (good with { Signature = Convert.ToBase64String(new byte[32]) }, WebhookVerificationFailure.InvalidSignatureEncoding),
            "timestamp not a number" => (_signer.Sign(body, "12:30:00"), WebhookVerificationFailure.InvalidTimestamp),
            "timestamp too old" => (_signer.Sign(body, TimeSpan.FromMinutes(-10)), WebhookVerificationFailure.TimestampTooOld),
            "timestamp too new" => (_signer.Sign(body, TimeSpan.FromMinutes(10)), WebhookVerificationFailure.TimestampTooNew),
            "signature of another body" => (good with { Signature = _signer.Sign(Encoding.UTF8.GetBytes("{}" + new string(' ', 8)), good.Timestamp!).Signature }, WebhookVerificationFailure.InvalidSignature),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }

    [Fact]
    public async Task EmptyBodyAnswers400()
    {
        await using WebhookApp app = await WebhookApp.StartAsync(_signer);
        SignedWebhook delivery = _signer.Sign([]);

        var (status, text) = await app.PostAsync(delivery);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Empty(app.Recorder.Calls);
        Deliveries.AssertOpaque(status, text, delivery, _signer);
    }

    [Theory]
    [InlineData("{\"data\":{\"event_type\":\"conference.created\",")]
    [InlineData("[1,2,3]")]
    [InlineData("not json at all")]
    public async Task CorrectlySignedBodyThatIsNotAnEventAnswers400(string json)
    {
        await using WebhookApp app = await WebhookApp.StartAsync(_signer);
        SignedWebhook delivery = _signer.Sign(Encoding.UTF8.GetBytes(json));

        var (status, text) = await app.PostAsync(delivery);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Empty(app.Recorder.Calls);
        Deliveries.AssertOpaque(status, text, delivery, _signer);
        AssertNoSecretsLogged(app, delivery);
    }

    [Fact]
    public async Task BodyOverTheLimitWithContentLengthAnswers413()
    {
        await using WebhookApp app = await WebhookApp.StartAsync(_signer, o => o.Configure = r => r.MaxBodyBytes = 2048);
        SignedWebhook delivery = _signer.Sign(Padded(4096));

        var (status, text) = await app.PostAsync(delivery);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Empty(app.Recorder.Calls);
        Deliveries.AssertOpaque(status, text, delivery, _signer);

        // At the limit exactly, it is received.
        (string id, byte[] body) = Deliveries.Joined();
        byte[] fits = PadTo(body, 2048);
        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync(_signer.Sign(fits))).Status);
        Assert.Equal(id, app.Recorder.Single().DeliveryId);
    }

    [Fact]
    public async Task ChunkedBodyOverTheLimitAnswers413()
    {
        await using WebhookApp app = await WebhookApp.StartAsync(_signer, o => o.Configuration["Telnyx:Webhooks:MaxBodyBytes"] = "2048");
        SignedWebhook delivery = _signer.Sign(Padded(4096));

        // No Content-Length: HttpClient sends a stream of unknown length chunked.
        using var request = delivery.ToRequest(app.Url);
        request.Content = new StreamContent(new NonSeekableStream(delivery.Body));
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        using HttpResponseMessage response = await app.Client.SendAsync(request);

        Assert.True(request.Headers.TransferEncodingChunked ?? false, "the request was not sent chunked");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(app.Recorder.Calls);
        Deliveries.AssertOpaque(response.StatusCode, await response.Content.ReadAsStringAsync(), delivery, _signer);

        // The limit came from configuration (Telnyx:Webhooks:MaxBodyBytes): a chunked body under it is handled.
        (_, byte[] body) = Deliveries.Joined();
        SignedWebhook small = _signer.Sign(body);
        using var ok = small.ToRequest(app.Url);
        ok.Content = new StreamContent(new NonSeekableStream(small.Body));
        ok.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        using HttpResponseMessage okResponse = await app.Client.SendAsync(ok);
        Assert.Equal(HttpStatusCode.OK, okResponse.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task ContentTypeThatIsNotJsonAnswers415(string contentType)
    {
        await using WebhookApp app = await WebhookApp.StartAsync(_signer);
        (_, byte[] body) = Deliveries.Joined();
        SignedWebhook delivery = _signer.Sign(body) with { ContentType = contentType };

        var (status, text) = await app.PostAsync(delivery);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Empty(app.Recorder.Calls);
        Deliveries.AssertOpaque(status, text, delivery, _signer);

        // application/json with a charset is JSON.
        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync(delivery with { ContentType = "application/json; charset=utf-8" })).Status);
    }

    [Fact]
    public async Task HandlerThatThrowsAnswers500AndTheRedeliveryIsDispatched()
    {
        await using WebhookApp app = await WebhookApp.StartAsync(_signer);
        int attempts = 0;
        app.Recorder.Behaviour = (_, _) => Interlocked.Increment(ref attempts) == 1
            ? throw new InvalidOperationException("the database is down")
            : ValueTask.CompletedTask;
        (string id, byte[] body) = Deliveries.Joined();
        SignedWebhook delivery = _signer.Sign(body);

        var (status, text) = await app.PostAsync(delivery);

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Deliveries.AssertOpaque(status, text, delivery, _signer);
        Assert.DoesNotContain("database", text, StringComparison.OrdinalIgnoreCase);
        CapturedLog line = Assert.Single(app.Logs.Logs, l => l.Exception is InvalidOperationException || l.AllText.Contains("the database is down", StringComparison.Ordinal));
        Assert.Contains(id, line.AllText, StringComparison.Ordinal);

        // The failed claim was released: Telnyx's retry is handled, and the one after that is a duplicate.
        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync(_signer.Sign(body))).Status);
        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync(_signer.Sign(body))).Status);
        Assert.Equal(2, app.Recorder.CountFor(id));
        Assert.Single(app.Recorder.Completed);
        AssertNoSecretsLogged(app, delivery);
    }

    [Fact]
    public async Task HandlerThatHangsPastTheTimeoutIsCancelledAndAnswers500()
    {
        await using WebhookApp app = await WebhookApp.StartAsync(_signer, o => o.Configure = r => r.HandlerTimeout = TimeSpan.FromMilliseconds(300));
        bool cancelled = false;
        app.Recorder.Behaviour = async (_, token) =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            catch (OperationCanceledException)
            {
                cancelled = true;
                throw;
            }
        };
        (string id, byte[] body) = Deliveries.Joined();
        SignedWebhook delivery = _signer.Sign(body);

        var watch = Stopwatch.StartNew();
        var (status, text) = await app.PostAsync(delivery);

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"answered after {watch.Elapsed}");
        // The answer does not wait for the handler, so its catch block may run just after: give it a moment.
        for (var deadline = DateTime.UtcNow.AddSeconds(10); !cancelled && DateTime.UtcNow < deadline;)
        {
            await Task.Delay(10);
        }
        Assert.True(cancelled, "the handler's token was not cancelled");
        Deliveries.AssertOpaque(status, text, delivery, _signer);
        Assert.Contains(app.Logs.Logs, l => l.AllText.Contains(id, StringComparison.Ordinal) && l.Level >= LogLevel.Warning);

        // Timed out is not handled: the redelivery is dispatched.
        app.Recorder.Behaviour = null;
        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync(_signer.Sign(body))).Status);
        Assert.Equal(2, app.Recorder.CountFor(id));
    }

    [Fact]
    public async Task HandlerThatIgnoresItsTokenIsAnswered500AtTheTimeout()
    {
        await using WebhookApp app = await WebhookApp.StartAsync(_signer, o => o.Configure = r => r.HandlerTimeout = TimeSpan.FromMilliseconds(300));
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Recorder.Behaviour = async (_, _) => await release.Task; // never looks at the token
        (string id, byte[] body) = Deliveries.Joined();

        var watch = Stopwatch.StartNew();
        var (status, _) = await app.PostAsync(_signer.Sign(body));
        TimeSpan elapsed = watch.Elapsed;
        release.SetResult();

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.True(elapsed < TimeSpan.FromSeconds(20), $"answered after {elapsed}");
        Assert.Contains(app.Logs.Logs, l => l.Message.Contains(id, StringComparison.Ordinal) && l.Message.Contains(nameof(TelnyxWebhookOutcome.HandlerTimedOut), StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnreachableStoreAnswers503ByDefaultWithoutDispatching()
    {
        var store = new UnreachableStore();
        await using WebhookApp app = await WebhookApp.StartAsync(_signer, o => o.Services = (_, b) => b.UseDeliveryStore(_ => store));
        (string id, byte[] body) = Deliveries.Joined();
        SignedWebhook delivery = _signer.Sign(body);

        var (status, text) = await app.PostAsync(delivery);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.True(store.Calls > 0, "the store was never asked");
        Assert.Empty(app.Recorder.Calls);
        Deliveries.AssertOpaque(status, text, delivery, _signer);
        Assert.DoesNotContain("store", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(app.Logs.Logs, l => l.AllText.Contains(id, StringComparison.Ordinal) && l.Level >= LogLevel.Warning);
        AssertNoSecretsLogged(app, delivery);
    }

    [Fact]
    public async Task UnreachableStoreWithFailOpenDispatchesAndAnswers200()
    {
        var store = new UnreachableStore();
        await using WebhookApp app = await WebhookApp.StartAsync(_signer, o =>
        {
            o.Configure = r => r.StoreFailureMode = TelnyxStoreFailureMode.FailOpen;
            o.Services = (_, b) => b.UseDeliveryStore(_ => store);
        });
        (string id, byte[] body) = Deliveries.Joined();

        var (status, _) = await app.PostAsync(_signer.Sign(body));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(store.Calls > 0, "the store was never asked");
        Assert.Equal(id, app.Recorder.Single().DeliveryId);
        Assert.Contains(app.Logs.Logs, l => l.AllText.Contains(id, StringComparison.Ordinal) && l.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task SecondDeliveryWhileTheFirstIsHandledAnswers409ThenTheEventIsADuplicate()
    {
        await using WebhookApp app = await WebhookApp.StartAsync(_signer);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Recorder.Behaviour = async (_, token) =>
        {
            entered.TrySetResult();
            await release.Task.WaitAsync(token);
        };
        (string id, byte[] body) = Deliveries.Joined();

        Task<(HttpStatusCode, string)> first = app.PostAsync(_signer.Sign(body));
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(20));
        SignedWebhook second = _signer.Sign(body);
        var (status, text) = await app.PostAsync(second);
        release.SetResult();

        Assert.Equal(HttpStatusCode.Conflict, status);
        Deliveries.AssertOpaque(status, text, second, _signer);
        Assert.Contains(app.Logs.Logs, l => l.Message.Contains(id, StringComparison.Ordinal) && l.Message.Contains("409", StringComparison.Ordinal));
        AssertNoSecretsLogged(app, second);
        Assert.Equal(HttpStatusCode.OK, (await first).Item1);
        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync(_signer.Sign(body))).Status);
        Assert.Equal(1, app.Recorder.CountFor(id));
    }

    [Fact]
    public async Task RedeliveryOfAHandledEventAnswers200WithoutDispatchingAgain()
    {
        await using WebhookApp app = await WebhookApp.StartAsync(_signer);
        (string id, byte[] body) = Deliveries.Joined();

        for (int attempt = 0; attempt < 3; attempt++)
        {
            // Telnyx signs each attempt afresh: a new timestamp and signature, the same event id.
            Assert.Equal(HttpStatusCode.OK, (await app.PostAsync(_signer.Sign(body, TimeSpan.FromSeconds(-attempt)))).Status);
        }

        Assert.Equal(1, app.Recorder.CountFor(id));
        (string other, byte[] otherBody) = Deliveries.Joined();
        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync(_signer.Sign(otherBody))).Status);
        Assert.Equal(1, app.Recorder.CountFor(other));
    }

    [Fact]
    public async Task EndpointAnswersOnlyAtItsPattern()
    {
        await using WebhookApp app = await WebhookApp.StartAsync(_signer, o => o.Pattern = "/hooks/voice");
        (_, byte[] body) = Deliveries.Joined();
        SignedWebhook delivery = _signer.Sign(body);

        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync(delivery)).Status);
        using HttpRequestMessage elsewhere = delivery.ToRequest(app.BaseUrl + "/webhooks/telnyx");
        using HttpResponseMessage response = await app.Client.SendAsync(elsewhere);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>The log lines' form of a reason: <c>TimestampTooOld</c> is <c>timestamp_too_old</c>.</summary>
    private static string SnakeCase(string name) => string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));

    /// <summary>Not a log line anywhere holds the signature header's value or the public key.</summary>
    private void AssertNoSecretsLogged(WebhookApp app, SignedWebhook delivery)
    {
        Assert.NotEmpty(app.Logs.Logs);
        foreach (CapturedLog log in app.Logs.Logs)
        {
            if (!string.IsNullOrEmpty(delivery.Signature) && delivery.Signature.Length > 8)
            {
                Assert.DoesNotContain(delivery.Signature, log.AllText, StringComparison.Ordinal);
            }

            Assert.DoesNotContain(_signer.PublicKey, log.AllText, StringComparison.Ordinal);
        }
    }

    private static byte[] Padded(int size) => PadTo(Deliveries.Joined().Body, size);

    /// <summary>The JSON body with trailing spaces up to <paramref name="size"/> bytes: still one valid event.</summary>
    private static byte[] PadTo(byte[] body, int size)
    {
        Assert.True(body.Length <= size);
        byte[] padded = new byte[size];
        body.CopyTo(padded, 0);
        padded.AsSpan(body.Length).Fill((byte)' ');
        return padded;
    }

    /// <summary>A stream without a length, so the content goes chunked.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    }
}
