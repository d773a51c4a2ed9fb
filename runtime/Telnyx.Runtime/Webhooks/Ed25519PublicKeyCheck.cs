using System;
using System.Numerics;

namespace Telnyx.Runtime;

/// <summary>
/// The public-key checks libsodium makes inside every verification (canonical y, not of small order, a curve point), made
/// once when a key is loaded so that a bad key fails with a clear <see cref="ArgumentException"/> instead of every webhook
/// failing later. No signature arithmetic: a few modular operations on y, with BigInteger (run once per key).
/// </summary>
internal static class Ed25519PublicKeyCheck
{
    /// <summary>p = 2^255 - 19.</summary>
    private static readonly BigInteger P = (BigInteger.One << 255) - 19;

    /// <summary>The curve constant d = -121665 / 121666 mod p.</summary>
    private static readonly BigInteger D = Mod(-121665 * BigInteger.ModPow(121666, P - 2, P));

    /// <summary>
    /// The y of the points of order 8 (one value and its negation p - y8). With 0 (order 4), 1 (the identity) and
    /// p - 1 (order 2) they make libsodium's small-order list for canonical encodings.
    /// </summary>
    private static readonly BigInteger Y8 = ReadY(Convert.FromHexString("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"));

    /// <summary>True when libsodium would accept the 32 bytes as an Ed25519 public key.</summary>
    public static bool IsValid(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != Ed25519.PublicKeySize)
        {
            return false;
        }

        BigInteger y = ReadY(publicKey);
        if (y >= P)
        {
            return false; // non-canonical: y written as y + p
        }

        if (y.IsZero || y.IsOne || y == P - 1 || y == Y8 || y == P - Y8)
        {
            return false; // small order
        }

        // A point exists when x^2 = (y^2 - 1) / (d y^2 + 1) has a root: Euler's criterion. (u = 0 only for y = ±1, refused above.)
        BigInteger y2 = y * y % P;
        BigInteger u = Mod(y2 - 1);
        BigInteger v = Mod(D * y2 + 1);
        BigInteger x2 = u * BigInteger.ModPow(v, P - 2, P) % P;
        return BigInteger.ModPow(x2, (P - 1) / 2, P).IsOne;
    }

    /// <summary>The little-endian y with the sign bit of x (the top bit) cleared.</summary>
    private static BigInteger ReadY(ReadOnlySpan<byte> encoding)
    {
        Span<byte> y = stackalloc byte[32];
        encoding.CopyTo(y);
        y[31] &= 0x7f;
        return new BigInteger(y, isUnsigned: true, isBigEndian: false);
    }

    private static BigInteger Mod(BigInteger value)
    {
        BigInteger r = value % P;
        return r.Sign < 0 ? r + P : r;
    }
}
