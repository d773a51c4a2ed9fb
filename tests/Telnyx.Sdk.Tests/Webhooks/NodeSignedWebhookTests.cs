using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Telnyx.Runtime;
using Telnyx.TestSupport;

namespace Telnyx.Sdk.Tests.Webhooks;

/// <summary>
/// Cross-check with an independent signer: Node's crypto (OpenSSL) signs every webhook case, plus stale and future ones,
/// in one node process; <c>client.Webhooks.Unwrap</c> (libsodium through NSec) accepts the genuine ones and gives the
/// right <see cref="WebhookVerificationFailure"/> for tampered, stale and re-serialized bodies.
/// </summary>
public sealed class NodeSignedWebhookTests : IClassFixture<NodeSignedWebhookTests.Signed>
{
    /// <summary>The seed Node signs with; NSec must derive the same public key from it.</summary>
    private static readonly byte[] Seed = [.. Enumerable.Range(1, 32).Select(i => (byte)(i * 7))];

    /// <summary>Everything Node signed, keyed by the case name and a suffix for the timestamp variant.</summary>
    public sealed class Signed
    {
        public Signed()
        {
            var requests = new List<(string Name, string Timestamp, byte[] Body)>();
            foreach (WebhookCase c in WebhookCases.All)
            {
                requests.Add((c.Name, WebhookSigner.UnixSeconds(TestWebhooks.Now), c.Body));
                requests.Add((c.Name + "/stale", WebhookSigner.UnixSeconds(TestWebhooks.Now.AddSeconds(-301)), c.Body));
                requests.Add((c.Name + "/future", WebhookSigner.UnixSeconds(TestWebhooks.Now.AddSeconds(301)), c.Body));
            }

            var answers = NodeEd25519.Sign([.. requests.Select(r => (Seed, (byte[])[.. Encoding.UTF8.GetBytes(r.Timestamp + "|"), .. r.Body]))]);
            PublicKey = answers[0].PublicKey;
            Webhooks = requests.Select((r, i) => (r.Name, Webhook: new SignedWebhook(r.Body, r.Timestamp, Convert.ToBase64String(answers[i].Signature))))
                .ToDictionary(x => x.Name, x => x.Webhook);
            Assert.All(answers, a => Assert.Equal(PublicKey, a.PublicKey));
        }

        public byte[] PublicKey { get; }

        internal Dictionary<string, SignedWebhook> Webhooks { get; }
    }

    private readonly Signed _signed;

    public NodeSignedWebhookTests(Signed signed) => _signed = signed;

    private TelnyxClient CreateClient() => TestWebhooks.CreateClient(Convert.ToBase64String(_signed.PublicKey));

    [Fact]
    public void NodeAndNSecDeriveTheSamePublicKey()
    {
        using WebhookSigner nsec = WebhookSigner.FromSeed(Seed);
        Assert.Equal(Convert.ToHexString(nsec.PublicKeyBytes), Convert.ToHexString(_signed.PublicKey));
    }

    [Theory]
    [MemberData(nameof(WebhookCases.Names), MemberType = typeof(WebhookCases))]
    public void NodeSignedWebhookUnwrapsToTheTypedEvent(string name)
    {
        using TelnyxClient client = CreateClient();
        SignedWebhook signed = _signed.Webhooks[name];
        WebhookCases.Get(name).Check(client.Webhooks.Unwrap(signed.Body, TelnyxWebhookHeaders.From(signed.Headers())));
    }

    [Theory]
    [MemberData(nameof(WebhookCases.Names), MemberType = typeof(WebhookCases))]
    public void NodeSignedWebhookWithAnyByteChangedIsInvalidSignature(string name)
    {
        using TelnyxClient client = CreateClient();
        SignedWebhook signed = _signed.Webhooks[name];
        var random = new Random(name.Length);
        for (int i = 0; i < 8; i++)
        {
            byte[] tampered = (byte[])signed.Body.Clone();
            tampered[random.Next(tampered.Length)] ^= (byte)(1 << random.Next(8));
            Assert.Equal(WebhookVerificationFailure.InvalidSignature, Reason(client, signed with { Body = tampered }));
        }
    }

    [Theory]
    [MemberData(nameof(WebhookCases.Names), MemberType = typeof(WebhookCases))]
    public void NodeSignedWebhookStaleOrFutureIsOutsideTheWindow(string name)
    {
        using TelnyxClient client = CreateClient();
        Assert.Equal(WebhookVerificationFailure.TimestampTooOld, Reason(client, _signed.Webhooks[name + "/stale"]));
        Assert.Equal(WebhookVerificationFailure.TimestampTooNew, Reason(client, _signed.Webhooks[name + "/future"]));
    }

    [Theory]
    [MemberData(nameof(WebhookCases.Names), MemberType = typeof(WebhookCases))]
    public void NodeSignedWebhookReSerializedIsInvalidSignature(string name)
    {
        // What a framework that parses the body and hands it on re-serialized does: same JSON, other bytes.
        using TelnyxClient client = CreateClient();
        SignedWebhook signed = _signed.Webhooks[name];
        using JsonDocument parsed = JsonDocument.Parse(signed.Body);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            parsed.RootElement.WriteTo(writer);
        }

        byte[] indented = buffer.WrittenSpan.ToArray();
        Assert.NotEqual(signed.Body, indented);
        Assert.Equal(WebhookVerificationFailure.InvalidSignature, Reason(client, signed with { Body = indented }));
    }

    [Fact]
    public void NodeSignedWebhookUnderAnotherKeyIsInvalidSignature()
    {
        using TelnyxClient client = TestWebhooks.CreateClient(TestWebhooks.NewSigner());
        SignedWebhook signed = _signed.Webhooks[WebhookCases.All[0].Name];
        Assert.Equal(WebhookVerificationFailure.InvalidSignature, Reason(client, signed));
    }

    private static WebhookVerificationFailure Reason(TelnyxClient client, SignedWebhook signed) =>
        Assert.Throws<WebhookVerificationException>(() => client.Webhooks.Unwrap(signed.Body, TelnyxWebhookHeaders.From(signed.Headers()))).Reason;
}
