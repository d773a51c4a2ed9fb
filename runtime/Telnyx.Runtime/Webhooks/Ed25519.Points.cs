using System;

namespace Telnyx.Runtime.Webhooks;

public static partial class Ed25519
{
    // Points of the twisted Edwards curve -x² + y² = 1 + d·x²·y² (RFC 8032, section 5.1) in the coordinate systems of
    // Hisil, Wong, Carter and Dawson, "Twisted Edwards Curves Revisited" (2008), with a = -1. Each system suits one step:
    //
    //   ExtendedPoint   (X : Y : Z : T)            x = X/Z, y = Y/Z, x·y = T/Z   input of additions
    //   ProjectivePoint (X : Y : Z)                x = X/Z, y = Y/Z              input of doublings
    //   CompletedPoint  ((X : Z), (Y : T))         x = X/Z, y = Y/T              output of additions and doublings
    //   CachedPoint     (Y+X, Y-X, Z, 2d·T)                                      right-hand operand of additions
    //   AffineCachedPoint (y+x, y-x, 2d·x·y)       (Z = 1)                       precomputed multiples of B

    /// <summary>A point in extended coordinates (X : Y : Z : T).</summary>
    internal struct ExtendedPoint
    {
        public FieldElement X, Y, Z, T;

        /// <summary>The neutral element (0, 1).</summary>
        public static ExtendedPoint Identity => new() { Y = FieldElement.One, Z = FieldElement.One };

        /// <summary>Drops T.</summary>
        public readonly void ToProjective(out ProjectivePoint r)
        {
            r.X = X;
            r.Y = Y;
            r.Z = Z;
        }

        /// <summary>Precomputes the values an addition needs from its right-hand operand.</summary>
        public readonly void ToCached(out CachedPoint r)
        {
            FieldElement.Add(out r.YPlusX, Y, X);
            FieldElement.Sub(out r.YMinusX, Y, X);
            r.Z = Z;
            FieldElement.Mul(out r.T2d, T, Curve.D2);
        }

        /// <summary>(x, y) → (-x, y).</summary>
        public static void Negate(out ExtendedPoint r, in ExtendedPoint p)
        {
            FieldElement.Negate(out r.X, p.X);
            r.Y = p.Y;
            r.Z = p.Z;
            FieldElement.Negate(out r.T, p.T);
        }

        /// <summary>
        /// Decodes a point strictly as RFC 8032, section 5.1.3 says: the y coordinate must be below p, x² = (y² - 1)/(d·y² + 1)
        /// must have a square root, and x = 0 must come with sign bit 0. Returns false for any other input.
        /// </summary>
        public static bool TryDecode(ReadOnlySpan<byte> encoding, out ExtendedPoint r)
        {
            r = default;
            if (!IsCanonicalFieldEncoding(encoding))
            {
                return false;
            }

            FieldElement.FromBytes(out FieldElement y, encoding);
            bool xIsNegative = (encoding[31] & 0x80) != 0;

            // u = y² - 1, v = d·y² + 1; x² = u/v.
            FieldElement.Square(out FieldElement yy, y);
            FieldElement.Sub(out FieldElement u, yy, FieldElement.One);
            FieldElement.Mul(out FieldElement v, yy, Curve.D);
            FieldElement.Add(out v, v, FieldElement.One);

            // Candidate root x = u·v³·(u·v⁷)^((p-5)/8), which avoids a separate inversion of v.
            FieldElement.Square(out FieldElement v3, v);
            FieldElement.Mul(out v3, v3, v);                 // v³
            FieldElement.Square(out FieldElement uv7, v3);
            FieldElement.Mul(out uv7, uv7, v);               // v⁷
            FieldElement.Mul(out uv7, uv7, u);               // u·v⁷
            FieldElement.PowP58(out FieldElement x, uv7);
            FieldElement.Mul(out x, x, v3);
            FieldElement.Mul(out x, x, u);

            // If v·x² = u, x is a root; if v·x² = -u, x·sqrt(-1) is; otherwise u/v is not a square.
            FieldElement.Square(out FieldElement vxx, x);
            FieldElement.Mul(out vxx, vxx, v);
            if (!FieldElement.AreEqual(vxx, u))
            {
                FieldElement.Negate(out FieldElement minusU, u);
                if (!FieldElement.AreEqual(vxx, minusU))
                {
                    return false;
                }

                FieldElement.Mul(out x, x, Curve.SqrtMinusOne);
            }

            if (x.IsZero() && xIsNegative)
            {
                return false;
            }

            if (x.IsNegative() != xIsNegative)
            {
                FieldElement.Negate(out x, x);
            }

            r.X = x;
            r.Y = y;
            r.Z = FieldElement.One;
            FieldElement.Mul(out r.T, x, y);
            return true;
        }

        /// <summary>Doubles the point (through projective coordinates).</summary>
        public readonly void Double(out ExtendedPoint r)
        {
            ToProjective(out ProjectivePoint p);
            CompletedPoint.Double(out CompletedPoint c, p);
            c.ToExtended(out r);
        }

        /// <summary>Computes [8]P.</summary>
        public readonly void MultiplyByCofactor(out ExtendedPoint r)
        {
            Double(out r);
            r.Double(out r);
            r.Double(out r);
        }

        /// <summary>True when the point is the neutral element (0, 1).</summary>
        public readonly bool IsIdentity() => X.IsZero() && FieldElement.AreEqual(Y, Z);
    }

    /// <summary>A point in projective coordinates (X : Y : Z).</summary>
    internal struct ProjectivePoint
    {
        public FieldElement X, Y, Z;

        /// <summary>The neutral element (0, 1).</summary>
        public static ProjectivePoint Identity => new() { Y = FieldElement.One, Z = FieldElement.One };

        /// <summary>Writes the 32-byte encoding of RFC 8032, section 5.1.2: y, with the parity of x in the top bit.</summary>
        public readonly void Encode(Span<byte> destination)
        {
            FieldElement.Invert(out FieldElement zInverse, Z);
            FieldElement.Mul(out FieldElement x, X, zInverse);
            FieldElement.Mul(out FieldElement y, Y, zInverse);
            y.ToBytes(destination);
            if (x.IsNegative())
            {
                destination[31] |= 0x80;
            }
        }
    }

    /// <summary>The result of an addition or doubling: ((X : Z), (Y : T)), i.e. x = X/Z and y = Y/T.</summary>
    internal struct CompletedPoint
    {
        public FieldElement X, Y, Z, T;

        /// <summary>Three multiplications: (X·T : Y·Z : Z·T).</summary>
        public readonly void ToProjective(out ProjectivePoint r)
        {
            FieldElement.Mul(out r.X, X, T);
            FieldElement.Mul(out r.Y, Y, Z);
            FieldElement.Mul(out r.Z, Z, T);
        }

        /// <summary>Four multiplications: (X·T : Y·Z : Z·T : X·Y).</summary>
        public readonly void ToExtended(out ExtendedPoint r)
        {
            FieldElement.Mul(out r.X, X, T);
            FieldElement.Mul(out r.Y, Y, Z);
            FieldElement.Mul(out r.Z, Z, T);
            FieldElement.Mul(out r.T, X, Y);
        }

        /// <summary>r = 2P ("dbl-2008-hwcd" with a = -1).</summary>
        /// <remarks>
        /// Affine doubling on this curve gives x' = 2xy / (y² - x²) and y' = (y² + x²) / (2 - y² + x²);
        /// in projective coordinates, with 2xy = (X + Y)² - X² - Y²:
        /// x' = ((X + Y)² - X² - Y²) / (Y² - X²) and y' = (Y² + X²) / (2Z² - (Y² - X²)).
        /// </remarks>
        public static void Double(out CompletedPoint r, in ProjectivePoint p)
        {
            FieldElement.Square(out FieldElement xx, p.X);
            FieldElement.Square(out FieldElement yy, p.Y);
            FieldElement.Square(out FieldElement zz2, p.Z);
            FieldElement.Add(out zz2, zz2, zz2);                   // 2Z²
            FieldElement.Add(out FieldElement xPlusY, p.X, p.Y);
            FieldElement.Square(out FieldElement xPlusYSquared, xPlusY);

            FieldElement.Add(out r.Y, yy, xx);                     // Y² + X²
            FieldElement.Sub(out r.Z, yy, xx);                     // Y² - X²
            FieldElement.Sub(out r.X, xPlusYSquared, r.Y);         // 2XY
            FieldElement.Sub(out r.T, zz2, r.Z);                   // 2Z² - (Y² - X²)
        }

        /// <summary>r = P + Q ("add-2008-hwcd-3" with a = -1, k = 2d).</summary>
        /// <remarks>
        /// With A = (Y1 - X1)(Y2 - X2), B = (Y1 + X1)(Y2 + X2), C = 2d·T1·T2 and D = 2·Z1·Z2, the sum is
        /// x = (B - A) / (D + C) and y = (B + A) / (D - C).
        /// </remarks>
        public static void Add(out CompletedPoint r, in ExtendedPoint p, in CachedPoint q)
        {
            FieldElement.Add(out FieldElement yPlusX, p.Y, p.X);
            FieldElement.Sub(out FieldElement yMinusX, p.Y, p.X);
            FieldElement.Mul(out FieldElement b, yPlusX, q.YPlusX);
            FieldElement.Mul(out FieldElement a, yMinusX, q.YMinusX);
            FieldElement.Mul(out FieldElement c, p.T, q.T2d);
            FieldElement.Mul(out FieldElement d, p.Z, q.Z);
            FieldElement.Add(out d, d, d);

            FieldElement.Sub(out r.X, b, a);
            FieldElement.Add(out r.Y, b, a);
            FieldElement.Add(out r.Z, d, c);
            FieldElement.Sub(out r.T, d, c);
        }

        /// <summary>r = P - Q: the addition of -Q = (-x, y), whose cached form swaps Y+X with Y-X and negates 2d·T.</summary>
        public static void Subtract(out CompletedPoint r, in ExtendedPoint p, in CachedPoint q)
        {
            FieldElement.Add(out FieldElement yPlusX, p.Y, p.X);
            FieldElement.Sub(out FieldElement yMinusX, p.Y, p.X);
            FieldElement.Mul(out FieldElement b, yPlusX, q.YMinusX);
            FieldElement.Mul(out FieldElement a, yMinusX, q.YPlusX);
            FieldElement.Mul(out FieldElement c, p.T, q.T2d);
            FieldElement.Mul(out FieldElement d, p.Z, q.Z);
            FieldElement.Add(out d, d, d);

            FieldElement.Sub(out r.X, b, a);
            FieldElement.Add(out r.Y, b, a);
            FieldElement.Sub(out r.Z, d, c);
            FieldElement.Add(out r.T, d, c);
        }

        /// <summary>r = P + Q for a precomputed Q with Z = 1 (one multiplication fewer).</summary>
        public static void Add(out CompletedPoint r, in ExtendedPoint p, in AffineCachedPoint q)
        {
            FieldElement.Add(out FieldElement yPlusX, p.Y, p.X);
            FieldElement.Sub(out FieldElement yMinusX, p.Y, p.X);
            FieldElement.Mul(out FieldElement b, yPlusX, q.YPlusX);
            FieldElement.Mul(out FieldElement a, yMinusX, q.YMinusX);
            FieldElement.Mul(out FieldElement c, p.T, q.XY2d);
            FieldElement.Add(out FieldElement d, p.Z, p.Z);

            FieldElement.Sub(out r.X, b, a);
            FieldElement.Add(out r.Y, b, a);
            FieldElement.Add(out r.Z, d, c);
            FieldElement.Sub(out r.T, d, c);
        }

        /// <summary>r = P - Q for a precomputed Q with Z = 1.</summary>
        public static void Subtract(out CompletedPoint r, in ExtendedPoint p, in AffineCachedPoint q)
        {
            FieldElement.Add(out FieldElement yPlusX, p.Y, p.X);
            FieldElement.Sub(out FieldElement yMinusX, p.Y, p.X);
            FieldElement.Mul(out FieldElement b, yPlusX, q.YMinusX);
            FieldElement.Mul(out FieldElement a, yMinusX, q.YPlusX);
            FieldElement.Mul(out FieldElement c, p.T, q.XY2d);
            FieldElement.Add(out FieldElement d, p.Z, p.Z);

            FieldElement.Sub(out r.X, b, a);
            FieldElement.Add(out r.Y, b, a);
            FieldElement.Sub(out r.Z, d, c);
            FieldElement.Add(out r.T, d, c);
        }
    }

    /// <summary>A right-hand addition operand: (Y + X, Y - X, Z, 2d·T).</summary>
    internal struct CachedPoint
    {
        public FieldElement YPlusX, YMinusX, Z, T2d;
    }

    /// <summary>A precomputed right-hand addition operand with Z = 1: (y + x, y - x, 2d·x·y).</summary>
    internal struct AffineCachedPoint
    {
        public FieldElement YPlusX, YMinusX, XY2d;

        /// <summary>Normalizes a point to Z = 1 and precomputes its addition values.</summary>
        public static AffineCachedPoint From(in ExtendedPoint p)
        {
            FieldElement.Invert(out FieldElement zInverse, p.Z);
            FieldElement.Mul(out FieldElement x, p.X, zInverse);
            FieldElement.Mul(out FieldElement y, p.Y, zInverse);
            AffineCachedPoint r;
            FieldElement.Add(out r.YPlusX, y, x);
            FieldElement.Sub(out r.YMinusX, y, x);
            FieldElement.Mul(out FieldElement xy, x, y);
            FieldElement.Mul(out r.XY2d, xy, Curve.D2);
            return r;
        }
    }
}
