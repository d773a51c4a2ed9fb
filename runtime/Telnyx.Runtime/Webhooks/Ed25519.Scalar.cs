using System;
using System.Buffers.Binary;
using System.Numerics;

namespace Telnyx.Runtime.Webhooks;

public static partial class Ed25519
{
    /// <summary>
    /// Arithmetic modulo the group order L = 2^252 + 27742317777372353535851937790883648493, on little-endian
    /// 64-bit limbs.
    /// </summary>
    private static class Scalar
    {
        /// <summary>L as four 64-bit limbs, least significant first.</summary>
        private static readonly ulong[] L = [0x5812631a5cf5d3ed, 0x14def9dea2f79cd6, 0, 0x1000000000000000];

        /// <summary>The Barrett constant ⌊2^512 / L⌋ (five limbs).</summary>
        private static readonly ulong[] Mu = ComputeMu();

        private static ulong[] ComputeMu()
        {
            BigInteger order = (BigInteger.One << 252) + BigInteger.Parse("27742317777372353535851937790883648493");
            BigInteger mu = (BigInteger.One << 512) / order;
            var limbs = new ulong[5];
            for (int i = 0; i < limbs.Length; i++)
            {
                limbs[i] = (ulong)(mu & ulong.MaxValue);
                mu >>= 64;
            }

            return limbs;
        }

        /// <summary>True when the 32-byte little-endian integer is below L (RFC 8032, section 5.1.7: reject S ≥ L).</summary>
        public static bool IsCanonical(ReadOnlySpan<byte> s)
        {
            for (int i = 3; i >= 0; i--)
            {
                ulong limb = BinaryPrimitives.ReadUInt64LittleEndian(s.Slice(8 * i));
                if (limb != L[i])
                {
                    return limb < L[i];
                }
            }

            return false; // s == L
        }

        /// <summary>Reduces a 64-byte little-endian integer (a SHA-512 digest) mod L into 32 bytes.</summary>
        /// <remarks>
        /// Barrett reduction (Handbook of Applied Cryptography, algorithm 14.42) with base b = 2^64 and k = 4:
        /// q = ⌊⌊x / b^3⌋ · μ / b^5⌋ underestimates ⌊x / L⌋ by at most 2, so x - q·L (computed mod b^5) needs
        /// at most two final subtractions of L.
        /// </remarks>
        public static void Reduce(ReadOnlySpan<byte> wide, Span<byte> result)
        {
            Span<ulong> x = stackalloc ulong[8];
            for (int i = 0; i < 8; i++)
            {
                x[i] = BinaryPrimitives.ReadUInt64LittleEndian(wide.Slice(8 * i));
            }

            Span<ulong> q2 = stackalloc ulong[10];
            MultiplyInto(x.Slice(3), Mu, q2);                 // ⌊x / b^3⌋ · μ
            Span<ulong> q3 = q2.Slice(5);                     // ⌊· / b^5⌋

            Span<ulong> r2 = stackalloc ulong[5];
            MultiplyInto(q3, L, r2);                          // q3 · L mod b^5

            Span<ulong> r = stackalloc ulong[5];
            x.Slice(0, 5).CopyTo(r);                          // x mod b^5
            SubtractInPlace(r, r2);                           // mod b^5, so a borrow out of the top is harmless

            while (!IsBelowL(r))
            {
                SubtractInPlace(r, L);
            }

            for (int i = 0; i < 4; i++)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(result.Slice(8 * i), r[i]);
            }
        }

        /// <summary>product = a · b, truncated to product.Length limbs.</summary>
        private static void MultiplyInto(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<ulong> product)
        {
            product.Clear();
            for (int i = 0; i < a.Length && i < product.Length; i++)
            {
                ulong carry = 0;
                for (int j = 0; j < b.Length && i + j < product.Length; j++)
                {
                    // (2^64 - 1)² + 2·(2^64 - 1) = 2^128 - 1: never overflows.
                    UInt128 t = Math.BigMul(a[i], b[j]) + product[i + j] + carry;
                    product[i + j] = (ulong)t;
                    carry = (ulong)(t >> 64);
                }

                if (i + b.Length < product.Length)
                {
                    product[i + b.Length] = carry;
                }
            }
        }

        /// <summary>a -= b (b may be shorter), modulo 2^(64·a.Length).</summary>
        private static void SubtractInPlace(Span<ulong> a, ReadOnlySpan<ulong> b)
        {
            ulong borrow = 0;
            for (int i = 0; i < a.Length; i++)
            {
                ulong subtrahend = i < b.Length ? b[i] : 0;
                ulong difference = a[i] - subtrahend - borrow;
                borrow = (a[i] < subtrahend || (a[i] == subtrahend && borrow != 0)) ? 1UL : 0UL;
                a[i] = difference;
            }
        }

        private static bool IsBelowL(ReadOnlySpan<ulong> r)
        {
            if (r[4] != 0)
            {
                return false;
            }

            for (int i = 3; i >= 0; i--)
            {
                if (r[i] != L[i])
                {
                    return r[i] < L[i];
                }
            }

            return false;
        }

        /// <summary>
        /// Recodes a scalar below 2^253 into width-<paramref name="width"/> non-adjacent form: digits[i] is zero or odd with
        /// |digits[i]| &lt; 2^(width-1), the scalar equals Σ digits[i]·2^i, and any two non-zero digits are at least
        /// <paramref name="width"/> positions apart.
        /// </summary>
        public static void ToNonAdjacentForm(ReadOnlySpan<byte> scalar, int width, Span<sbyte> digits)
        {
            digits.Clear();
            int windowMask = (1 << width) - 1;
            int half = 1 << (width - 1);
            int carry = 0;
            int position = 0;
            while (position < 256)
            {
                // The next `width` bits, plus the carry owed by the previous digit.
                int window = (ReadBits(scalar, position) & windowMask) + carry;
                if ((window & 1) == 0)
                {
                    // Bit is 0 (or 1 plus a carry of 1, which keeps carrying): no digit here.
                    position++;
                    continue;
                }

                // Odd window: take it as a digit, as a negative one if that is smaller, owing 2^width to the bits above.
                if (window >= half)
                {
                    digits[position] = (sbyte)(window - (1 << width));
                    carry = 1;
                }
                else
                {
                    digits[position] = (sbyte)window;
                    carry = 0;
                }

                position += width;
            }

            // A scalar below 2^253 never leaves a carry past bit 255: a carry needs bit (position + width - 1) set.
        }

        /// <summary>At least 16 bits of the scalar starting at bit <paramref name="position"/> (bits past the end read as 0).</summary>
        private static int ReadBits(ReadOnlySpan<byte> scalar, int position)
        {
            int index = position >> 3;
            int value = 0;
            for (int i = 2; i >= 0; i--)
            {
                value = (value << 8) | (index + i < scalar.Length ? scalar[index + i] : 0);
            }

            return value >> (position & 7);
        }
    }
}
