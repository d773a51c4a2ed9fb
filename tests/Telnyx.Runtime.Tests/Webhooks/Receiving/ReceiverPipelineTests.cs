using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Telnyx.Runtime.Primitives;

namespace Telnyx.Runtime.Tests.Webhooks.Receiving;

/// <summary>The receiver's checks in order, each outcome with its status code, and the body read under the limit.</summary>
public sealed class ReceiverPipelineTests
{
    private readonly WebhookHarness _harness = new();

    private static Task<TelnyxWebhookResult> Receive(TelnyxWebhookReceiver<TestEvent> receiver, byte[] body, IReadOnlyDictionary<string, string> headers, ITelnyxWebhookDispatcher<TestEvent> dispatcher, string? contentType = WebhookHarness.Json) =>
        receiver.ReceiveAsync(new MemoryStream(body), body.Length, contentType, headers, dispatcher, CancellationToken.None).AsTask();

    [Fact]
    public async Task ReceiveASignedDeliveryDispatchesItAndAnswers200Handled()
    {
        var receiver = _harness.CreateReceiver();
        var dispatcher = new RecordingDispatcher();
        byte[] body = WebhookHarness.Body("evt-1", "conference.created");

        var result = await receiver.ReceiveAsync(new MemoryStream(body), body.Length, "application/json; charset=utf-8", WebhookHarness.Headers(body), dispatcher, CancellationToken.None);

        Assert.Equal(new TelnyxWebhookResult(200, TelnyxWebhookOutcome.Handled, EventId: "evt-1", EventType: "conference.created"), result);
        var (webhookEvent, context) = Assert.Single(dispatcher.Calls);
        Assert.Equal("evt-1", webhookEvent.Id);
        Assert.Equal("evt-1", context.DeliveryId);
        Assert.Equal("conference.created", context.EventType);
        Assert.Equal(DateTimeOffset.Parse("2024-05-29T16:26:40Z", CultureInfo.InvariantCulture), context.OccurredAt);
        Assert.Equal(WebhookHarness.Timestamp(WebhookHarness.Now), context.Headers["telnyx-timestamp"]);
    }

    [Fact]
    public async Task ReceiveHandsTheHandlerTheRawBodyExactlyAsReadFromAChunkedStream()
    {
        var receiver = _harness.CreateReceiver();
        byte[] body = WebhookHarness.Body("evt-raw");
        byte[]? seen = null;
        var dispatcher = new RecordingDispatcher((_, context, _) =>
        {
            seen = context.RawBody.ToArray();
            return ValueTask.CompletedTask;
        });

        // 7-byte chunks, no declared length: the buffer grows and is assembled from many reads.
        var stream = new CountingStream(body, chunkSize: 7);
        var result = await receiver.ReceiveAsync(stream, null, WebhookHarness.Json, WebhookHarness.Headers(body), dispatcher, CancellationToken.None);

        Assert.Equal(TelnyxWebhookOutcome.Handled, result.Outcome);
        Assert.Equal(body, seen);
        Assert.Equal(body.Length, stream.BytesRead);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("APPLICATION/JSON")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("  application/json ;charset=\"UTF-8\"")]
    [InlineData("application/cloudevents+json")]
    [InlineData("application/vnd.telnyx.event+JSON; v=2")]
    public void JsonContentTypesAreAccepted(string contentType) =>
        Assert.True(TelnyxWebhookReceiver<TestEvent>.IsJsonContentType(contentType));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/jsonx")]
    [InlineData("application/+json")]
    [InlineData("json")]
    [InlineData("/json")]
    [InlineData("application/json/x")]
    [InlineData("application/json+xml")]
    public async Task ReceiveWithAContentTypeThatIsNotJsonAnswers415WithoutReading(string? contentType)
    {
        var receiver = _harness.CreateReceiver();
        var dispatcher = new RecordingDispatcher();
        byte[] body = WebhookHarness.Body("evt-ct");

        var result = await receiver.ReceiveAsync(new UnreadableStream(), body.Length, contentType, WebhookHarness.Headers(body), dispatcher, CancellationToken.None);
        var fromMemory = await receiver.ReceiveAsync(body, contentType, WebhookHarness.Headers(body), dispatcher, CancellationToken.None);

        Assert.Equal(new TelnyxWebhookResult(415, TelnyxWebhookOutcome.UnsupportedMediaType), result);
        Assert.Equal(result, fromMemory);
        Assert.Equal(0, dispatcher.Count);
    }

    [Fact]
    public async Task ReceiveWithADeclaredLengthOverTheLimitAnswers413WithoutReading()
    {
        var receiver = _harness.CreateReceiver(o => o.MaxBodyBytes = 1024);
        var dispatcher = new RecordingDispatcher();

        var result = await receiver.ReceiveAsync(new UnreadableStream(), 1025, WebhookHarness.Json, new Dictionary<string, string>(), dispatcher, CancellationToken.None);

        Assert.Equal(new TelnyxWebhookResult(413, TelnyxWebhookOutcome.BodyTooLarge), result);
        Assert.Equal(0, dispatcher.Count);
    }

    [Theory]
    [InlineData(null, int.MaxValue)] // chunked: no length at all
    [InlineData(null, 100)]
    [InlineData(10L, int.MaxValue)] // a declared length that lies
    [InlineData(-1L, 333)] // a nonsense length is ignored
    public async Task ReceiveOfAnEndlessBodyStopsOneBytePastTheLimitAndAnswers413(long? declaredLength, int chunkSize)
    {
        const int limit = 4096;
        var receiver = _harness.CreateReceiver(o => o.MaxBodyBytes = limit);
        var dispatcher = new RecordingDispatcher();
        var stream = new CountingStream(WebhookHarness.Body("evt-big"), chunkSize, endless: true);

        var result = await receiver.ReceiveAsync(stream, declaredLength, WebhookHarness.Json, new Dictionary<string, string>(), dispatcher, CancellationToken.None);

        Assert.Equal(new TelnyxWebhookResult(413, TelnyxWebhookOutcome.BodyTooLarge), result);
        Assert.Equal(limit + 1, stream.BytesRead);
        Assert.Equal(0, dispatcher.Count);
    }

    [Fact]
    public async Task ReceiveOfABodyExactlyAtTheLimitIsHandledAndOneByteMoreIs413()
    {
        byte[] compact = WebhookHarness.Body("evt-limit");
        int limit = compact.Length + 100;
        var receiver = _harness.CreateReceiver(o => o.MaxBodyBytes = limit);
        var dispatcher = new RecordingDispatcher();

        // Trailing spaces keep it one JSON object: exactly the limit, then one byte over.
        byte[] atLimit = [.. compact, .. Enumerable.Repeat((byte)' ', 100)];
        byte[] overLimit = [.. atLimit, (byte)' '];

        var atLimitChunked = await receiver.ReceiveAsync(new CountingStream(atLimit, chunkSize: 1000), null, WebhookHarness.Json, WebhookHarness.Headers(atLimit), dispatcher, CancellationToken.None);
        var overChunked = await receiver.ReceiveAsync(new CountingStream(overLimit), null, WebhookHarness.Json, WebhookHarness.Headers(overLimit), dispatcher, CancellationToken.None);
        var overFromMemory = await receiver.ReceiveAsync(overLimit, WebhookHarness.Json, WebhookHarness.Headers(overLimit), dispatcher, CancellationToken.None);

        Assert.Equal(TelnyxWebhookOutcome.Handled, atLimitChunked.Outcome);
        Assert.Equal(new TelnyxWebhookResult(413, TelnyxWebhookOutcome.BodyTooLarge), overChunked);
        Assert.Equal(overChunked, overFromMemory);
        Assert.Equal(1, dispatcher.Count);
    }

    [Fact]
    public async Task ReceiveOfAMissingOrEmptyBodyAnswers400EmptyBody()
    {
        var receiver = _harness.CreateReceiver();
        var dispatcher = new RecordingDispatcher();
        var headers = WebhookHarness.Headers([]);
        var expected = new TelnyxWebhookResult(400, TelnyxWebhookOutcome.EmptyBody);

        Assert.Equal(expected, await receiver.ReceiveAsync(new CountingStream([]), null, WebhookHarness.Json, headers, dispatcher, CancellationToken.None));
        Assert.Equal(expected, await receiver.ReceiveAsync(new UnreadableStream(), 0, WebhookHarness.Json, headers, dispatcher, CancellationToken.None));
        Assert.Equal(expected, await receiver.ReceiveAsync(Stream.Null, null, WebhookHarness.Json, headers, dispatcher, CancellationToken.None));
        Assert.Equal(expected, await receiver.ReceiveAsync(ReadOnlyMemory<byte>.Empty, WebhookHarness.Json, headers, dispatcher, CancellationToken.None));
        Assert.Equal(0, dispatcher.Count);
    }

    [Fact]
    public async Task ReceiveOfABodySignedWithAnotherKeyAnswers400InvalidSignature()
    {
        var receiver = _harness.CreateReceiver();
        var dispatcher = new RecordingDispatcher();
        byte[] body = WebhookHarness.Body("evt-forged");

        var result = await Receive(receiver, body, WebhookHarness.Headers(body, secretKey: WebhookHarness.OtherKey.SecretKey), dispatcher);

        Assert.Equal(new TelnyxWebhookResult(400, TelnyxWebhookOutcome.VerificationFailed, WebhookVerificationFailure.InvalidSignature), result);
        Assert.Equal(0, dispatcher.Count);
    }

    [Fact]
    public async Task ReceiveOfATamperedBodyAnswers400InvalidSignature()
    {
        var receiver = _harness.CreateReceiver();
        var dispatcher = new RecordingDispatcher();
        byte[] body = WebhookHarness.Body("evt-tampered");
        var headers = WebhookHarness.Headers(body);
        byte[] tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("+13129457420", "+13129457421", StringComparison.Ordinal));

        var result = await Receive(receiver, tampered, headers, dispatcher);

        Assert.Equal(WebhookVerificationFailure.InvalidSignature, result.VerificationFailure);
        Assert.Equal(400, result.StatusCode);
        Assert.Equal(0, dispatcher.Count);
    }

    public static TheoryData<string, WebhookVerificationFailure> BrokenHeaders => new()
    {
        { "no signature", WebhookVerificationFailure.MissingSignatureHeader },
        { "empty signature", WebhookVerificationFailure.MissingSignatureHeader },
        { "no timestamp", WebhookVerificationFailure.MissingTimestampHeader },
        { "signature not base64", WebhookVerificationFailure.InvalidSignatureEncoding },
        { "signature of 63 bytes", WebhookVerificationFailure.InvalidSignatureEncoding },
        { "timestamp not a number", WebhookVerificationFailure.InvalidTimestamp },
        { "negative timestamp", WebhookVerificationFailure.InvalidTimestamp },
        { "timestamp 301 s old", WebhookVerificationFailure.TimestampTooOld },
        { "timestamp a day old", WebhookVerificationFailure.TimestampTooOld },
        { "timestamp 301 s ahead", WebhookVerificationFailure.TimestampTooNew },
        { "signature of another timestamp", WebhookVerificationFailure.InvalidSignature },
    };

    [Theory]
    [MemberData(nameof(BrokenHeaders))]
    public async Task ReceiveWithEachVerificationFailureAnswers400WithItsReason(string breakage, WebhookVerificationFailure expected)
    {
        var receiver = _harness.CreateReceiver();
        var dispatcher = new RecordingDispatcher();
        byte[] body = WebhookHarness.Body("evt-broken");
        var headers = Broken(body, breakage);

        var result = await Receive(receiver, body, headers, dispatcher);

        Assert.Equal(new TelnyxWebhookResult(400, TelnyxWebhookOutcome.VerificationFailed, expected), result);
        Assert.Equal(0, dispatcher.Count);
    }

    private static Dictionary<string, string> Broken(byte[] body, string breakage)
    {
        var headers = WebhookHarness.Headers(body);
        string now = WebhookHarness.Timestamp(WebhookHarness.Now);
        switch (breakage)
        {
            case "no signature": headers.Remove("telnyx-signature-ed25519"); break;
            case "empty signature": headers["telnyx-signature-ed25519"] = ""; break;
            case "no timestamp": headers.Remove("telnyx-timestamp"); break;
            case "signature not base64": headers["telnyx-signature-ed25519"] = "not*base64!"; break;
            case "signature of 63 bytes": headers["telnyx-signature-ed25519"] = Convert.ToBase64String(new byte[63]); break;
            case "timestamp not a number": headers["telnyx-timestamp"] = now + "a"; break;
            case "negative timestamp": headers["telnyx-timestamp"] = "-" + now; break;
            case "timestamp 301 s old": return WebhookHarness.Headers(body, WebhookHarness.Now.AddSeconds(-301));
            case "timestamp a day old": return WebhookHarness.Headers(body, WebhookHarness.Now.AddDays(-1));
            case "timestamp 301 s ahead": return WebhookHarness.Headers(body, WebhookHarness.Now.AddSeconds(301));
            case "signature of another timestamp": headers["telnyx-timestamp"] = WebhookHarness.Timestamp(WebhookHarness.Now.AddSeconds(-1)); break;
            default: throw new ArgumentOutOfRangeException(nameof(breakage));
        }

        return headers;
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public async Task ReceiveAtTheEdgeOfTheToleranceIsHandled(int offsetSeconds)
    {
        var receiver = _harness.CreateReceiver();
        var dispatcher = new RecordingDispatcher();
        byte[] body = WebhookHarness.Body("evt-edge" + offsetSeconds);

        var result = await Receive(receiver, body, WebhookHarness.Headers(body, WebhookHarness.Now.AddSeconds(offsetSeconds)), dispatcher);

        Assert.Equal(TelnyxWebhookOutcome.Handled, result.Outcome);
    }

    [Fact]
    public async Task ReceiveWithAToleranceFromTheOptionsRefusesWhatTheDefaultWouldAccept()
    {
        var receiver = _harness.CreateReceiver(o => o.Tolerance = TimeSpan.FromSeconds(10));
        byte[] body = WebhookHarness.Body("evt-tolerance");

        var result = await Receive(receiver, body, WebhookHarness.Headers(body, WebhookHarness.Now.AddSeconds(-11)), new RecordingDispatcher());

        Assert.Equal(WebhookVerificationFailure.TimestampTooOld, result.VerificationFailure);
    }

    [Fact]
    public async Task ReceiveReadsHeadersCaseInsensitivelyEvenFromACaseSensitiveDictionary()
    {
        var receiver = _harness.CreateReceiver();
        var dispatcher = new RecordingDispatcher();
        byte[] body = WebhookHarness.Body("evt-case");
        var signed = WebhookHarness.Headers(body);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["TELNYX-SIGNATURE-ED25519"] = signed["telnyx-signature-ed25519"],
            ["Telnyx-Timestamp"] = signed["telnyx-timestamp"],
        };

        var result = await Receive(receiver, body, headers, dispatcher);

        Assert.Equal(TelnyxWebhookOutcome.Handled, result.Outcome);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("\"a string\"")]
    [InlineData("{\"data\":{\"id\":\"evt-no-type\"}}")]
    [InlineData("{\"data\":{\"event_type\":\"call.initiated\",\"id\":\"x\"}} {}")]
    [InlineData("   ")]
    public async Task ReceiveOfASignedBodyThatIsNotAnEventAnswers400Malformed(string text)
    {
        var receiver = _harness.CreateReceiver();
        var dispatcher = new RecordingDispatcher();
        byte[] body = Encoding.UTF8.GetBytes(text);

        var result = await Receive(receiver, body, WebhookHarness.Headers(body), dispatcher);

        Assert.Equal(new TelnyxWebhookResult(400, TelnyxWebhookOutcome.MalformedBody), result);
        Assert.Equal(0, dispatcher.Count);
    }

    [Fact]
    public async Task ReceiveWhenTheParserThrowsSomethingElseOrReturnsNothingAnswers400Malformed()
    {
        var options = new TelnyxWebhookReceiverOptions { TimeProvider = _harness.Time };
        var verifier = new TelnyxWebhookVerifier(WebhookHarness.PublicKeyBase64, null, _harness.Time);
        var throwing = new TelnyxWebhookReceiver<TestEvent>(verifier, _ => throw new InvalidOperationException("parser bug"), null, options, _harness.Logger);
        var returningNull = new TelnyxWebhookReceiver<TestEvent>(verifier, _ => null!, null, options, _harness.Logger);
        byte[] body = WebhookHarness.Body("evt-parser");
        var dispatcher = new RecordingDispatcher();

        Assert.Equal(TelnyxWebhookOutcome.MalformedBody, (await Receive(throwing, body, WebhookHarness.Headers(body), dispatcher)).Outcome);
        Assert.Equal(TelnyxWebhookOutcome.MalformedBody, (await Receive(returningNull, body, WebhookHarness.Headers(body), dispatcher)).Outcome);
        Assert.Equal(0, dispatcher.Count);
    }

    [Fact]
    public async Task ReceiveWhenTheHandlerThrowsAnswers500HandlerFailed()
    {
        var receiver = _harness.CreateReceiver();
        byte[] body = WebhookHarness.Body("evt-throws");
        var asyncThrow = new RecordingDispatcher(async (_, _, _) =>
        {
            await Task.Yield();
            throw new InvalidOperationException("database down");
        });
        var syncThrow = new RecordingDispatcher((_, _, _) => throw new InvalidOperationException("thrown before any await"));

        var first = await Receive(receiver, body, WebhookHarness.Headers(body), asyncThrow);
        var second = await Receive(receiver, body, WebhookHarness.Headers(body), syncThrow);

        Assert.Equal(new TelnyxWebhookResult(500, TelnyxWebhookOutcome.HandlerFailed, EventId: "evt-throws", EventType: "call.initiated"), first);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task ReceiveWhenTheBodyStreamFailsLogsAndRethrows()
    {
        var receiver = _harness.CreateReceiver();

        await Assert.ThrowsAsync<IOException>(() => receiver.ReceiveAsync(new FailingStream(new IOException("connection reset")), 100, WebhookHarness.Json, new Dictionary<string, string>(), new RecordingDispatcher(), CancellationToken.None).AsTask());

        var entry = Assert.Single(_harness.Logger.Entries);
        Assert.Equal(111, entry.EventId.Id);
        Assert.Equal("IOException", entry["Error"]);
    }

    [Fact]
    public async Task ReceiveAbortedWhileReadingTheBodyThrowsOperationCancelled()
    {
        var receiver = _harness.CreateReceiver();
        using var aborted = new CancellationTokenSource();
        aborted.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => receiver.ReceiveAsync(new CountingStream([1, 2, 3]), 3, WebhookHarness.Json, new Dictionary<string, string>(), new RecordingDispatcher(), aborted.Token).AsTask());

        Assert.Equal("request aborted", Assert.Single(_harness.Logger.Entries)["Error"]);
    }

    [Fact]
    public async Task ReceiveOfAnEventWithoutIdIsDispatchedEveryTime()
    {
        var receiver = _harness.CreateReceiver();
        var dispatcher = new RecordingDispatcher();
        byte[] body = """{"data":{"event_type":"call.hangup","payload":{}}}"""u8.ToArray();

        var first = await Receive(receiver, body, WebhookHarness.Headers(body), dispatcher);
        var second = await Receive(receiver, body, WebhookHarness.Headers(body), dispatcher);

        Assert.Equal(new TelnyxWebhookResult(200, TelnyxWebhookOutcome.Handled, EventType: "call.hangup"), first);
        Assert.Equal(first, second);
        Assert.Equal(2, dispatcher.Count);
        Assert.Null(dispatcher.Calls[0].Context.DeliveryId);
    }

    [Fact]
    public async Task ReceiveOfABareEventWithoutEnvelopeIsHandled()
    {
        var receiver = _harness.CreateReceiver();
        var dispatcher = new RecordingDispatcher();
        byte[] body = """{"event_type":"conference.ended","id":"evt-bare","occurred_at":"2024-05-29T16:26:40Z"}"""u8.ToArray();

        var result = await Receive(receiver, body, WebhookHarness.Headers(body), dispatcher);

        Assert.Equal(new TelnyxWebhookResult(200, TelnyxWebhookOutcome.Handled, EventId: "evt-bare", EventType: "conference.ended"), result);
    }

    [Fact]
    public void ReceiverRefusesOptionsThatCannotWork()
    {
        var verifier = new TelnyxWebhookVerifier(WebhookHarness.PublicKeyBase64);
        TelnyxWebhookReceiver<TestEvent> Create(Action<TelnyxWebhookReceiverOptions> change)
        {
            var options = new TelnyxWebhookReceiverOptions();
            change(options);
            return new TelnyxWebhookReceiver<TestEvent>(verifier, TestEvent.Parse, null, options);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => Create(o => o.MaxBodyBytes = 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(o => o.HandlerTimeout = TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(o => o.DeduplicationWindow = TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentNullException>(() => Create(o => o.TimeProvider = null!));
        Assert.NotNull(Create(_ => { }));
    }
}
