using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Telnyx.Runtime.Webhooks;

public static partial class Ed25519
{
    /// <summary>
    /// An element of the prime field GF(p), p = 2^255 - 19, held as five unsigned 51-bit limbs:
    /// value = L0 + L1·2^51 + L2·2^102 + L3·2^153 + L4·2^204 (mod p).
    /// </summary>
    /// <remarks>
    /// <para>
    /// Limbs are allowed to exceed 51 bits a little ("loose" form) so that additions need no carries.
    /// The bounds every method relies on:
    /// </para>
    /// <list type="bullet">
    /// <item><see cref="Mul"/>, <see cref="Square"/>, <see cref="Sub"/> and <see cref="FromBytes"/> return limbs below 2^51 + 2^12.</item>
    /// <item><see cref="Add"/> does not carry: its result's limbs are the sums of its inputs' limbs.</item>
    /// <item><see cref="Mul"/> and <see cref="Square"/> accept limbs below 2^53: then every product (including a factor 19) is
    /// below 2^111, so a column's high sum stays below 2^62 and the carry out of the top column, times 19, fits in 64 bits.
    /// <see cref="Sub"/> accepts a subtrahend with limbs below 2^54 - 152.</item>
    /// </list>
    /// <para>
    /// The group formulas only ever add two or three reduced values before multiplying, which keeps every
    /// limb below 2^53. Nothing here is constant-time: verification handles only public data.
    /// </para>
    /// </remarks>
    internal struct FieldElement
    {
        public ulong L0, L1, L2, L3, L4;

        private const ulong Mask51 = (1UL << 51) - 1;

        public static FieldElement Zero => default;

        public static FieldElement One => FromSmall(1);

        /// <summary>A field element from a small non-negative integer (below 2^51).</summary>
        public static FieldElement FromSmall(ulong value) => new() { L0 = value };

        /// <summary>
        /// Reads 32 little-endian bytes as a 255-bit integer, ignoring the top bit (the sign bit of an encoded point).
        /// Values from p to 2^255 - 1 are accepted and taken mod p; callers that need canonical input check it themselves.
        /// </summary>
        public static void FromBytes(out FieldElement r, ReadOnlySpan<byte> bytes)
        {
            ulong w0 = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            ulong w1 = BinaryPrimitives.ReadUInt64LittleEndian(bytes.Slice(8));
            ulong w2 = BinaryPrimitives.ReadUInt64LittleEndian(bytes.Slice(16));
            ulong w3 = BinaryPrimitives.ReadUInt64LittleEndian(bytes.Slice(24));

            // Limb i holds bits 51·i .. 51·i + 50.
            r.L0 = w0 & Mask51;                              // bits   0..50
            r.L1 = ((w0 >> 51) | (w1 << 13)) & Mask51;       // bits  51..101
            r.L2 = ((w1 >> 38) | (w2 << 26)) & Mask51;       // bits 102..152
            r.L3 = ((w2 >> 25) | (w3 << 39)) & Mask51;       // bits 153..203
            r.L4 = (w3 >> 12) & Mask51;                      // bits 204..254 (bit 255 dropped)
        }

        /// <summary>Writes the canonical (fully reduced, below p) 32-byte little-endian encoding; the top bit is 0.</summary>
        public readonly void ToBytes(Span<byte> bytes)
        {
            ulong l0 = L0, l1 = L1, l2 = L2, l3 = L3, l4 = L4;

            // 1. One carry pass: limbs below 2^51 except l0, which may exceed it by a few hundred,
            //    so the value h is below 2^255 + 2^10 < 2p.
            l1 += l0 >> 51; l0 &= Mask51;
            l2 += l1 >> 51; l1 &= Mask51;
            l3 += l2 >> 51; l2 &= Mask51;
            l4 += l3 >> 51; l3 &= Mask51;
            l0 += 19 * (l4 >> 51); l4 &= Mask51;

            // 2. q = 1 exactly when h >= p, i.e. when h + 19 reaches 2^255: propagate the carry of h + 19.
            ulong q = (l0 + 19) >> 51;
            q = (l1 + q) >> 51;
            q = (l2 + q) >> 51;
            q = (l3 + q) >> 51;
            q = (l4 + q) >> 51;

            // 3. h - q·p = h + 19·q - q·2^255: add 19·q, carry through, and drop bit 255.
            l0 += 19 * q;
            l1 += l0 >> 51; l0 &= Mask51;
            l2 += l1 >> 51; l1 &= Mask51;
            l3 += l2 >> 51; l2 &= Mask51;
            l4 += l3 >> 51; l3 &= Mask51;
            l4 &= Mask51;

            BinaryPrimitives.WriteUInt64LittleEndian(bytes, l0 | (l1 << 51));
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.Slice(8), (l1 >> 13) | (l2 << 38));
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.Slice(16), (l2 >> 26) | (l3 << 25));
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.Slice(24), (l3 >> 39) | (l4 << 12));
        }

        /// <summary>True when the canonical value is odd: the "negative" x of RFC 8032's point encoding.</summary>
        public readonly bool IsNegative()
        {
            Span<byte> bytes = stackalloc byte[32];
            ToBytes(bytes);
            return (bytes[0] & 1) != 0;
        }

        /// <summary>True when the value is 0 mod p.</summary>
        public readonly bool IsZero()
        {
            Span<byte> bytes = stackalloc byte[32];
            ToBytes(bytes);
            return bytes.IndexOfAnyExcept((byte)0) < 0;
        }

        /// <summary>True when both values are equal mod p.</summary>
        public static bool AreEqual(in FieldElement a, in FieldElement b)
        {
            Sub(out FieldElement difference, a, b);
            return difference.IsZero();
        }

        /// <summary>r = a + b, limb by limb, without carrying.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Add(out FieldElement r, in FieldElement a, in FieldElement b)
        {
            r.L0 = a.L0 + b.L0;
            r.L1 = a.L1 + b.L1;
            r.L2 = a.L2 + b.L2;
            r.L3 = a.L3 + b.L3;
            r.L4 = a.L4 + b.L4;
        }

        /// <summary>r = a - b, computed as a + 8p - b (so no limb goes negative), then carried.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Sub(out FieldElement r, in FieldElement a, in FieldElement b)
        {
            // 8p in 51-bit limbs: 8·(2^51 - 19), then 8·(2^51 - 1) four times.
            const ulong EightP0 = (1UL << 54) - 152;
            const ulong EightPi = (1UL << 54) - 8;
            ulong l0 = a.L0 + EightP0 - b.L0;
            ulong l1 = a.L1 + EightPi - b.L1;
            ulong l2 = a.L2 + EightPi - b.L2;
            ulong l3 = a.L3 + EightPi - b.L3;
            ulong l4 = a.L4 + EightPi - b.L4;

            l1 += l0 >> 51; l0 &= Mask51;
            l2 += l1 >> 51; l1 &= Mask51;
            l3 += l2 >> 51; l2 &= Mask51;
            l4 += l3 >> 51; l3 &= Mask51;
            l0 += 19 * (l4 >> 51); l4 &= Mask51;
            r.L0 = l0; r.L1 = l1; r.L2 = l2; r.L3 = l3; r.L4 = l4;
        }

        /// <summary>r = -a.</summary>
        public static void Negate(out FieldElement r, in FieldElement a) => Sub(out r, Zero, a);

        /// <summary>
        /// Adds the product x·y to a column kept as two 64-bit sums: the product's low 51 bits go to
        /// <paramref name="low"/>, the rest (the product shifted right by 51) to <paramref name="high"/>, which belongs to the next
        /// column up. Products stay below 2^111 and columns have at most five of them, so neither sum can overflow, and no
        /// 128-bit additions (which .NET compiles to compare-and-set carries) are needed.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void MulAdd(ulong x, ulong y, ref ulong low, ref ulong high)
        {
            ulong productLow = x * y;
            ulong productHigh = Bmi2.X64.IsSupported ? Bmi2.X64.MultiplyNoFlags(x, y) : Math.BigMul(x, y, out _);
            low += productLow & Mask51;
            high += (productHigh << 13) | (productLow >> 51);
        }

        /// <summary>
        /// Closes column k: returns its 51-bit limb and starts column k + 1 with everything above bit 51
        /// (the column's own overflow plus the high parts of its products).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong NextColumn(ref ulong low, ref ulong high)
        {
            ulong limb = low & Mask51;
            low = high + (low >> 51);
            high = 0;
            return limb;
        }

        /// <summary>Turns the five closed columns and the carry out of the top one into a loose element.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Finish(out FieldElement r, ulong l0, ulong l1, ulong l2, ulong l3, ulong l4, ulong carryOut)
        {
            // The carry out of column 4 sits at 2^255 ≡ 19.
            l0 += 19 * carryOut;
            r.L1 = l1 + (l0 >> 51);
            r.L0 = l0 & Mask51;
            r.L2 = l2;
            r.L3 = l3;
            r.L4 = l4;
        }

        /// <summary>r = a · b.</summary>
        /// <remarks>
        /// Schoolbook multiplication, one output column at a time. A product a_i·b_j belongs at 2^(51·(i+j)); when i + j ≥ 5
        /// it wraps around to 2^(51·(i+j-5)) multiplied by 19, because 2^255 ≡ 19 (mod p). The factor 19 is folded into b.
        /// a's limbs are read straight from memory: keeping fewer values in locals saves register spills.
        /// </remarks>
        public static void Mul(out FieldElement r, in FieldElement a, in FieldElement b)
        {
            ulong b0 = b.L0, b1 = b.L1, b2 = b.L2, b3 = b.L3, b4 = b.L4;
            ulong b1x19 = b1 * 19, b2x19 = b2 * 19, b3x19 = b3 * 19, b4x19 = b4 * 19;
            ulong low = 0, high = 0;

            MulAdd(a.L0, b0, ref low, ref high);
            MulAdd(a.L1, b4x19, ref low, ref high);
            MulAdd(a.L2, b3x19, ref low, ref high);
            MulAdd(a.L3, b2x19, ref low, ref high);
            MulAdd(a.L4, b1x19, ref low, ref high);
            ulong l0 = NextColumn(ref low, ref high);

            MulAdd(a.L0, b1, ref low, ref high);
            MulAdd(a.L1, b0, ref low, ref high);
            MulAdd(a.L2, b4x19, ref low, ref high);
            MulAdd(a.L3, b3x19, ref low, ref high);
            MulAdd(a.L4, b2x19, ref low, ref high);
            ulong l1 = NextColumn(ref low, ref high);

            MulAdd(a.L0, b2, ref low, ref high);
            MulAdd(a.L1, b1, ref low, ref high);
            MulAdd(a.L2, b0, ref low, ref high);
            MulAdd(a.L3, b4x19, ref low, ref high);
            MulAdd(a.L4, b3x19, ref low, ref high);
            ulong l2 = NextColumn(ref low, ref high);

            MulAdd(a.L0, b3, ref low, ref high);
            MulAdd(a.L1, b2, ref low, ref high);
            MulAdd(a.L2, b1, ref low, ref high);
            MulAdd(a.L3, b0, ref low, ref high);
            MulAdd(a.L4, b4x19, ref low, ref high);
            ulong l3 = NextColumn(ref low, ref high);

            MulAdd(a.L0, b4, ref low, ref high);
            MulAdd(a.L1, b3, ref low, ref high);
            MulAdd(a.L2, b2, ref low, ref high);
            MulAdd(a.L3, b1, ref low, ref high);
            MulAdd(a.L4, b0, ref low, ref high);
            ulong l4 = NextColumn(ref low, ref high);

            Finish(out r, l0, l1, l2, l3, l4, low);
        }

        /// <summary>r = a².</summary>
        /// <remarks>Like <see cref="Mul"/> with a = b, so each cross product a_i·a_j (i ≠ j) appears once, doubled.</remarks>
        public static void Square(out FieldElement r, in FieldElement a)
        {
            ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3, a4 = a.L4;
            ulong a0x2 = a0 * 2, a1x2 = a1 * 2, a2x2 = a2 * 2, a3x2 = a3 * 2;
            ulong a3x19 = a3 * 19, a4x19 = a4 * 19;
            ulong low = 0, high = 0;

            MulAdd(a0, a0, ref low, ref high);
            MulAdd(a1x2, a4x19, ref low, ref high);
            MulAdd(a2x2, a3x19, ref low, ref high);
            ulong l0 = NextColumn(ref low, ref high);

            MulAdd(a0x2, a1, ref low, ref high);
            MulAdd(a2x2, a4x19, ref low, ref high);
            MulAdd(a3, a3x19, ref low, ref high);
            ulong l1 = NextColumn(ref low, ref high);

            MulAdd(a0x2, a2, ref low, ref high);
            MulAdd(a1, a1, ref low, ref high);
            MulAdd(a3x2, a4x19, ref low, ref high);
            ulong l2 = NextColumn(ref low, ref high);

            MulAdd(a0x2, a3, ref low, ref high);
            MulAdd(a1x2, a2, ref low, ref high);
            MulAdd(a4, a4x19, ref low, ref high);
            ulong l3 = NextColumn(ref low, ref high);

            MulAdd(a0x2, a4, ref low, ref high);
            MulAdd(a1x2, a3, ref low, ref high);
            MulAdd(a2, a2, ref low, ref high);
            ulong l4 = NextColumn(ref low, ref high);

            Finish(out r, l0, l1, l2, l3, l4, low);
        }

        /// <summary>r = a^(2^n): n successive squarings (n ≥ 1).</summary>
        public static void SquareTimes(out FieldElement r, in FieldElement a, int n)
        {
            Square(out r, a);
            for (int i = 1; i < n; i++)
            {
                Square(out r, r);
            }
        }

        /// <summary>z^(2^250 - 1), the common prefix of the exponent chains below; also returns z^11.</summary>
        private static void Pow2To250Minus1(out FieldElement result, out FieldElement z11, in FieldElement z)
        {
            // The exponent is built up from runs of 1 bits: z_k denotes z^(2^k - 1).
            Square(out FieldElement z2, z);                       // z^2
            SquareTimes(out FieldElement t, z2, 2);               // z^8
            Mul(out FieldElement z9, t, z);                       // z^9
            Mul(out z11, z9, z2);                                 // z^11
            Square(out t, z11);                                   // z^22
            Mul(out FieldElement z5, t, z9);                      // z^31 = z^(2^5 - 1)
            SquareTimes(out t, z5, 5);
            Mul(out FieldElement z10, t, z5);                     // z^(2^10 - 1)
            SquareTimes(out t, z10, 10);
            Mul(out FieldElement z20, t, z10);                    // z^(2^20 - 1)
            SquareTimes(out t, z20, 20);
            Mul(out FieldElement z40, t, z20);                    // z^(2^40 - 1)
            SquareTimes(out t, z40, 10);
            Mul(out FieldElement z50, t, z10);                    // z^(2^50 - 1)
            SquareTimes(out t, z50, 50);
            Mul(out FieldElement z100, t, z50);                   // z^(2^100 - 1)
            SquareTimes(out t, z100, 100);
            Mul(out FieldElement z200, t, z100);                  // z^(2^200 - 1)
            SquareTimes(out t, z200, 50);
            Mul(out result, t, z50);                              // z^(2^250 - 1)
        }

        /// <summary>r = 1/z = z^(p - 2) (Fermat); 0 maps to 0.</summary>
        public static void Invert(out FieldElement r, in FieldElement z)
        {
            // p - 2 = 2^255 - 21 = (2^250 - 1)·2^5 + 11.
            Pow2To250Minus1(out FieldElement t, out FieldElement z11, z);
            SquareTimes(out t, t, 5);
            Mul(out r, t, z11);
        }

        /// <summary>r = z^((p - 5) / 8) = z^(2^252 - 3), the exponent used by square roots (RFC 8032, section 5.1.3).</summary>
        public static void PowP58(out FieldElement r, in FieldElement z)
        {
            // 2^252 - 3 = (2^250 - 1)·2^2 + 1.
            Pow2To250Minus1(out FieldElement t, out _, z);
            SquareTimes(out t, t, 2);
            Mul(out r, t, z);
        }
    }
}
