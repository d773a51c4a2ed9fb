using System;
using System.Runtime.InteropServices;
using System.Text;

namespace Telnyx.Demo;

/// <summary>
/// The few libsodium functions the embedded server needs to sign webhooks, called through P/Invoke.
/// (Receiving apps verify with the runtime's managed <c>TelnyxWebhookVerifier</c>; no native code needed there.)
/// </summary>
internal static unsafe partial class Sodium
{
    private const string Library = "libsodium.so.23";
    private static readonly Lazy<string?> LoadError = new(TryInitialize);

    /// <summary>Null when libsodium is usable, else why not.</summary>
    public static string? UnavailableReason => LoadError.Value;

    public static bool IsAvailable => UnavailableReason is null;

    /// <summary>A new Ed25519 key pair: a 32-byte public key and a 64-byte secret key.</summary>
    public static (byte[] PublicKey, byte[] SecretKey) CreateKeyPair()
    {
        var pk = new byte[32];
        var sk = new byte[64];
        fixed (byte* p = pk)
        fixed (byte* s = sk)
        {
            if (crypto_sign_keypair(p, s) != 0)
            {
                throw new InvalidOperationException("crypto_sign_keypair failed.");
            }
        }
        return (pk, sk);
    }

    /// <summary>The base64 Ed25519 signature over <c>"{timestamp}|{body}"</c>, as Telnyx sends it.</summary>
    public static string SignWebhook(byte[] secretKey, string timestamp, ReadOnlySpan<byte> body)
    {
        var message = SignedMessage(timestamp, body);
        var signature = new byte[64];
        fixed (byte* sig = signature)
        fixed (byte* m = message)
        fixed (byte* sk = secretKey)
        {
            if (crypto_sign_detached(sig, null, m, (ulong)message.Length, sk) != 0)
            {
                throw new InvalidOperationException("crypto_sign_detached failed.");
            }
        }
        return Convert.ToBase64String(signature);
    }

    /// <summary>The bytes Telnyx signs: UTF-8 <c>"{timestamp}|"</c> followed by the raw body.</summary>
    public static byte[] SignedMessage(string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp + "|");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return message;
    }

    private static string? TryInitialize()
    {
        if (!NativeLibrary.TryLoad(Library, out _))
        {
            return $"{Library} could not be loaded (install libsodium, e.g. apt-get install libsodium23)";
        }
        try
        {
            return sodium_init() >= 0 ? null : "sodium_init failed";
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return $"{Library}: {e.Message}";
        }
    }

    [LibraryImport(Library)]
    private static partial int sodium_init();

    [LibraryImport(Library)]
    private static partial int crypto_sign_keypair(byte* pk, byte* sk);

    [LibraryImport(Library)]
    private static partial int crypto_sign_detached(byte* sig, ulong* siglen, byte* m, ulong mlen, byte* sk);
}
