using System;
using System.Buffers;
using System.Security.Cryptography;

namespace Telnyx.Runtime.Webhooks;

/// <summary>
/// Ed25519 signature verification (RFC 8032), written in managed code because .NET has no public Ed25519 API.
/// </summary>
/// <remarks>
/// <para>
/// Verification is strict and accepts exactly the signatures libsodium's <c>crypto_sign_verify_detached</c> accepts
/// (checked by a differential test), which also satisfies every Wycheproof Ed25519 vector. A signature is rejected when:
/// </para>
/// <list type="bullet">
/// <item>the public key is not 32 bytes or the signature not 64 bytes;</item>
/// <item>S (the signature's second half) is not below the group order L (malleability);</item>
/// <item>the public key A is not a canonical encoding (y ≥ p) or is not a point on the curve;</item>
/// <item>A or R has small order (the eight points whose order divides 8, including their non-canonical encodings);</item>
/// <item>the cofactorless equation [S]B = R + [k]A, k = SHA-512(R ‖ A ‖ M) mod L, does not hold. It is checked as
/// libsodium does, by encoding [S]B - [k]A and comparing the bytes with R, so a non-canonical or off-curve R never matches.</item>
/// </list>
/// <para>
/// Like libsodium, it accepts public keys and R values with a small-order component (mixed order) when that equation holds,
/// and reduces k mod L before multiplying. Wycheproof marks none of its vectors "acceptable", so there was no choice to make there.
/// </para>
/// <para>
/// The implementation is variable-time, which is fine for verification: every input is public.
/// </para>
/// </remarks>
public static partial class Ed25519
{
    /// <summary>Size of an Ed25519 public key, in bytes.</summary>
    public const int PublicKeySize = 32;

    /// <summary>Size of an Ed25519 signature, in bytes.</summary>
    public const int SignatureSize = 64;

    /// <summary>Width of the signed sliding window for the public key's scalar.</summary>
    private const int PublicKeyWindow = 5;

    /// <summary>Number of precomputed odd multiples of the public key: A, 3A, …, (2^(PublicKeyWindow-1) - 1)·A.</summary>
    private const int PublicKeyTableSize = 1 << (PublicKeyWindow - 2);

    /// <summary>Messages up to this size (plus R and A) are hashed from a stack buffer; larger ones from a pooled array.</summary>
    private const int StackHashLimit = 2048;

    /// <summary>Verifies an Ed25519 signature.</summary>
    /// <param name="publicKey">The signer's 32-byte public key.</param>
    /// <param name="message">The signed message.</param>
    /// <param name="signature">The 64-byte signature (R ‖ S).</param>
    /// <returns>
    /// <see langword="true"/> when the signature is valid; <see langword="false"/> for an invalid signature and for
    /// malformed input of any kind (wrong lengths, non-canonical encodings, small-order points). Never throws.
    /// </returns>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
        => Verify(publicKey, ReadOnlySpan<byte>.Empty, message, signature);

    /// <summary>Verifies a signature over the concatenation <paramref name="messagePrefix"/> ‖ <paramref name="message"/>.</summary>
    internal static bool Verify(
        ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> messagePrefix, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        Span<CachedPoint> minusAMultiples = stackalloc CachedPoint[PublicKeyTableSize];
        return signature.Length == SignatureSize
            && TryPreparePublicKey(publicKey, minusAMultiples)
            && VerifyPrepared(publicKey, minusAMultiples, messagePrefix, message, signature);
    }

    /// <summary>Verifies a signature with a public key decoded once by <see cref="PreparedPublicKey.TryCreate"/>.</summary>
    internal static bool Verify(
        PreparedPublicKey publicKey, ReadOnlySpan<byte> messagePrefix, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
        => signature.Length == SignatureSize
            && VerifyPrepared(publicKey.Encoding, publicKey.MinusAMultiples, messagePrefix, message, signature);

    /// <summary>True when the 32 bytes are a public key <see cref="Verify(ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/> can accept.</summary>
    internal static bool IsValidPublicKey(ReadOnlySpan<byte> publicKey)
    {
        Span<CachedPoint> unused = stackalloc CachedPoint[PublicKeyTableSize];
        return TryPreparePublicKey(publicKey, unused);
    }

    /// <summary>
    /// A public key checked and decoded once, with the multiples of -A that every verification needs: for verifying
    /// many signatures by the same signer (such as webhooks from Telnyx).
    /// </summary>
    internal sealed class PreparedPublicKey
    {
        private PreparedPublicKey(byte[] encoding, CachedPoint[] minusAMultiples)
        {
            Encoding = encoding;
            MinusAMultiples = minusAMultiples;
        }

        /// <summary>The 32-byte encoding of A.</summary>
        public byte[] Encoding { get; }

        /// <summary>-A, -3A, …, -15A.</summary>
        public CachedPoint[] MinusAMultiples { get; }

        /// <summary>The prepared key, or null when the bytes are not a public key libsodium would accept.</summary>
        public static PreparedPublicKey? TryCreate(ReadOnlySpan<byte> publicKey)
        {
            var multiples = new CachedPoint[PublicKeyTableSize];
            return TryPreparePublicKey(publicKey, multiples) ? new PreparedPublicKey(publicKey.ToArray(), multiples) : null;
        }
    }

    /// <summary>
    /// Checks the public key as libsodium does (32 bytes, canonical, on the curve, not of small order), decodes it and
    /// fills <paramref name="minusAMultiples"/> with -A, -3A, -5A, …: the odd multiples a width-5 NAF digit can select.
    /// The negation is done here so that the main loop computes [S]B + [k](-A) = [S]B - [k]A with additions only.
    /// </summary>
    private static bool TryPreparePublicKey(ReadOnlySpan<byte> publicKey, Span<CachedPoint> minusAMultiples)
    {
        if (publicKey.Length != PublicKeySize || HasSmallOrderY(publicKey) || !ExtendedPoint.TryDecode(publicKey, out ExtendedPoint a))
        {
            return false;
        }

        ExtendedPoint.Negate(out ExtendedPoint minusA, a);
        minusA.ToCached(out minusAMultiples[0]);
        minusA.Double(out ExtendedPoint minus2A);
        minus2A.ToCached(out CachedPoint minus2ACached);
        ExtendedPoint multiple = minusA;
        for (int i = 1; i < minusAMultiples.Length; i++)
        {
            CompletedPoint.Add(out CompletedPoint sum, multiple, minus2ACached);
            sum.ToExtended(out multiple);
            multiple.ToCached(out minusAMultiples[i]);
        }

        return true;
    }

    /// <summary>The verification proper, for a key that passed <see cref="TryPreparePublicKey"/> and a 64-byte signature.</summary>
    private static bool VerifyPrepared(
        ReadOnlySpan<byte> publicKey,
        ReadOnlySpan<CachedPoint> minusAMultiples,
        ReadOnlySpan<byte> messagePrefix,
        ReadOnlySpan<byte> message,
        ReadOnlySpan<byte> signature)
    {
        ReadOnlySpan<byte> r = signature.Slice(0, 32);
        ReadOnlySpan<byte> s = signature.Slice(32, 32);

        // The remaining encoding checks, as libsodium makes them: S < L, and R not of small order.
        if (!Scalar.IsCanonical(s) || HasSmallOrderY(r))
        {
            return false;
        }

        // k = SHA-512(R ‖ A ‖ M) mod L.
        Span<byte> k = stackalloc byte[32];
        ComputeChallenge(r, publicKey, messagePrefix, message, k);

        // R' = [S]B + [k](-A); the signature is valid when R' encodes to exactly the bytes of R.
        DoubleScalarMultiplyWithBase(k, minusAMultiples, s, out ProjectivePoint rCheck);
        Span<byte> rCheckEncoding = stackalloc byte[32];
        rCheck.Encode(rCheckEncoding);
        return rCheckEncoding.SequenceEqual(r);
    }

    /// <summary>k = SHA-512(R ‖ A ‖ prefix ‖ message) reduced mod L.</summary>
    private static void ComputeChallenge(
        ReadOnlySpan<byte> r, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> messagePrefix, ReadOnlySpan<byte> message, Span<byte> k)
    {
        Span<byte> digest = stackalloc byte[64];
        long length = 64L + messagePrefix.Length + message.Length;
        if (length > Array.MaxLength)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
            hash.AppendData(r);
            hash.AppendData(publicKey);
            hash.AppendData(messagePrefix);
            hash.AppendData(message);
            hash.GetHashAndReset(digest);
        }
        else
        {
            byte[]? rented = null;
            Span<byte> buffer = length <= StackHashLimit
                ? stackalloc byte[StackHashLimit]
                : (rented = ArrayPool<byte>.Shared.Rent((int)length));
            buffer = buffer.Slice(0, (int)length);
            r.CopyTo(buffer);
            publicKey.CopyTo(buffer.Slice(32));
            messagePrefix.CopyTo(buffer.Slice(64));
            message.CopyTo(buffer.Slice(64 + messagePrefix.Length));
            SHA512.HashData(buffer, digest);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        Scalar.Reduce(digest, k);
    }

    /// <summary>
    /// result = [a]P + [b]B, both scalars below 2^253, by Straus' method ("Shamir's trick"): a single run of doublings
    /// from the top bit down, adding the multiples selected by each scalar's non-adjacent form along the way.
    /// </summary>
    /// <param name="a">P's scalar.</param>
    /// <param name="pMultiples">P, 3P, 5P, …, 15P.</param>
    /// <param name="b">B's scalar (B's odd multiples are precomputed once, in <see cref="Curve.BaseOddMultiples"/>).</param>
    /// <param name="result">The sum.</param>
    private static void DoubleScalarMultiplyWithBase(
        ReadOnlySpan<byte> a, ReadOnlySpan<CachedPoint> pMultiples, ReadOnlySpan<byte> b, out ProjectivePoint result)
    {
        Span<sbyte> aDigits = stackalloc sbyte[256];
        Span<sbyte> bDigits = stackalloc sbyte[256];
        Scalar.ToNonAdjacentForm(a, PublicKeyWindow, aDigits);
        Scalar.ToNonAdjacentForm(b, Curve.BaseWindow, bDigits);

        int top = 255;
        while (top >= 0 && aDigits[top] == 0 && bDigits[top] == 0)
        {
            top--;
        }

        result = ProjectivePoint.Identity;
        for (int i = top; i >= 0; i--)
        {
            CompletedPoint.Double(out CompletedPoint t, result);

            int aDigit = aDigits[i];
            if (aDigit != 0)
            {
                t.ToExtended(out ExtendedPoint e);
                if (aDigit > 0)
                {
                    CompletedPoint.Add(out t, e, pMultiples[aDigit / 2]);
                }
                else
                {
                    CompletedPoint.Subtract(out t, e, pMultiples[-aDigit / 2]);
                }
            }

            int bDigit = bDigits[i];
            if (bDigit != 0)
            {
                t.ToExtended(out ExtendedPoint e);
                if (bDigit > 0)
                {
                    CompletedPoint.Add(out t, e, Curve.BaseOddMultiples[bDigit / 2]);
                }
                else
                {
                    CompletedPoint.Subtract(out t, e, Curve.BaseOddMultiples[-bDigit / 2]);
                }
            }

            t.ToProjective(out result);
        }
    }
}
