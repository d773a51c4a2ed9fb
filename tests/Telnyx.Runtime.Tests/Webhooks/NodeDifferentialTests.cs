using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using Telnyx.TestSupport;
using Xunit.Abstractions;
using static Telnyx.Runtime.Tests.Webhooks.EdwardsReference;

namespace Telnyx.Runtime.Tests.Webhooks;

/// <summary>
/// Differential test: the runtime's <c>Ed25519.Verify</c> (libsodium, through NSec) against Node's crypto (OpenSSL), an
/// independent implementation, on random, mutated and adversarial cases, all sent to one node process.
/// </summary>
/// <remarks>
/// <para>
/// The two differ by design on one thing, and the test classifies it instead of hiding it: libsodium refuses a public key
/// A or a nonce R of small order (any encoding whose y, mod p, is that of one of the eight torsion points) before any
/// arithmetic, while OpenSSL checks only S &lt; L and the cofactorless equation encode([S]B - [k]A) == R. So for a case
/// with small-order A or R, the expected verdicts are: libsodium false, OpenSSL exactly what the equation says
/// (computed independently by <see cref="EdwardsReference"/>). The adversarial generators forge such signatures so that
/// OpenSSL really does accept some. Every other case must get the same verdict from both; any other difference fails.
/// </para>
/// <para>
/// Non-canonical public keys (y ≥ p) are refused by libsodium and decoded mod p by OpenSSL; no one can sign for them
/// (nobody knows their discrete log) except the small-order ones, so outside the small-order class both refuse them.
/// </para>
/// </remarks>
public class NodeDifferentialTests(ITestOutputHelper output)
{
    private enum Kind
    {
        Valid,
        FlipSignatureBit,
        FlipKeyBit,
        FlipMessageBit,
        WrongMessage,
        SPlusL,
        SAtLeastL,
        RandomKey,
        RandomSignature,
        NonCanonicalA,
        NonCanonicalR,
        MixedOrderKeyValid,
        SmallOrderR,
        SmallOrderA,
        SmallOrderRAndA,
        ForgedSmallOrderR,
        ForgedSmallOrderA,
        Wycheproof,
    }

    private enum Verdict
    {
        /// <summary>Not small order: both must agree.</summary>
        Strict,

        /// <summary>A or R of small order: libsodium refuses by design, OpenSSL follows the equation.</summary>
        SmallOrderByDesign,
    }

    private sealed record Case(Kind Kind, byte[] PublicKey, byte[] Message, byte[] Signature);

    /// <summary>[j]T for j = 0..7, T a point of order 8.</summary>
    private static readonly Point[] Torsion = BuildTorsion();

    /// <summary>The affine y of the torsion points: 1, p - 1, 0, y8 and p - y8.</summary>
    private static readonly HashSet<BigInteger> TorsionY = [.. Torsion.Select(t => new BigInteger(Encode(t).AsSpan(0, 31), isUnsigned: true)
        + ((BigInteger)(Encode(t)[31] & 0x7f) << 248))];

    private static readonly (int Count, Kind Kind)[] Plan =
    [
        (2000, Kind.Valid), (1500, Kind.FlipSignatureBit), (800, Kind.FlipKeyBit), (1000, Kind.FlipMessageBit),
        (500, Kind.WrongMessage), (500, Kind.SPlusL), (500, Kind.SAtLeastL), (500, Kind.RandomKey),
        (500, Kind.RandomSignature), (400, Kind.NonCanonicalA), (400, Kind.NonCanonicalR), (300, Kind.MixedOrderKeyValid),
        (400, Kind.SmallOrderR), (400, Kind.SmallOrderA), (300, Kind.SmallOrderRAndA),
        (300, Kind.ForgedSmallOrderR), (200, Kind.ForgedSmallOrderA),
    ];

    [Fact]
    public void AgreesWithOpenSslExceptWhereTheyDifferByDesign()
    {
        var stopwatch = Stopwatch.StartNew();
        var random = new Random(8032);
        var keys = new List<(byte[] Pk, byte[] Seed, BigInteger A)>();
        for (int i = 0; i < 32; i++)
        {
            byte[] seed = new byte[32];
            random.NextBytes(seed);
            keys.Add((TestSigner.KeyPairFromSeed(seed).PublicKey, seed, SecretScalar(seed)));
        }

        var cases = new List<Case>();
        foreach ((int count, Kind kind) in Plan)
        {
            for (int i = 0; i < count; i++)
            {
                cases.Add(MakeCase(kind, random, keys));
            }
        }

        cases.AddRange(WycheproofTests.AllVectors.Value.Select(v =>
            new Case(Kind.Wycheproof, Hex.Decode(v.PublicKey), Hex.Decode(v.Message), Hex.Decode(v.Signature))));
        TimeSpan generated = stopwatch.Elapsed;

        bool?[] openSsl = NodeEd25519.Verify([.. cases.Select(c => (c.PublicKey, c.Message, c.Signature))]);
        TimeSpan nodeDone = stopwatch.Elapsed;

        var failures = new List<string>();
        var counts = new SortedDictionary<string, int>();
        void Count(string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
        for (int i = 0; i < cases.Count; i++)
        {
            Case c = cases[i];
            bool sodium = Ed25519.Verify(c.PublicKey, c.Message, c.Signature);
            bool? node = openSsl[i];
            Verdict verdict = IsSmallOrder(c.PublicKey) || (c.Signature.Length == 64 && IsSmallOrder(c.Signature.AsSpan(0, 32)))
                ? Verdict.SmallOrderByDesign
                : Verdict.Strict;
            Count($"{verdict} {c.Kind} libsodium={Show(sodium)} openssl={Show(node)}");
            if (verdict == Verdict.Strict)
            {
                if (sodium != (node ?? false))
                {
                    failures.Add(Describe("unclassified disagreement", c, sodium, node));
                }
            }
            else
            {
                bool equation = CofactorlessEquationHolds(c.PublicKey, c.Message, c.Signature);
                if (sodium || node != equation)
                {
                    failures.Add(Describe($"small order: expected libsodium=false openssl={equation}", c, sodium, node));
                }
            }

            // The generators' own claims: these kinds are valid signatures by construction.
            bool mustHold = c.Kind is Kind.Valid or Kind.MixedOrderKeyValid or Kind.ForgedSmallOrderR or Kind.ForgedSmallOrderA;
            if (mustHold && node != true)
            {
                failures.Add(Describe("generator built a signature OpenSSL refuses", c, sodium, node));
            }

            if (c.Kind is Kind.Valid or Kind.MixedOrderKeyValid && !sodium)
            {
                failures.Add(Describe("libsodium refuses a valid signature", c, sodium, node));
            }
        }

        output.WriteLine($"{cases.Count} cases; generated in {generated.TotalSeconds:F1} s, node (one process) " +
            $"{(nodeDone - generated).TotalSeconds:F1} s, compared in {(stopwatch.Elapsed - nodeDone).TotalSeconds:F1} s");
        foreach ((string key, int n) in counts)
        {
            output.WriteLine($"{n,6}  {key}");
        }

        foreach (string f in failures.Take(20))
        {
            output.WriteLine(f);
        }

        Assert.True(cases.Count >= 10_000, $"{cases.Count} cases");
        Assert.Empty(failures);

        // The by-design difference is exercised, not just allowed: OpenSSL accepts forged small-order signatures.
        Assert.True(counts.Where(kv => kv.Key.StartsWith("SmallOrderByDesign Forged", StringComparison.Ordinal)
            && kv.Key.EndsWith("libsodium=false openssl=true", StringComparison.Ordinal)).Sum(kv => kv.Value) >= 400);
        // And mixed-order keys (small-order component, not small order) are accepted by both.
        Assert.Equal(300, counts.GetValueOrDefault("Strict MixedOrderKeyValid libsodium=true openssl=true"));
    }

    [Fact]
    public void ReferenceArithmeticMatchesLibsodium()
    {
        // The reference derives the same public keys as libsodium, B has order L, and the torsion points have order 8.
        var random = new Random(25519);
        for (int i = 0; i < 8; i++)
        {
            byte[] seed = new byte[32];
            random.NextBytes(seed);
            Assert.Equal(Hex.Encode(TestSigner.KeyPairFromSeed(seed).PublicKey), Hex.Encode(Encode(Multiply(SecretScalar(seed), Base))));
        }

        Assert.True(EdwardsReference.Equal(Identity, Multiply(L, Base)));
        Assert.True(EdwardsReference.Equal(Identity, Multiply(8, Torsion[1])));
        Assert.False(EdwardsReference.Equal(Identity, Multiply(4, Torsion[1])));
        Assert.All(Torsion, t => Assert.True(IsSmallOrder(Encode(t))));
    }

    private static Case MakeCase(Kind kind, Random random, List<(byte[] Pk, byte[] Seed, BigInteger A)> keys)
    {
        var (pk, seed, a) = keys[random.Next(keys.Count)];
        byte[] message = new byte[random.Next(0, 200)];
        random.NextBytes(message);
        byte[] signature = TestSigner.Sign(message, seed);
        pk = (byte[])pk.Clone();

        switch (kind)
        {
            case Kind.Valid:
                break;
            case Kind.FlipSignatureBit:
                FlipBit(signature, random);
                break;
            case Kind.FlipKeyBit:
                FlipBit(pk, random);
                break;
            case Kind.FlipMessageBit:
                if (message.Length == 0)
                {
                    message = [(byte)random.Next(256)];
                }
                else
                {
                    FlipBit(message, random);
                }

                break;
            case Kind.WrongMessage:
                message = new byte[message.Length + 1];
                random.NextBytes(message);
                break;
            case Kind.SPlusL:
                WriteS(signature, ReadS(signature) + L);
                break;
            case Kind.SAtLeastL:
                BigInteger[] special = [L, L + 1, L + 2, (BigInteger.One << 253) - 1, BigInteger.One << 255, (BigInteger.One << 256) - 1];
                WriteS(signature, random.Next(3) == 0 ? special[random.Next(special.Length)] : L + RandomBelow(random, (BigInteger.One << 256) - L));
                break;
            case Kind.RandomKey:
                random.NextBytes(pk);
                break;
            case Kind.RandomSignature:
                random.NextBytes(signature);
                if (random.Next(2) == 0)
                {
                    signature[63] &= 0x0f; // S below 2^252, so below L
                }

                break;
            case Kind.NonCanonicalA:
                pk = NonCanonicalEncoding(random);
                break;
            case Kind.NonCanonicalR:
                NonCanonicalEncoding(random).CopyTo(signature, 0);
                break;
            case Kind.MixedOrderKeyValid:
                return MixedOrderKeyValid(random, pk, a, message, signature);
            case Kind.SmallOrderR:
                SmallOrderEncoding(random).CopyTo(signature, 0);
                MaybeZeroS(signature, random);
                break;
            case Kind.SmallOrderA:
                pk = SmallOrderEncoding(random);
                MaybeZeroS(signature, random);
                break;
            case Kind.SmallOrderRAndA:
                SmallOrderEncoding(random).CopyTo(signature, 0);
                pk = SmallOrderEncoding(random);
                MaybeZeroS(signature, random);
                break;
            case Kind.ForgedSmallOrderR:
                return ForgedSmallOrderR(random, pk, a, message);
            case Kind.ForgedSmallOrderA:
                return ForgedSmallOrderA(random, message);
        }

        return new Case(kind, pk, message, signature);
    }

    /// <summary>
    /// A' = A + [t]T (t = 1..7, a key with a small-order component) and a signature that satisfies the cofactorless
    /// equation with a nonce R' = R + [j]T that is not of small order: S' = r + k'a, valid when [j]T = -[k't]T.
    /// </summary>
    private static Case MixedOrderKeyValid(Random random, byte[] pk, BigInteger a, byte[] message, byte[] signature)
    {
        int t = random.Next(1, 8);
        byte[] mixedKey = Encode(Add(Decode(pk)!.Value, Torsion[t]));
        Point r = Decode(signature.AsSpan(0, 32))!.Value;
        BigInteger rScalar = Mod(ReadS(signature) - Challenge(signature.AsSpan(0, 32), pk, message) * a, L);
        while (true)
        {
            for (int j = 0; j < 8; j++)
            {
                byte[] mixedR = Encode(Add(r, Torsion[j]));
                BigInteger k = Challenge(mixedR, mixedKey, message);
                if (j == (int)Mod(-(k % 8) * t, 8))
                {
                    byte[] forged = new byte[64];
                    mixedR.CopyTo(forged, 0);
                    WriteS(forged, Mod(rScalar + k * a, L));
                    return new Case(Kind.MixedOrderKeyValid, mixedKey, message, forged);
                }
            }

            message = [.. message, (byte)random.Next(256)]; // no j fits (probability about 1/3): another message
        }
    }

    /// <summary>A' = A + [t]T (t = 0..7), R = [j]T of small order, S = k·a: valid when [j]T = -[k t]T.</summary>
    private static Case ForgedSmallOrderR(Random random, byte[] pk, BigInteger a, byte[] message)
    {
        int t = random.Next(0, 8);
        byte[] key = Encode(Add(Decode(pk)!.Value, Torsion[t]));
        while (true)
        {
            for (int j = 0; j < 8; j++)
            {
                byte[] r = Encode(Torsion[j]);
                BigInteger k = Challenge(r, key, message);
                if (j == (int)Mod(-(k % 8) * t, 8))
                {
                    byte[] forged = new byte[64];
                    r.CopyTo(forged, 0);
                    WriteS(forged, Mod(k * a, L));
                    return new Case(Kind.ForgedSmallOrderR, key, message, forged);
                }
            }

            message = [.. message, (byte)random.Next(256)];
        }
    }

    /// <summary>A = [t]T and R = [j]T both of small order, S = 0: valid when [j]T = -[k t]T.</summary>
    private static Case ForgedSmallOrderA(Random random, byte[] message)
    {
        int t = random.Next(0, 8);
        byte[] key = Encode(Torsion[t]);
        while (true)
        {
            for (int j = 0; j < 8; j++)
            {
                byte[] r = Encode(Torsion[j]);
                if (j == (int)Mod(-(Challenge(r, key, message) % 8) * t, 8))
                {
                    return new Case(Kind.ForgedSmallOrderA, key, message, [.. r, .. new byte[32]]);
                }
            }

            message = [.. message, (byte)random.Next(256)];
        }
    }

    /// <summary>libsodium's small-order test: y mod p (sign bit ignored) is the y of a point of order dividing 8.</summary>
    private static bool IsSmallOrder(ReadOnlySpan<byte> encoding)
    {
        if (encoding.Length != 32)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[32];
        encoding.CopyTo(bytes);
        bytes[31] &= 0x7f;
        BigInteger y = EdwardsReference.Mod(new BigInteger(bytes, isUnsigned: true));
        return TorsionY.Contains(y);
    }

    private static Point[] BuildTorsion()
    {
        Point t = Decode(Convert.FromHexString("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"))!.Value;
        var points = new Point[8];
        points[0] = Identity;
        for (int j = 1; j < 8; j++)
        {
            points[j] = Add(points[j - 1], t);
        }

        return points;
    }

    /// <summary>A small-order encoding: one of the eight points, or a non-canonical twin (y + p, or x = 0 with the sign bit).</summary>
    private static byte[] SmallOrderEncoding(Random random)
    {
        byte[] bytes = Encode(Torsion[random.Next(8)]);
        switch (random.Next(4))
        {
            case 0:
                BigInteger y = new BigInteger(bytes.AsSpan(0, 32), isUnsigned: true) & ((BigInteger.One << 255) - 1);
                if (y < 19)
                {
                    byte sign = (byte)(bytes[31] & 0x80);
                    Array.Clear(bytes);
                    (y + P).TryWriteBytes(bytes, out _, isUnsigned: true);
                    bytes[31] |= sign;
                }

                break;
            case 1:
                bytes[31] |= 0x80; // x = 0 points with the sign bit set are non-canonical; others become their negation
                break;
        }

        return bytes;
    }

    /// <summary>y + p for y in 0..18 (the only y with a second encoding below 2^255), either sign bit.</summary>
    private static byte[] NonCanonicalEncoding(Random random)
    {
        byte[] bytes = new byte[32];
        (P + random.Next(19)).TryWriteBytes(bytes, out _, isUnsigned: true);
        if (random.Next(2) == 0)
        {
            bytes[31] |= 0x80;
        }

        return bytes;
    }

    private static void MaybeZeroS(byte[] signature, Random random)
    {
        if (random.Next(2) == 0)
        {
            Array.Clear(signature, 32, 32);
        }
    }

    private static void FlipBit(byte[] bytes, Random random)
    {
        int bit = random.Next(bytes.Length * 8);
        bytes[bit / 8] ^= (byte)(1 << (bit % 8));
    }

    private static BigInteger ReadS(byte[] signature) => new(signature.AsSpan(32, 32), isUnsigned: true);

    private static void WriteS(byte[] signature, BigInteger s)
    {
        Array.Clear(signature, 32, 32);
        s.TryWriteBytes(signature.AsSpan(32, 32), out _, isUnsigned: true);
    }

    private static BigInteger Mod(BigInteger value, BigInteger modulus)
    {
        BigInteger r = value % modulus;
        return r.Sign < 0 ? r + modulus : r;
    }

    private static BigInteger RandomBelow(Random random, BigInteger bound)
    {
        byte[] bytes = new byte[33];
        random.NextBytes(bytes);
        bytes[32] = 0;
        return new BigInteger(bytes, isUnsigned: true) % bound;
    }

    private static string Show(bool? verdict) => verdict switch { true => "true", false => "false", null => "refused-input" };

    private static string Describe(string what, Case c, bool sodium, bool? node) =>
        $"{what}: {c.Kind} libsodium={sodium} openssl={Show(node)} pk={Hex.Encode(c.PublicKey)} msg={Hex.Encode(c.Message)} sig={Hex.Encode(c.Signature)}";
}
