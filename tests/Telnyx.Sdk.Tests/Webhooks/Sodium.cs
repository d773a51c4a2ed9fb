using System;
using System.Runtime.InteropServices;

namespace Telnyx.Sdk.Tests.Webhooks;

/// <summary>
/// The system libsodium (soname 23), used only to sign test webhooks the way Telnyx does.
/// Arrays of bytes are blittable: they are pinned and passed as pointers, so no unsafe code is needed.
/// </summary>
internal static class Sodium
{
    private const string Library = "libsodium.so.23";

    public const int PublicKeySize = 32;
    public const int SecretKeySize = 64;
    public const int SignatureSize = 64;

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int sodium_init();

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int crypto_sign_keypair(byte[] pk, byte[] sk);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int crypto_sign_detached(byte[] sig, out ulong siglen, byte[] m, ulong mlen, byte[] sk);

    private static readonly object InitLock = new();
    private static bool initialized;

    private static void EnsureInitialized()
    {
        lock (InitLock)
        {
            if (!initialized)
            {
                // 0: initialized now, 1: already initialized, -1: failure.
                if (sodium_init() < 0)
                {
                    throw new InvalidOperationException("sodium_init failed.");
                }

                initialized = true;
            }
        }
    }

    /// <summary>A fresh random key pair: (32-byte public key, 64-byte secret key).</summary>
    public static (byte[] PublicKey, byte[] SecretKey) GenerateKeyPair()
    {
        EnsureInitialized();
        byte[] publicKey = new byte[PublicKeySize];
        byte[] secretKey = new byte[SecretKeySize];
        if (crypto_sign_keypair(publicKey, secretKey) != 0)
        {
            throw new InvalidOperationException("crypto_sign_keypair failed.");
        }

        return (publicKey, secretKey);
    }

    /// <summary>The detached Ed25519 signature of <paramref name="message"/>.</summary>
    public static byte[] Sign(byte[] message, byte[] secretKey)
    {
        if (secretKey.Length != SecretKeySize)
        {
            throw new ArgumentException("A libsodium secret key is 64 bytes.", nameof(secretKey));
        }

        EnsureInitialized();
        byte[] signature = new byte[SignatureSize];
        if (crypto_sign_detached(signature, out ulong length, message, (ulong)message.Length, secretKey) != 0 || length != SignatureSize)
        {
            throw new InvalidOperationException("crypto_sign_detached failed.");
        }

        return signature;
    }
}
