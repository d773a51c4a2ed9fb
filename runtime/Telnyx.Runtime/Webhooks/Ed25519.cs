using System;
using System.Buffers;
using NSec.Cryptography;

namespace Telnyx.Runtime;

/// <summary>
/// Ed25519 verification (RFC 8032) through NSec, that is libsodium's <c>crypto_sign_ed25519_verify_detached</c>.
/// Internal: the public surface is <see cref="TelnyxWebhookVerifier"/>.
/// </summary>
/// <remarks>
/// libsodium is strict: it rejects S ≥ L, public keys that are non-canonical or of small order, and R values of small
/// order, and checks the cofactorless equation by comparing the encoding of [S]B - [k]A with R's bytes.
/// </remarks>
internal static class Ed25519
{
    /// <summary>Size of an Ed25519 public key, in bytes.</summary>
    public const int PublicKeySize = 32;

    /// <summary>Size of an Ed25519 signature, in bytes.</summary>
    public const int SignatureSize = 64;

    /// <summary>Signed messages up to this size are assembled on the stack; larger ones in a pooled array.</summary>
    private const int StackMessageLimit = 1024;

    /// <summary>Imports a raw 32-byte key once (libsodium needs no per-key preparation beyond this copy).</summary>
    /// <returns>The key, or null when the bytes are not 32 long.</returns>
    /// <exception cref="PlatformNotSupportedException">The native libsodium library could not be loaded.</exception>
    public static PublicKey? TryImport(ReadOnlySpan<byte> publicKey) =>
        PublicKey.TryImport(SodiumLoader.Ed25519, publicKey, KeyBlobFormat.RawPublicKey, out PublicKey? key) ? key : null;

    /// <summary>Verifies a signature; false for malformed input of any kind (wrong lengths included), never throws for it.</summary>
    /// <exception cref="PlatformNotSupportedException">The native libsodium library could not be loaded.</exception>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        PublicKey? key = publicKey.Length == PublicKeySize ? TryImport(publicKey) : null;
        return key is not null && Verify(key, ReadOnlySpan<byte>.Empty, message, signature);
    }

    /// <summary>
    /// Verifies a signature over <paramref name="messagePrefix"/> ‖ <paramref name="message"/>. libsodium's detached API
    /// takes one buffer, so the two parts are copied together first (on the stack for webhook-sized bodies).
    /// </summary>
    public static bool Verify(PublicKey publicKey, ReadOnlySpan<byte> messagePrefix, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != SignatureSize)
        {
            return false;
        }

        if (messagePrefix.IsEmpty)
        {
            return SodiumLoader.Ed25519.Verify(publicKey, message, signature);
        }

        long length = (long)messagePrefix.Length + message.Length;
        if (length > Array.MaxLength)
        {
            return false; // cannot be assembled; no webhook is 2 GB
        }

        byte[]? rented = null;
        Span<byte> buffer = length <= StackMessageLimit
            ? stackalloc byte[StackMessageLimit]
            : (rented = ArrayPool<byte>.Shared.Rent((int)length));
        try
        {
            buffer = buffer.Slice(0, (int)length);
            messagePrefix.CopyTo(buffer);
            message.CopyTo(buffer.Slice(messagePrefix.Length));
            return SodiumLoader.Ed25519.Verify(publicKey, buffer, signature);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
