using System;
using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace Telnyx.Testing;

/// <summary>
/// An Ed25519 key pair that signs webhooks as Telnyx does: base64 of the 64-byte signature over UTF-8
/// <c>"{timestamp}|"</c> followed by the raw body, the timestamp in Unix seconds. libsodium through NSec.
/// </summary>
public sealed class WebhookSigner : IDisposable
{
    public const string SignatureHeaderName = "telnyx-signature-ed25519";

    public const string TimestampHeaderName = "telnyx-timestamp";

    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;

    private readonly Key _key;
    private readonly TimeProvider _clock;

    /// <summary>A fresh random key pair.</summary>
    /// <param name="clock">The clock of the timestamps <see cref="Sign(byte[], TimeSpan)"/> writes; the system clock by default.</param>
    public WebhookSigner(TimeProvider? clock = null)
        : this(Key.Create(Ed25519), clock)
    {
    }

    private WebhookSigner(Key key, TimeProvider? clock)
    {
        _key = key;
        _clock = clock ?? TimeProvider.System;
        PublicKeyBytes = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        PublicKey = Convert.ToBase64String(PublicKeyBytes);
    }

    /// <summary>The key pair of a 32-byte seed, as RFC 8032 derives it (the same seed always gives the same key).</summary>
    public static WebhookSigner FromSeed(ReadOnlySpan<byte> seed, TimeProvider? clock = null) =>
        new(Key.Import(Ed25519, seed, KeyBlobFormat.RawPrivateKey), clock);

    /// <summary>The raw 32-byte public key.</summary>
    public byte[] PublicKeyBytes { get; }

    /// <summary>The public key as the Mission Control Portal shows it: base64 of the raw 32 bytes.</summary>
    public string PublicKey { get; }

    public static string UnixSeconds(DateTimeOffset instant) => instant.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>The base64 signature of <paramref name="body"/> at <paramref name="timestamp"/> (the header's text).</summary>
    public string Signature(string timestamp, ReadOnlySpan<byte> body)
    {
        byte[] message = new byte[Encoding.UTF8.GetByteCount(timestamp) + 1 + body.Length];
        int prefix = Encoding.UTF8.GetBytes(timestamp, message);
        message[prefix] = (byte)'|';
        body.CopyTo(message.AsSpan(prefix + 1));
        return Convert.ToBase64String(SignMessage(message));
    }

    /// <summary>The raw 64-byte Ed25519 signature of any message.</summary>
    public byte[] SignMessage(ReadOnlySpan<byte> message) => Ed25519.Sign(_key, message);

    /// <summary>Signs <paramref name="body"/> with the timestamp text <paramref name="timestamp"/>.</summary>
    public SignedWebhook Sign(byte[] body, string timestamp) => new(body, timestamp, Signature(timestamp, body));

    /// <summary>Signs <paramref name="body"/> timestamped at <paramref name="at"/>.</summary>
    public SignedWebhook Sign(byte[] body, DateTimeOffset at) => Sign(body, UnixSeconds(at));

    /// <summary>Signs <paramref name="body"/> timestamped now (by the signer's clock) plus <paramref name="offset"/>.</summary>
    public SignedWebhook Sign(byte[] body, TimeSpan offset = default) => Sign(body, _clock.GetUtcNow() + offset);

    /// <summary>Signs the UTF-8 bytes of <paramref name="body"/> timestamped now plus <paramref name="offset"/>.</summary>
    public SignedWebhook Sign(string body, TimeSpan offset = default) => Sign(Encoding.UTF8.GetBytes(body), offset);

    public void Dispose() => _key.Dispose();
}
