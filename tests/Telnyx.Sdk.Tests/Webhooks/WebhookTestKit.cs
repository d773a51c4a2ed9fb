using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using NSec.Cryptography;
using Telnyx.Runtime.Http;
using Telnyx.Runtime.Webhooks;

namespace Telnyx.Sdk.Tests.Webhooks;

/// <summary>A clock that stands still at a chosen instant.</summary>
internal sealed class FakeTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>A webhook as it arrives: the raw body and the two signature headers.</summary>
internal sealed record SignedWebhook(byte[] Body, string Timestamp, string Signature)
{
    /// <summary>The headers with the names Telnyx documents (lower case).</summary>
    public Dictionary<string, string> Headers() => new()
    {
        [TelnyxWebhookVerifier.SignatureHeaderName] = Signature,
        [TelnyxWebhookVerifier.TimestampHeaderName] = Timestamp,
    };
}

/// <summary>A throwaway Ed25519 key pair that signs webhooks as Telnyx does, and clients that trust it.</summary>
internal sealed class WebhookSigner
{
    /// <summary>The instant every test's clock shows: a whole number of seconds, so the tolerance edges are exact.</summary>
    public static readonly DateTimeOffset Now = new(2024, 5, 14, 9, 30, 0, TimeSpan.Zero);

    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519); // libsodium through NSec, as the runtime verifies

    public WebhookSigner()
    {
        PublicKey = Convert.ToBase64String(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    /// <summary>The public key as the Mission Control Portal shows it: base64 of the raw 32 bytes.</summary>
    public string PublicKey { get; }

    public static string UnixSeconds(DateTimeOffset instant) => instant.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>Signs UTF-8 <c>"{timestamp}|{body}"</c>, timestamped at <see cref="Now"/> plus <paramref name="offset"/>.</summary>
    public SignedWebhook Sign(byte[] body, TimeSpan offset = default) => Sign(body, UnixSeconds(Now + offset));

    public SignedWebhook Sign(string body, TimeSpan offset = default) => Sign(Encoding.UTF8.GetBytes(body), offset);

    public SignedWebhook Sign(byte[] body, string timestamp)
    {
        byte[] prefix = Encoding.UTF8.GetBytes(timestamp + "|");
        byte[] message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message, prefix.Length);
        return new SignedWebhook(body, timestamp, Convert.ToBase64String(SignatureAlgorithm.Ed25519.Sign(_key, message)));
    }

    /// <summary>A client whose webhooks trust this key, with the clock stopped at <see cref="Now"/>.</summary>
    public TelnyxClient CreateClient(TimeProvider? timeProvider = null) => CreateClient(PublicKey, timeProvider);

    public static TelnyxClient CreateClient(string? publicKey, TimeProvider? timeProvider = null) => new(new TelnyxClientOptions
    {
        ApiKey = "KEY_test",
        MaxRetries = 0,
        WebhookPublicKey = publicKey,
        TimeProvider = timeProvider ?? new FakeTimeProvider(Now),
    });
}
