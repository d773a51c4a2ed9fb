using System;

namespace Telnyx.Runtime.Webhooks;

public static partial class Ed25519
{
    /// <summary>
    /// Curve constants, derived once from their definitions in RFC 8032 rather than written out as limbs,
    /// plus the precomputed multiples of the base point.
    /// </summary>
    private static class Curve
    {
        /// <summary>d = -121665/121666.</summary>
        public static readonly FieldElement D;

        /// <summary>2d.</summary>
        public static readonly FieldElement D2;

        /// <summary>A square root of -1: 2^((p - 1)/4).</summary>
        public static readonly FieldElement SqrtMinusOne;

        /// <summary>Width of the signed sliding window used for multiples of the base point B.</summary>
        public const int BaseWindow = 8;

        /// <summary>B, 3B, 5B, …, (2^(BaseWindow-1) - 1)·B: the odd multiples a width-8 NAF digit can select.</summary>
        public static readonly AffineCachedPoint[] BaseOddMultiples;

        /// <summary>
        /// Canonical encodings of the y coordinates of the eight points of small order (dividing 8):
        /// y = 1 (the identity), y = -1 (order 2), y = 0 (the two points of order 4) and ±y8 (the four points of order 8).
        /// </summary>
        public static readonly byte[][] SmallOrderY;

        static Curve()
        {
            FieldElement.Invert(out FieldElement inverse121666, FieldElement.FromSmall(121666));
            FieldElement.Mul(out FieldElement d, FieldElement.FromSmall(121665), inverse121666);
            FieldElement.Negate(out D, d);
            FieldElement.Add(out D2, D, D);

            // (p - 1)/4 = 2^253 - 5 = 2·(2^252 - 3) + 1, so 2^((p-1)/4) = (2^(2^252 - 3))²·2.
            FieldElement two = FieldElement.FromSmall(2);
            FieldElement.PowP58(out FieldElement t, two);
            FieldElement.Square(out t, t);
            FieldElement.Mul(out SqrtMinusOne, t, two);

            // The base point: y = 4/5 with x "positive" (even), which is how RFC 8032 encodes it:
            // 0x58 followed by 31 bytes of 0x66.
            Span<byte> baseEncoding = stackalloc byte[32];
            baseEncoding.Fill(0x66);
            baseEncoding[0] = 0x58;
            if (!ExtendedPoint.TryDecode(baseEncoding, out ExtendedPoint b))
            {
                throw new InvalidOperationException("The Ed25519 base point failed to decode.");
            }

            b.Double(out ExtendedPoint b2);
            b2.ToCached(out CachedPoint b2Cached);
            BaseOddMultiples = new AffineCachedPoint[1 << (BaseWindow - 2)];
            ExtendedPoint multiple = b;
            for (int i = 0; i < BaseOddMultiples.Length; i++)
            {
                BaseOddMultiples[i] = AffineCachedPoint.From(multiple);
                CompletedPoint.Add(out CompletedPoint next, multiple, b2Cached);
                next.ToExtended(out multiple);
            }

            // y8 = 2707385501144840649318225287225658788936804267575313519463743609750303402022, little-endian;
            // the tests check with libsodium's point addition that the resulting points have order 8.
            ReadOnlySpan<byte> y8 =
            [
                0x26, 0xe8, 0x95, 0x8f, 0xc2, 0xb2, 0x27, 0xb0, 0x45, 0xc3, 0xf4, 0x89, 0xf2, 0xef, 0x98, 0xf0,
                0xd5, 0xdf, 0xac, 0x05, 0xd3, 0xc6, 0x33, 0x39, 0xb1, 0x38, 0x02, 0x88, 0x6d, 0x53, 0xfc, 0x05,
            ];
            FieldElement.FromBytes(out FieldElement y8Element, y8);
            FieldElement.Negate(out FieldElement minusY8, y8Element);
            FieldElement.Negate(out FieldElement minusOne, FieldElement.One);
            FieldElement[] ys = [FieldElement.Zero, FieldElement.One, minusOne, y8Element, minusY8];
            SmallOrderY = new byte[ys.Length][];
            for (int i = 0; i < ys.Length; i++)
            {
                SmallOrderY[i] = new byte[32];
                ys[i].ToBytes(SmallOrderY[i]);
            }
        }
    }

    /// <summary>True when the 32 bytes, ignoring the sign bit, encode an integer below p.</summary>
    private static bool IsCanonicalFieldEncoding(ReadOnlySpan<byte> encoding)
    {
        // Re-encoding reduces mod p; the round trip is exact only for values already below p.
        FieldElement.FromBytes(out FieldElement y, encoding);
        Span<byte> canonical = stackalloc byte[32];
        y.ToBytes(canonical);
        canonical[31] |= (byte)(encoding[31] & 0x80);
        return canonical.SequenceEqual(encoding);
    }

    /// <summary>
    /// True when the encoding's y coordinate, taken mod p and ignoring the sign bit, is that of a point of small order.
    /// This is libsodium's blacklist (0, 1, p - 1, ±y8, and the non-canonical p and p + 1): libsodium rejects public keys
    /// and R values of small order before doing any arithmetic, and so do we, to accept exactly what it accepts.
    /// </summary>
    private static bool HasSmallOrderY(ReadOnlySpan<byte> encoding)
    {
        FieldElement.FromBytes(out FieldElement y, encoding);
        Span<byte> canonical = stackalloc byte[32];
        y.ToBytes(canonical);
        foreach (byte[] smallOrderY in Curve.SmallOrderY)
        {
            if (canonical.SequenceEqual(smallOrderY))
            {
                return true;
            }
        }

        return false;
    }
}
