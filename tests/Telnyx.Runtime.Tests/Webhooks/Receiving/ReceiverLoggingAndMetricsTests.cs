using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Telnyx.Runtime.Tests.Webhooks.Receiving;

/// <summary>One log line per delivery not handled, never with secrets or the body; the three counters and their tags.</summary>
public sealed class ReceiverLoggingAndMetricsTests
{
    private const string Phone = "+13129457420"; // in every test body: must never reach a log line

    /// <summary>A delivery gone wrong in one way: what to send, and what it must produce.</summary>
    public sealed record Case(string Name, TelnyxWebhookOutcome Outcome, int Status, string Reason, LogLevel Level, int LogEventId, bool EventKnown)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<string> Cases => new(s_cases.Keys);

    private static readonly Dictionary<string, Case> s_cases = new Case[]
    {
        new("wrong content type", TelnyxWebhookOutcome.UnsupportedMediaType, 415, "unsupported_media_type", LogLevel.Warning, 101, false),
        new("too large", TelnyxWebhookOutcome.BodyTooLarge, 413, "body_too_large", LogLevel.Warning, 101, false),
        new("empty", TelnyxWebhookOutcome.EmptyBody, 400, "empty_body", LogLevel.Warning, 101, false),
        new("forged", TelnyxWebhookOutcome.VerificationFailed, 400, "invalid_signature", LogLevel.Warning, 101, false),
        new("stale", TelnyxWebhookOutcome.VerificationFailed, 400, "timestamp_too_old", LogLevel.Warning, 101, false),
        new("future", TelnyxWebhookOutcome.VerificationFailed, 400, "timestamp_too_new", LogLevel.Warning, 101, false),
        new("unsigned", TelnyxWebhookOutcome.VerificationFailed, 400, "missing_signature_header", LogLevel.Warning, 101, false),
        new("malformed", TelnyxWebhookOutcome.MalformedBody, 400, "malformed_body", LogLevel.Warning, 101, false),
        new("handler throws", TelnyxWebhookOutcome.HandlerFailed, 500, "handler_failed", LogLevel.Error, 106, true),
        new("handler hangs", TelnyxWebhookOutcome.HandlerTimedOut, 500, "handler_timed_out", LogLevel.Error, 107, true),
        new("store down", TelnyxWebhookOutcome.StoreUnavailable, 503, "store_unavailable", LogLevel.Error, 104, true),
        new("in progress", TelnyxWebhookOutcome.InProgress, 409, "in_progress", LogLevel.Information, 103, true),
    }.ToDictionary(c => c.Name);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task RefusedDeliveryLogsOneLineWithItsOutcomeAndCountsOneRejectionByReason(string name)
    {
        Case c = s_cases[name];
        var harness = new WebhookHarness();
        using var metrics = new WebhookMetrics();
        var (receiver, body, headers, contentType, dispatcher) = Arrange(harness, name);

        var result = await receiver.ReceiveAsync(new MemoryStream(body), body.Length, contentType, headers, dispatcher, CancellationToken.None);

        Assert.Equal((c.Status, c.Outcome), (result.StatusCode, result.Outcome));
        var entry = Assert.Single(harness.Logger.Entries);
        Assert.Equal(c.Level, entry.Level);
        Assert.Equal(c.LogEventId, entry.EventId.Id);
        Assert.Equal(c.Outcome, entry["Outcome"]);
        Assert.Equal(c.Status, entry["StatusCode"]);
        if (c.LogEventId == 101)
        {
            Assert.StartsWith(c.Reason, (string)entry["Reason"]!, StringComparison.Ordinal);
        }
        if (c.EventKnown)
        {
            Assert.Equal("evt-" + name.Replace(' ', '-'), entry["EventId"]);
            Assert.Equal("call.answered", entry["EventType"]);
        }

        AssertNoSecrets(harness.Logger, body, headers);

        Assert.Equal(1, metrics.Rejected(c.Reason));
        Assert.Equal(1, metrics.Total);
        var measurement = Assert.Single(metrics.Measurements);
        Assert.Equal(c.EventKnown ? "call.answered" : null, measurement.Tags.GetValueOrDefault(TelnyxTelemetry.WebhookEventTypeAttribute));
    }

    private static (TelnyxWebhookReceiver<TestEvent>, byte[], Dictionary<string, string>, string, RecordingDispatcher) Arrange(WebhookHarness harness, string name)
    {
        byte[] body = WebhookHarness.Body("evt-" + name.Replace(' ', '-'), "call.answered");
        var headers = WebhookHarness.Headers(body);
        var contentType = WebhookHarness.Json;
        var dispatcher = new RecordingDispatcher();
        var receiver = harness.CreateReceiver(o => o.HandlerTimeout = TimeSpan.FromMilliseconds(150));
        switch (name)
        {
            case "wrong content type": contentType = "text/plain"; break;
            case "too large": receiver = harness.CreateReceiver(o => o.MaxBodyBytes = 64); break;
            case "empty": body = []; break;
            case "forged": headers = WebhookHarness.Headers(body, secretKey: WebhookHarness.OtherKey.SecretKey); break;
            case "stale": headers = WebhookHarness.Headers(body, WebhookHarness.Now.AddMinutes(-10)); break;
            case "future": headers = WebhookHarness.Headers(body, WebhookHarness.Now.AddMinutes(10)); break;
            case "unsigned": headers.Remove("telnyx-signature-ed25519"); break;
            case "malformed":
                body = Encoding.UTF8.GetBytes("{\"data\":{\"event_type\":\"call.answered\",\"to\":\"" + Phone + "\" oops");
                headers = WebhookHarness.Headers(body);
                break;
            case "handler throws": dispatcher = new RecordingDispatcher((_, _, _) => throw new InvalidOperationException("handler bug")); break;
            case "handler hangs": dispatcher = new RecordingDispatcher((_, _, _) => new ValueTask(new TaskCompletionSource().Task)); break;
            case "store down":
                receiver = harness.CreateReceiver(store: new RecordingStore(new DistributedCacheDeliveryStore(WebhookHarness.NewCache())) { ClaimError = new IOException("redis down") });
                break;
            case "in progress": receiver = harness.CreateReceiver(store: new FixedAnswerStore(TelnyxDeliveryClaimStatus.InProgress)); break;
            default: throw new ArgumentOutOfRangeException(nameof(name));
        }

        return (receiver, body, headers, contentType, dispatcher);
    }

    private static void AssertNoSecrets(RecordingLogger logger, byte[] body, Dictionary<string, string> headers)
    {
        string text = logger.AllText;
        if (headers.TryGetValue("telnyx-signature-ed25519", out var signature))
        {
            Assert.DoesNotContain(signature, text, StringComparison.Ordinal);
            Assert.DoesNotContain(signature.Substring(0, 16), text, StringComparison.Ordinal);
        }
        if (headers.TryGetValue("telnyx-timestamp", out var timestamp))
        {
            Assert.DoesNotContain(timestamp, text, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(Phone, text, StringComparison.Ordinal);
        if (body.Length > 0)
        {
            Assert.DoesNotContain(Encoding.UTF8.GetString(body), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task HandledDeliveryLogsAtDebugAndCountsOneAcceptanceByEventType()
    {
        var harness = new WebhookHarness();
        using var metrics = new WebhookMetrics();
        var receiver = harness.CreateReceiver();
        byte[] body = WebhookHarness.Body("evt-handled-log", "conference.participant.joined");
        var headers = WebhookHarness.Headers(body);

        await receiver.ReceiveAsync(body, WebhookHarness.Json, headers, new RecordingDispatcher(), CancellationToken.None);

        var entry = Assert.Single(harness.Logger.Entries);
        Assert.Equal(LogLevel.Debug, entry.Level);
        Assert.Equal("evt-handled-log", entry["EventId"]);
        Assert.Equal(1, metrics.Sum(TelnyxTelemetry.WebhookAcceptedInstrument, eventType: "conference.participant.joined"));
        Assert.Equal(1, metrics.Total);
        AssertNoSecrets(harness.Logger, body, headers);
    }

    [Fact]
    public async Task DuplicateDeliveryLogsAtInformationAndCountsOneDuplicate()
    {
        var harness = new WebhookHarness();
        var receiver = harness.CreateReceiver();
        byte[] body = WebhookHarness.Body("evt-dup-log", "call.hangup");
        await receiver.ReceiveAsync(body, WebhookHarness.Json, WebhookHarness.Headers(body), new RecordingDispatcher(), CancellationToken.None);
        using var metrics = new WebhookMetrics();

        await receiver.ReceiveAsync(body, WebhookHarness.Json, WebhookHarness.Headers(body), new RecordingDispatcher(), CancellationToken.None);

        var entry = harness.Logger.Entries[^1];
        Assert.Equal((LogLevel.Information, 102, "evt-dup-log"), (entry.Level, entry.EventId.Id, entry["EventId"]));
        Assert.Equal(TelnyxWebhookOutcome.Duplicate, entry["Outcome"]);
        Assert.Equal(1, metrics.Duplicates);
        Assert.Equal(1, metrics.Sum(TelnyxTelemetry.WebhookDuplicateInstrument, eventType: "call.hangup"));
        Assert.Equal(1, metrics.Total);
    }

    [Fact]
    public async Task HandlerExceptionIsLoggedWithTheEventIdAndTheException()
    {
        var harness = new WebhookHarness();
        var receiver = harness.CreateReceiver();
        var error = new InvalidOperationException("order 42 not found");
        byte[] body = WebhookHarness.Body("evt-handler-exception");

        await receiver.ReceiveAsync(body, WebhookHarness.Json, WebhookHarness.Headers(body), new RecordingDispatcher((_, _, _) => ValueTask.FromException(error)), CancellationToken.None);

        var entry = Assert.Single(harness.Logger.Entries);
        Assert.Same(error, entry.Exception);
        Assert.Equal("evt-handler-exception", entry["EventId"]);
        Assert.Contains("evt-handler-exception", entry.Message, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryVerificationReasonHasItsOwnSnakeCaseMetricValue()
    {
        var values = Enum.GetValues<WebhookVerificationFailure>().Where(f => f != WebhookVerificationFailure.None).Select(TelnyxWebhookReasons.Of).ToArray();
        var outcomes = Enum.GetValues<TelnyxWebhookOutcome>().Select(TelnyxWebhookReasons.Of).ToArray();

        Assert.Equal(values.Length, values.Distinct().Count());
        Assert.Equal(outcomes.Length, outcomes.Distinct().Count());
        Assert.All(values.Concat(outcomes), v => Assert.Matches("^[a-z]+(_[a-z]+)*$", v));
        Assert.DoesNotContain("unknown", outcomes);
        Assert.Equal(["missing_signature_header", "missing_timestamp_header", "invalid_signature_encoding", "invalid_timestamp", "timestamp_too_old", "timestamp_too_new", "invalid_signature"], values);
    }

    [Fact]
    public async Task MalformedBodyLogNamesWhereTheJsonBrokeButNotWhatItSaid()
    {
        var harness = new WebhookHarness();
        var receiver = harness.CreateReceiver();
        byte[] body = Encoding.UTF8.GetBytes("{\"data\":{\"to\":\"" + Phone + "\",}}");

        await receiver.ReceiveAsync(body, WebhookHarness.Json, WebhookHarness.Headers(body), new RecordingDispatcher(), CancellationToken.None);

        var reason = (string)Assert.Single(harness.Logger.Entries)["Reason"]!;
        Assert.StartsWith("malformed_body: JsonException at ", reason, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, harness.Logger.AllText, StringComparison.Ordinal);
    }
}
