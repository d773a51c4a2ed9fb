using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using Microsoft.AspNetCore.Http;
using Telnyx.Runtime;

namespace Telnyx.Sdk.Tests.Webhooks;

/// <summary>Each of the spec's events, signed, verified and parsed into its typed record with every field.</summary>
public sealed class WebhookEventTests
{
    private static readonly WebhookSigner Signer = TestWebhooks.NewSigner();

    [Fact]
    public void TheCasesCoverAllSixteenEventsEachWithItsOwnType()
    {
        string[] expected =
        [
            "call.enqueued", "call.dequeued", "conference.created", "conference.ended", "conference.floor.changed",
            "conference.participant.joined", "conference.participant.left",
            "conference.participant.playback.ended", "conference.participant.playback.started",
            "conference.participant.speak.ended", "conference.participant.speak.started",
            "conference.playback.ended", "conference.playback.started", "conference.recording.saved",
            "conference.speak.ended", "conference.speak.started",
        ];
        Assert.Equal(expected.Order(), WebhookCases.All.Select(c => c.EventType).Distinct().Order());

        var types = WebhookCases.All.Where(c => c.Wrapped)
            .Select(c => TelnyxWebhookEvent.ParseUnverified(c.Body).GetType())
            .ToList();
        Assert.Equal(16, types.Count);
        Assert.Equal(16, types.Distinct().Count());
        Assert.DoesNotContain(typeof(UnknownWebhookEvent), types);
    }

    [Theory]
    [MemberData(nameof(WebhookCases.Names), MemberType = typeof(WebhookCases))]
    public void UnwrapSignedEventIsTheTypedEventWithEveryField(string name)
    {
        WebhookCase c = WebhookCases.Get(name);
        SignedWebhook signed = Signer.Sign(c.Body);
        using TelnyxClient client = TestWebhooks.CreateClient(Signer);

        TelnyxWebhookEvent e = client.Webhooks.Unwrap(signed.Body, TelnyxWebhookHeaders.From(signed.Headers()));

        c.Check(e);
    }

    [Theory]
    [MemberData(nameof(WebhookCases.Names), MemberType = typeof(WebhookCases))]
    public void UnwrapFromEveryHeaderSourceGivesTheSameTypedEvent(string name)
    {
        WebhookCase c = WebhookCases.Get(name);
        SignedWebhook signed = Signer.Sign(c.Body);
        using TelnyxClient client = TestWebhooks.CreateClient(Signer);

        // A dictionary, as the signer hands them out.
        c.Check(client.Webhooks.Unwrap(signed.Body, TelnyxWebhookHeaders.From(signed.Headers())));

        // ASP.NET Core's IHeaderDictionary (a dictionary of StringValues), names spelt as a proxy might.
        var aspNetCore = new HeaderDictionary { ["Telnyx-Signature-Ed25519"] = signed.Signature, ["Telnyx-Timestamp"] = signed.Timestamp };
        c.Check(client.Webhooks.Unwrap(signed.Body, TelnyxWebhookHeaders.From(aspNetCore)));

        // The two values themselves.
        c.Check(client.Webhooks.Unwrap(signed.Body, new TelnyxWebhookHeaders(signed.Signature, signed.Timestamp)));

        // HttpHeaders, as HttpClient and HttpRequestMessage hold them.
        using var request = new HttpRequestMessage();
        request.Headers.TryAddWithoutValidation(TelnyxWebhookVerifier.SignatureHeaderName, signed.Signature);
        request.Headers.TryAddWithoutValidation(TelnyxWebhookVerifier.TimestampHeaderName, signed.Timestamp);
        c.Check(client.Webhooks.Unwrap(signed.Body, TelnyxWebhookHeaders.From(request.Headers)));

        // A header accessor.
        Dictionary<string, string> headers = signed.Headers();
        c.Check(client.Webhooks.Unwrap(signed.Body, TelnyxWebhookHeaders.From(n => headers.GetValueOrDefault(n))));
    }

    [Theory]
    [MemberData(nameof(WebhookCases.Names), MemberType = typeof(WebhookCases))]
    public void ParseUnverifiedGivesTheSameTypedEventWithoutAnyKey(string name)
    {
        WebhookCase c = WebhookCases.Get(name);

        c.Check(TelnyxWebhookEvent.ParseUnverified(c.Body));

        // The client's ParseUnverified needs no public key: the verifier is never built.
        using var client = new TelnyxClient(new Telnyx.Runtime.TelnyxClientOptions { ApiKey = "KEY_test", WebhookPublicKey = null });
        c.Check(client.Webhooks.ParseUnverified(c.Body));
    }

    [Fact]
    public void EnvelopeWithMetaBeforeDataStillKeepsMeta()
    {
        const string body = """
            {"meta":{"attempt":1,"delivered_to":"https://example.com/webhooks"},
             "data":{"record_type":"event","event_type":"conference.speak.started","id":"0ccc7b54-4df3-4bca-a65a-3da1ecc777f0",
                     "payload":{"connection_id":"1494404757140276705","creator_call_session_id":"4ac1e6ee-f9e0-11ea-b68e-02420a0f7768",
                                "conference_id":"41b9acd4-f4da-4ff5-a85c-e07e90b53f46","occurred_at":"2024-05-14T09:29:58.123456Z"}}}
            """;
        SignedWebhook signed = Signer.Sign(body);
        using TelnyxClient client = TestWebhooks.CreateClient(Signer);

        WebhookCases.Get(ConferenceSpeakStartedEvent.Type).Check(client.Webhooks.Unwrap(signed.Body, TelnyxWebhookHeaders.From(signed.Headers())));
    }

    [Fact]
    public void HeaderNamesAreCaseInsensitiveInACaseSensitiveDictionary()
    {
        WebhookCase c = WebhookCases.Get(ConferenceParticipantJoinedEvent.Type);
        SignedWebhook signed = Signer.Sign(c.Body);
        using TelnyxClient client = TestWebhooks.CreateClient(Signer);

        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Content-Type"] = "application/json",
            ["Telnyx-Signature-Ed25519"] = signed.Signature!,
            ["Telnyx-Timestamp"] = signed.Timestamp!,
        };

        c.Check(client.Webhooks.Unwrap(signed.Body, TelnyxWebhookHeaders.From(headers)));
    }

    [Fact]
    public void HeaderNamesAreCaseInsensitiveInAListOfPairs()
    {
        WebhookCase c = WebhookCases.Get(ConferenceParticipantJoinedEvent.Type);
        SignedWebhook signed = Signer.Sign(c.Body);
        using TelnyxClient client = TestWebhooks.CreateClient(Signer);

        List<KeyValuePair<string, string>> headers =
        [
            new("TELNYX-TIMESTAMP", signed.Timestamp!),
            new("telnyx-SIGNATURE-ed25519", signed.Signature!),
        ];

        c.Check(client.Webhooks.Unwrap(signed.Body, TelnyxWebhookHeaders.From(headers)));
    }

    [Fact]
    public void HeaderNamesAreCaseInsensitiveInHttpHeaders()
    {
        WebhookCase c = WebhookCases.Get(ConferenceParticipantJoinedEvent.Type);
        SignedWebhook signed = Signer.Sign(c.Body);
        using TelnyxClient client = TestWebhooks.CreateClient(Signer);

        using var request = new HttpRequestMessage();
        request.Headers.TryAddWithoutValidation("Telnyx-Signature-Ed25519", signed.Signature);
        request.Headers.TryAddWithoutValidation("TELNYX-Timestamp", signed.Timestamp);

        c.Check(client.Webhooks.Unwrap(signed.Body, TelnyxWebhookHeaders.From(request.Headers)));
    }

    [Fact]
    public void HeaderAccessorIsAskedForTheDocumentedNamesAndWorksOverAspNetCoreHeaders()
    {
        WebhookCase c = WebhookCases.Get(ConferenceParticipantJoinedEvent.Type);
        SignedWebhook signed = Signer.Sign(c.Body);
        using TelnyxClient client = TestWebhooks.CreateClient(Signer);

        // What ASP.NET Core hands a handler: a case-insensitive header dictionary, here with the names as a proxy might spell them.
        var headers = new HeaderDictionary
        {
            ["Telnyx-Signature-Ed25519"] = signed.Signature,
            ["Telnyx-Timestamp"] = signed.Timestamp,
        };
        var asked = new List<string>();

        TelnyxWebhookEvent e = client.Webhooks.Unwrap(signed.Body, TelnyxWebhookHeaders.From(name =>
        {
            asked.Add(name);
            return headers[name].ToString() is { Length: > 0 } v ? v : null;
        }));

        c.Check(e);
        Assert.Equal(["telnyx-signature-ed25519", "telnyx-timestamp"], asked.Order());
    }
}
