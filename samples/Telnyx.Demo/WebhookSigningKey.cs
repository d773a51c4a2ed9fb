using System;
using System.Text;
using NSec.Cryptography;

namespace Telnyx.Demo;

/// <summary>
/// The embedded server's Ed25519 key, signing webhooks as Telnyx does. NSec (libsodium, shipped in the libsodium NuGet
/// package for Linux, macOS and Windows), so the demo needs nothing installed beyond the .NET SDK.
/// </summary>
internal sealed class WebhookSigningKey : IDisposable
{
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519);

    /// <summary>The raw 32-byte public key, what the receiver's verifier is given.</summary>
    public byte[] PublicKey => _key.PublicKey.Export(KeyBlobFormat.RawPublicKey);

    /// <summary>The base64 Ed25519 signature over UTF-8 <c>"{timestamp}|"</c> followed by the raw body.</summary>
    public string Sign(string timestamp, ReadOnlySpan<byte> body)
    {
        byte[] message = new byte[timestamp.Length + 1 + body.Length];
        int prefix = Encoding.UTF8.GetBytes(timestamp + "|", message);
        body.CopyTo(message.AsSpan(prefix));
        return Convert.ToBase64String(SignatureAlgorithm.Ed25519.Sign(_key, message));
    }

    public void Dispose() => _key.Dispose();
}
