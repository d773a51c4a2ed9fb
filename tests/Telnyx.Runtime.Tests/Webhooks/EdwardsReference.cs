using System;
using System.Collections.Concurrent;
using System.Numerics;
using System.Security.Cryptography;

namespace Telnyx.Runtime.Tests.Webhooks;

/// <summary>
/// Test-only Ed25519 arithmetic with BigInteger (slow, obviously written from RFC 8032 §5.1), used to build the
/// differential test's adversarial cases (mixed-order keys, small-order nonces) and to say, independently of both
/// libraries, whether the cofactorless equation encode([S]B - [k]A) == R holds. Not used by the runtime.
/// </summary>
internal static class EdwardsReference
{
    public static readonly BigInteger P = (BigInteger.One << 255) - 19;
    public static readonly BigInteger L = (BigInteger.One << 252) + BigInteger.Parse("27742317777372353535851937790883648493");
    private static readonly BigInteger D = Mod(-121665 * Inverse(121666));
    private static readonly BigInteger SqrtMinusOne = BigInteger.ModPow(2, (P - 1) / 4, P);

    /// <summary>A point in extended coordinates (X:Y:Z:T), x = X/Z, y = Y/Z, xy = T/Z.</summary>
    public readonly record struct Point(BigInteger X, BigInteger Y, BigInteger Z, BigInteger T);

    public static readonly Point Identity = new(0, 1, 1, 0);

    public static readonly Point Base = Decode(Convert.FromHexString("5866666666666666666666666666666666666666666666666666666666666666"))!.Value;

    /// <summary>RFC 8032 §5.1.4 addition (complete for a = -1).</summary>
    public static Point Add(Point p, Point q)
    {
        BigInteger a = Mod((p.Y - p.X) * (q.Y - q.X));
        BigInteger b = Mod((p.Y + p.X) * (q.Y + q.X));
        BigInteger c = Mod(2 * p.T * q.T * D);
        BigInteger d = Mod(2 * p.Z * q.Z);
        BigInteger e = b - a, f = d - c, g = d + c, h = b + a;
        return new Point(Mod(e * f), Mod(g * h), Mod(f * g), Mod(e * h));
    }

    public static Point Negate(Point p) => new(Mod(-p.X), p.Y, p.Z, Mod(-p.T));

    /// <summary>[2^i]B for i below 253: every scalar here is below L &lt; 2^253.</summary>
    private static readonly Lazy<Point[]> BaseDoublings = new(() => Doublings(Base));

    /// <summary>Doubling tables of the public keys seen, so that each [k]A costs additions only.</summary>
    private static readonly ConcurrentDictionary<string, Point[]> KeyDoublings = new();

    private static Point[] Doublings(Point p)
    {
        var table = new Point[253];
        table[0] = p;
        for (int i = 1; i < table.Length; i++)
        {
            table[i] = Add(table[i - 1], table[i - 1]);
        }

        return table;
    }

    /// <summary>[n]P from P's doubling table, for n below 2^253.</summary>
    private static Point Multiply(BigInteger n, Point[] doublings)
    {
        Point result = Identity;
        for (int bit = 0; bit < doublings.Length && !n.IsZero; bit++, n >>= 1)
        {
            if (!n.IsEven)
            {
                result = Add(result, doublings[bit]);
            }
        }

        return result;
    }

    public static Point Multiply(BigInteger n, Point p)
    {
        Point result = Identity;
        for (int bit = (int)n.GetBitLength() - 1; bit >= 0; bit--)
        {
            result = Add(result, result);
            if (!(n >> bit).IsEven)
            {
                result = Add(result, p);
            }
        }

        return result;
    }

    public static byte[] Encode(Point p)
    {
        BigInteger zInv = Inverse(p.Z);
        BigInteger x = Mod(p.X * zInv), y = Mod(p.Y * zInv);
        byte[] bytes = new byte[32];
        y.TryWriteBytes(bytes, out _, isUnsigned: true);
        bytes[31] |= (byte)(x.IsEven ? 0 : 0x80);
        return bytes;
    }

    /// <summary>
    /// Decodes as OpenSSL does (checked by the tests): y is taken mod p (non-canonical encodings are accepted), and the
    /// sign bit of x = 0 is ignored. Null when y is not the y of a curve point.
    /// </summary>
    public static Point? Decode(ReadOnlySpan<byte> encoding)
    {
        Span<byte> bytes = stackalloc byte[32];
        encoding.CopyTo(bytes);
        bool sign = (bytes[31] & 0x80) != 0;
        bytes[31] &= 0x7f;
        BigInteger y = Mod(new BigInteger(bytes, isUnsigned: true));
        BigInteger u = Mod(y * y - 1), v = Mod(D * y * y + 1);
        // x = (u/v)^((p+3)/8), fixed up by sqrt(-1) when needed (RFC 8032 §5.1.3).
        BigInteger x = Mod(u * BigInteger.ModPow(v, 3, P) * BigInteger.ModPow(u * BigInteger.ModPow(v, 7, P), (P - 5) / 8, P));
        BigInteger vx2 = Mod(v * x * x);
        if (vx2 != u)
        {
            if (vx2 != Mod(-u))
            {
                return null;
            }

            x = Mod(x * SqrtMinusOne);
        }

        if (!x.IsZero && (!x.IsEven) != sign)
        {
            x = P - x;
        }

        return new Point(x, y, 1, Mod(x * y));
    }

    public static bool Equal(Point p, Point q) =>
        Mod(p.X * q.Z - q.X * p.Z).IsZero && Mod(p.Y * q.Z - q.Y * p.Z).IsZero;

    /// <summary>k = SHA-512(R ‖ A ‖ M) mod L.</summary>
    public static BigInteger Challenge(ReadOnlySpan<byte> r, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message)
    {
        byte[] input = [.. r, .. publicKey, .. message];
        return new BigInteger(SHA512.HashData(input), isUnsigned: true) % L;
    }

    /// <summary>The secret scalar a of a seed (RFC 8032 §5.1.5: clamped first half of SHA-512(seed)), mod L.</summary>
    public static BigInteger SecretScalar(ReadOnlySpan<byte> seed)
    {
        byte[] h = SHA512.HashData(seed);
        h[0] &= 248;
        h[31] &= 127;
        h[31] |= 64;
        return new BigInteger(h.AsSpan(0, 32), isUnsigned: true) % L;
    }

    /// <summary>
    /// Whether the cofactorless equation holds as OpenSSL checks it: S below L, A decodable, and the encoding of
    /// [S]B - [k]A equal to R's bytes (so a non-canonical R never matches).
    /// </summary>
    public static bool CofactorlessEquationHolds(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != 32 || signature.Length != 64)
        {
            return false;
        }

        BigInteger s = new(signature.Slice(32), isUnsigned: true);
        if (s >= L || Decode(publicKey) is not Point a)
        {
            return false;
        }

        BigInteger k = Challenge(signature.Slice(0, 32), publicKey, message);
        // [k]A: for A of small order (8A = identity) only k mod 8 matters; otherwise from A's cached doubling table.
        Point kA = Equal(Multiply(8, a), Identity)
            ? Multiply(k % 8, a)
            : Multiply(k, KeyDoublings.GetOrAdd(Convert.ToHexString(publicKey), _ => Doublings(a)));
        Point check = Add(Multiply(s, BaseDoublings.Value), Negate(kA));
        return Encode(check).AsSpan().SequenceEqual(signature.Slice(0, 32));
    }

    public static BigInteger Mod(BigInteger value)
    {
        BigInteger r = value % P;
        return r.Sign < 0 ? r + P : r;
    }

    private static BigInteger Inverse(BigInteger value) => BigInteger.ModPow(Mod(value), P - 2, P);
}
