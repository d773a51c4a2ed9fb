using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Telnyx.Runtime;

namespace Telnyx.Sdk.Tests.Webhooks;

/// <summary>What <c>client.Webhooks.Unwrap</c> does with webhooks that are not authentic, not fresh, or not parseable.</summary>
public sealed class WebhookVerificationTests
{
    private static readonly WebhookSigner Signer = TestWebhooks.NewSigner();

    private static WebhookCase Joined => WebhookCases.Get(ConferenceParticipantJoinedEvent.Type);

    private static WebhookVerificationException Rejected(SignedWebhook signed, Dictionary<string, string>? headers = null, TelnyxClient? client = null)
    {
        using TelnyxClient owned = TestWebhooks.CreateClient(Signer);
        return Assert.Throws<WebhookVerificationException>(() => (client ?? owned).Webhooks.Unwrap(signed.Body, TelnyxWebhookHeaders.From(headers ?? signed.Headers())));
    }

    [Fact]
    public void TamperedBodyOneByteChangedIsInvalidSignature()
    {
        SignedWebhook signed = Signer.Sign(Joined.Body);
        byte[] tampered = (byte[])signed.Body.Clone();
        int at = Encoding.UTF8.GetString(tampered).IndexOf("41b9acd4", StringComparison.Ordinal);
        Assert.True(at > 0);
        tampered[at] = (byte)'5'; // still valid JSON: another conference id

        var ex = Rejected(signed with { Body = tampered });

        Assert.Equal(WebhookVerificationFailure.InvalidSignature, ex.Reason);
        // The untouched body still passes: the byte is what made the difference.
        using TelnyxClient client = TestWebhooks.CreateClient(Signer);
        Joined.Check(client.Webhooks.Unwrap(signed.Body, TelnyxWebhookHeaders.From(signed.Headers())));
    }

    [Fact]
    public void TamperedTimestampIsInvalidSignature()
    {
        SignedWebhook signed = Signer.Sign(Joined.Body);
        string later = WebhookSigner.UnixSeconds(TestWebhooks.Now.AddSeconds(1)); // still well within the window

        var ex = Rejected(signed with { Timestamp = later });

        Assert.Equal(WebhookVerificationFailure.InvalidSignature, ex.Reason);
    }

    [Fact]
    public void Timestamp301SecondsOldIsTimestampTooOld()
    {
        var ex = Rejected(Signer.Sign(Joined.Body, TimeSpan.FromSeconds(-301)));

        Assert.Equal(WebhookVerificationFailure.TimestampTooOld, ex.Reason);
    }

    [Fact]
    public void Timestamp301SecondsAheadIsTimestampTooNew()
    {
        var ex = Rejected(Signer.Sign(Joined.Body, TimeSpan.FromSeconds(301)));

        Assert.Equal(WebhookVerificationFailure.TimestampTooNew, ex.Reason);
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public void TimestampExactly300SecondsAwayIsAccepted(int seconds)
    {
        SignedWebhook signed = Signer.Sign(Joined.Body, TimeSpan.FromSeconds(seconds));
        using TelnyxClient client = TestWebhooks.CreateClient(Signer);

        Joined.Check(client.Webhooks.Unwrap(signed.Body, TelnyxWebhookHeaders.From(signed.Headers())));
    }

    [Fact]
    public void WebhookToleranceFromTheOptionsIsTheWindow()
    {
        SignedWebhook signed = Signer.Sign(Joined.Body, TimeSpan.FromSeconds(-11));
        var clock = new FakeTimeProvider(TestWebhooks.Now);
        using var client = new TelnyxClient(new TelnyxClientOptions
        {
            ApiKey = "KEY_test",
            WebhookPublicKey = Signer.PublicKey,
            WebhookTolerance = TimeSpan.FromSeconds(10),
            TimeProvider = clock,
        });

        var ex = Assert.Throws<WebhookVerificationException>(() => client.Webhooks.Unwrap(signed.Body, TelnyxWebhookHeaders.From(signed.Headers())));
        Assert.Equal(WebhookVerificationFailure.TimestampTooOld, ex.Reason);

        // The same client's clock is read on every call.
        clock.Now = TestWebhooks.Now.AddSeconds(-1);
        Joined.Check(client.Webhooks.Unwrap(signed.Body, TelnyxWebhookHeaders.From(signed.Headers())));
    }

    [Fact]
    public void WrongKeyIsInvalidSignature()
    {
        SignedWebhook signed = TestWebhooks.NewSigner().Sign(Joined.Body);

        var ex = Rejected(signed);

        Assert.Equal(WebhookVerificationFailure.InvalidSignature, ex.Reason);
    }

    [Fact]
    public void MissingSignatureHeaderIsMissingSignatureHeader()
    {
        SignedWebhook signed = Signer.Sign(Joined.Body);
        Dictionary<string, string> headers = signed.Headers();
        headers.Remove(TelnyxWebhookVerifier.SignatureHeaderName);

        var ex = Rejected(signed, headers);

        Assert.Equal(WebhookVerificationFailure.MissingSignatureHeader, ex.Reason);
    }

    [Fact]
    public void MissingTimestampHeaderIsMissingTimestampHeader()
    {
        SignedWebhook signed = Signer.Sign(Joined.Body);
        Dictionary<string, string> headers = signed.Headers();
        headers.Remove(TelnyxWebhookVerifier.TimestampHeaderName);

        var ex = Rejected(signed, headers);

        Assert.Equal(WebhookVerificationFailure.MissingTimestampHeader, ex.Reason);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("c2lnbmF0dXJl")] // valid base64, but 9 bytes rather than 64
    public void BadSignatureEncodingIsInvalidSignatureEncoding(string signature)
    {
        SignedWebhook signed = Signer.Sign(Joined.Body) with { Signature = signature };

        var ex = Rejected(signed);

        Assert.Equal(WebhookVerificationFailure.InvalidSignatureEncoding, ex.Reason);
    }

    [Theory]
    [InlineData("""{"data":{"record_type":"event","event_type":"conference.participant.joined","id":"0ccc7b54""")] // cut short
    [InlineData("""{"data":{"record_type":"event","event_type":"call.enqueued","payload":{]}}""")]
    [InlineData("not json")]
    [InlineData("")]
    public void MalformedJsonCorrectlySignedPassesVerificationThenThrowsJsonException(string body)
    {
        // The documented outcome: the signature is checked over the raw bytes first; parsing fails afterwards.
        SignedWebhook signed = Signer.Sign(body);
        using TelnyxClient client = TestWebhooks.CreateClient(Signer);
        client.Webhooks.Verifier.Verify(signed.Body, TelnyxWebhookHeaders.From(signed.Headers()));

        Assert.ThrowsAny<JsonException>(() => client.Webhooks.Unwrap(signed.Body, TelnyxWebhookHeaders.From(signed.Headers())));
    }

    // A signed body must be exactly one JSON object: "{...}garbage" must not parse as the event.
    [Theory]
    [InlineData("garbage")]
    [InlineData("{}")]
    [InlineData("]")]
    public void TrailingContentAfterTheObjectCorrectlySignedThrowsJsonException(string trailer)
    {
        string body = Encoding.UTF8.GetString(Joined.Body) + trailer;
        SignedWebhook signed = Signer.Sign(body);
        using TelnyxClient client = TestWebhooks.CreateClient(Signer);
        Assert.ThrowsAny<JsonException>(() => client.Webhooks.Unwrap(signed.Body, TelnyxWebhookHeaders.From(signed.Headers())));
    }

    [Fact]
    public void MalformedJsonBadlySignedIsAVerificationFailureNotAJsonException()
    {
        SignedWebhook signed = Signer.Sign("{\"data\":") with { Body = Encoding.UTF8.GetBytes("{\"data\":!") };

        var ex = Rejected(signed);

        Assert.Equal(WebhookVerificationFailure.InvalidSignature, ex.Reason);
    }

    [Theory]
    [InlineData("""[{"data":{"record_type":"event","event_type":"conference.created","id":"0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"}}]""")]
    [InlineData("[]")]
    [InlineData("\"conference.created\"")]
    [InlineData("42")]
    public void NonObjectJsonCorrectlySignedThrowsJsonException(string body)
    {
        SignedWebhook signed = Signer.Sign(body);
        using TelnyxClient client = TestWebhooks.CreateClient(Signer);

        Assert.ThrowsAny<JsonException>(() => client.Webhooks.Unwrap(signed.Body, TelnyxWebhookHeaders.From(signed.Headers())));
    }

    [Fact]
    public void UnknownEventTypeCorrectlySignedIsUnknownWebhookEventWithTheWholeBody()
    {
        const string body = """
            {
              "data": {
                "record_type": "event",
                "event_type": "conference.participant.muted",
                "id": "7e9c3a10-1b2d-4c5e-8f90-a1b2c3d4e5f6",
                "occurred_at": "2024-05-14T09:29:59Z",
                "payload": { "conference_id": "41b9acd4-f4da-4ff5-a85c-e07e90b53f46", "muted": true }
              },
              "meta": { "attempt": 2, "delivered_to": "https://example.com/webhooks" }
            }
            """;
        SignedWebhook signed = Signer.Sign(body);
        using TelnyxClient client = TestWebhooks.CreateClient(Signer);

        TelnyxWebhookEvent e = client.Webhooks.Unwrap(signed.Body, TelnyxWebhookHeaders.From(signed.Headers()));

        var unknown = Assert.IsType<UnknownWebhookEvent>(e);
        Assert.Equal("conference.participant.muted", unknown.EventType);
        Assert.Equal("7e9c3a10-1b2d-4c5e-8f90-a1b2c3d4e5f6", unknown.Id);
        Assert.Equal("event", unknown.RecordType);
        Assert.Equal(new DateTimeOffset(2024, 5, 14, 9, 29, 59, TimeSpan.Zero), unknown.OccurredAt);
        Assert.Equal(2, unknown.Meta!.Value.GetProperty("attempt").GetInt32());
        // Raw is the whole body, envelope included, exactly as received.
        Assert.Equal(body, unknown.Raw.GetRawText());
        Assert.True(unknown.Raw.GetProperty("data").GetProperty("payload").GetProperty("muted").GetBoolean());
        Assert.Equal(2, unknown.Raw.GetProperty("meta").GetProperty("attempt").GetInt32());
    }

    [Fact]
    public void MissingEventTypeCorrectlySignedIsUnknownWebhookEventWithAnEmptyType()
    {
        const string body = """{"data":{"record_type":"event","id":"abc"},"meta":{"attempt":1}}""";
        SignedWebhook signed = Signer.Sign(body);
        using TelnyxClient client = TestWebhooks.CreateClient(Signer);

        var unknown = Assert.IsType<UnknownWebhookEvent>(client.Webhooks.Unwrap(signed.Body, TelnyxWebhookHeaders.From(signed.Headers())));

        Assert.Equal(string.Empty, unknown.EventType);
        Assert.Equal(body, unknown.Raw.GetRawText());
    }
}
