using System;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using NSec.Cryptography;

namespace Telnyx.AspNetCore.Tests.Infrastructure;

/// <summary>A delivery as Telnyx sends it: the raw body and the two signature headers.</summary>
public sealed record SignedDelivery(byte[] Body, string? Timestamp, string? Signature, string ContentType = "application/json")
{
    /// <summary>A POST of this delivery; headers that are null are left out.</summary>
    public HttpRequestMessage ToRequest(string url)
    {
        var content = new ByteArrayContent(Body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        if (Signature is not null)
        {
            request.Headers.TryAddWithoutValidation(SignatureHeader, Signature);
        }

        if (Timestamp is not null)
        {
            request.Headers.TryAddWithoutValidation(TimestampHeader, Timestamp);
        }

        return request;
    }

    public const string SignatureHeader = "telnyx-signature-ed25519";
    public const string TimestampHeader = "telnyx-timestamp";
}

/// <summary>
/// A throwaway Ed25519 key pair that signs as Telnyx does: libsodium through NSec, base64 of the 64-byte signature over
/// UTF-8 <c>"{timestamp}|"</c> followed by the raw body, the timestamp in Unix seconds.
/// </summary>
public sealed class WebhookSigner : IDisposable
{
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519);

    /// <summary>The public key as the Mission Control Portal shows it: base64 of the raw 32 bytes.</summary>
    public string PublicKey => Convert.ToBase64String(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    public static string UnixSeconds(DateTimeOffset instant) => instant.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>Signs <paramref name="body"/> timestamped now plus <paramref name="offset"/> (the real clock: the receiver's is too).</summary>
    public SignedDelivery Sign(byte[] body, TimeSpan offset = default) => Sign(body, UnixSeconds(DateTimeOffset.UtcNow + offset));

    public SignedDelivery Sign(byte[] body, string timestamp) => new(body, timestamp, SignatureOf(body, timestamp));

    public string SignatureOf(byte[] body, string timestamp)
    {
        byte[] prefix = Encoding.UTF8.GetBytes(timestamp + "|");
        byte[] message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message, prefix.Length);
        return Convert.ToBase64String(SignatureAlgorithm.Ed25519.Sign(_key, message));
    }

    public void Dispose() => _key.Dispose();
}
