using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Numerics;
using System.Security.Cryptography;
using Telnyx.Runtime.Webhooks;
using Xunit.Abstractions;

namespace Telnyx.Runtime.Tests.Webhooks;

/// <summary>
/// Differential test: the managed <see cref="Ed25519.Verify"/> must accept exactly what libsodium 1.0.18's
/// crypto_sign_verify_detached accepts, over valid signatures and every kind of malformed or adversarial input.
/// </summary>
public class LibsodiumDifferentialTests(ITestOutputHelper output)
{
    private static readonly BigInteger L = (BigInteger.One << 252) + BigInteger.Parse("27742317777372353535851937790883648493");
    private static readonly BigInteger P = (BigInteger.One << 255) - 19;

    /// <summary>
    /// The eight points of small order (canonical encodings), then encodings libsodium also treats as small order:
    /// the non-canonical y = p (≡ 0) and y = p + 1 (≡ 1), with either sign bit, and x = 0 with the sign bit set.
    /// </summary>
    public static readonly string[] SmallOrderCanonical =
    [
        "0100000000000000000000000000000000000000000000000000000000000000", // identity (order 1)
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // (0, -1), order 2
        "0000000000000000000000000000000000000000000000000000000000000000", // (sqrt(-1), 0), order 4
        "0000000000000000000000000000000000000000000000000000000000000080", // (-sqrt(-1), 0), order 4
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05", // order 8
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85", // order 8
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a", // order 8
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa", // order 8
    ];

    public static readonly string[] SmallOrderNonCanonical =
    [
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // y = p
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", // y = p, sign bit
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // y = p + 1
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", // y = p + 1, sign bit
        "0100000000000000000000000000000000000000000000000000000000000080", // identity with the sign bit (x = 0)
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", // order 2 with the sign bit (x = 0)
    ];

    private static readonly byte[][] SmallOrder = [.. SmallOrderCanonical.Concat(SmallOrderNonCanonical).Select(Hex.Decode)];

    private enum Kind
    {
        Valid,
        FlipSignatureBit,
        FlipKeyBit,
        FlipMessageBit,
        SPlusL,
        SAtLeastL,
        SmallOrderR,
        SmallOrderA,
        SmallOrderRAndA,
        RandomKey,
        NonCanonicalA,
        NonCanonicalR,
        RandomSignature,
        WrongMessage,
    }

    private sealed record Case(Kind Kind, byte[] PublicKey, byte[] Message, byte[] Signature);

    [Fact]
    public void SmallOrderListReallyHasSmallOrder()
    {
        byte[] identity = Hex.Decode(SmallOrderCanonical[0]);
        foreach (string hex in SmallOrderCanonical)
        {
            byte[] point = Hex.Decode(hex);
            byte[] times8 = Double(Double(Double(point)));
            Assert.Equal(Hex.Encode(identity), Hex.Encode(times8));
        }

        // The last four have order exactly 8: [4]P is not the identity.
        foreach (string hex in SmallOrderCanonical.Skip(4))
        {
            Assert.NotEqual(Hex.Encode(identity), Hex.Encode(Double(Double(Hex.Decode(hex)))));
        }

        static byte[] Double(byte[] p) => Libsodium.PointAdd(p, p) ?? throw new InvalidOperationException("libsodium refused a point");
    }

    [Fact]
    public void AgreesWithLibsodiumOnRandomAndAdversarialInputs()
    {
        var stopwatch = Stopwatch.StartNew();
        var random = new Random(8032);

        // Deterministic key pairs from seeded randomness (libsodium derives them from the seed).
        var keys = new List<(byte[] Pk, byte[] Sk)>();
        for (int i = 0; i < 32; i++)
        {
            byte[] seed = new byte[32];
            random.NextBytes(seed);
            keys.Add(Libsodium.KeyPairFromSeed(seed));
        }

        int kinds = Enum.GetValues<Kind>().Length;
        var cases = new List<Case>();
        for (int i = 0; i < 12_000; i++)
        {
            cases.Add(MakeCase((Kind)(i % kinds), random, keys));
        }

        var disagreements = new List<string>();
        var accepted = new Dictionary<Kind, int>();
        foreach (Case c in cases)
        {
            bool sodium = Libsodium.Verify(c.PublicKey, c.Message, c.Signature);
            bool ours = Ed25519.Verify(c.PublicKey, c.Message, c.Signature);
            if (sodium)
            {
                accepted[c.Kind] = accepted.GetValueOrDefault(c.Kind) + 1;
            }

            if (sodium != ours)
            {
                disagreements.Add(Describe(c, ours, sodium));
            }
        }

        output.WriteLine($"{cases.Count} cases in {stopwatch.Elapsed.TotalSeconds:F1} s; libsodium accepted: " +
            string.Join(", ", accepted.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} {kv.Value}")));
        foreach (string d in disagreements.Take(5))
        {
            output.WriteLine(d);
        }

        Assert.True(disagreements.Count == 0, $"{disagreements.Count} disagreements; first: {disagreements.FirstOrDefault()}");

        // Sanity: the mix really contains both outcomes.
        Assert.True(accepted.GetValueOrDefault(Kind.Valid) == cases.Count(c => c.Kind == Kind.Valid));
        Assert.Equal(0, accepted.GetValueOrDefault(Kind.SPlusL));
        Assert.Equal(0, accepted.GetValueOrDefault(Kind.SmallOrderA));
    }

    /// <summary>
    /// The same comparison through <see cref="TelnyxWebhookVerifier"/>, which verifies with a key decoded once and a
    /// message in two parts ("{timestamp}|" and the body): its verdict on the signature must be libsodium's too.
    /// </summary>
    [Fact]
    public void WebhookVerifierAgreesWithLibsodium()
    {
        var random = new Random(300);
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        string timestamp = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        byte[] prefix = System.Text.Encoding.ASCII.GetBytes(timestamp + "|");
        var disagreements = new List<string>();
        int accepted = 0;
        for (int keyIndex = 0; keyIndex < 16; keyIndex++)
        {
            byte[] seed = new byte[32];
            random.NextBytes(seed);
            var (pk, sk) = Libsodium.KeyPairFromSeed(seed);
            var verifier = new TelnyxWebhookVerifier(pk, timeProvider: new FixedClock(now));
            for (int i = 0; i < 150; i++)
            {
                byte[] body = new byte[random.Next(0, 3000)];
                random.NextBytes(body);
                byte[] signature = Libsodium.Sign([.. prefix, .. body], sk);
                switch (i % 5)
                {
                    case 1:
                        FlipBit(signature, random);
                        break;
                    case 2:
                        WriteS(signature, ReadS(signature) + L);
                        break;
                    case 3:
                        SmallOrder[random.Next(SmallOrder.Length)].CopyTo(signature, 0);
                        break;
                    case 4 when body.Length > 0:
                        FlipBit(body, random);
                        break;
                }

                bool sodium = Libsodium.Verify(pk, [.. prefix, .. body], signature);
                bool ours = verifier.TryVerify(body, timestamp, Convert.ToBase64String(signature), out WebhookVerificationFailure failure);
                Assert.Equal(ours ? WebhookVerificationFailure.None : WebhookVerificationFailure.InvalidSignature, failure);
                accepted += sodium ? 1 : 0;
                if (sodium != ours)
                {
                    disagreements.Add(Describe(new Case(Kind.Valid, pk, [.. prefix, .. body], signature), ours, sodium));
                }
            }
        }

        output.WriteLine($"2400 webhook cases, libsodium accepted {accepted}");
        Assert.Empty(disagreements);
        Assert.InRange(accepted, 480, 1000);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>
    /// Signatures crafted with libsodium's scalar and point primitives for public keys and R values that carry a
    /// small-order component, A = [a]B + T and R = [r]B + T', with S = r + k·a mod L. A quarter of the keys have a = 0
    /// (A is then of small order) and a quarter of the nonces r = 0 (R of small order). Every such signature satisfies the
    /// cofactored equation, but the cofactorless one only when T' = -[k mod L]T. So this separates cofactorless from
    /// cofactored verification, reducing k mod L (as libsodium does) from using the full 512-bit hash, and (through the
    /// a = 0 and r = 0 cases that pass the equation) checks that small-order A and R are refused as libsodium refuses them.
    /// </summary>
    [Fact]
    public void AgreesWithLibsodiumOnMixedOrderKeysAndNonces()
    {
        var random = new Random(25519);
        int accepted = 0, equationHolds = 0, total = 0;
        var disagreements = new List<string>();
        byte[] zero = new byte[32];
        for (int attempt = 0; attempt < 2000; attempt++)
        {
            byte[] a = random.Next(4) == 0 ? zero : RandomScalar(random);
            byte[] r = random.Next(4) == 0 ? zero : RandomScalar(random);
            byte[] torsionA = SmallOrder[random.Next(8)];
            byte[] torsionR = SmallOrder[random.Next(8)];
            byte[] publicKey = WithTorsion(a, torsionA);
            byte[] bigR = WithTorsion(r, torsionR);

            byte[] message = new byte[random.Next(0, 64)];
            random.NextBytes(message);
            byte[] k = Libsodium.ScalarReduce(SHA512.HashData([.. bigR, .. publicKey, .. message]));
            byte[] s = Libsodium.ScalarMulAdd(k, a, r);
            byte[] signature = [.. bigR, .. s];

            bool sodium = Libsodium.Verify(publicKey, message, signature);
            bool ours = Ed25519.Verify(publicKey, message, signature);
            total++;
            accepted += sodium ? 1 : 0;
            equationHolds += CofactorlessEquationHolds(torsionA, torsionR, k) ? 1 : 0;
            if (sodium != ours)
            {
                disagreements.Add(Describe(new Case(Kind.Valid, publicKey, message, signature), ours, sodium));
            }
        }

        output.WriteLine($"{total} mixed-order signatures: cofactorless equation holds for {equationHolds}, libsodium accepted {accepted}");
        foreach (string d in disagreements.Take(5))
        {
            output.WriteLine(d);
        }

        Assert.Empty(disagreements);
        Assert.InRange(accepted, 1, total - 1);       // both outcomes occur
        Assert.True(equationHolds > accepted + 20);    // and small-order A or R really were refused
    }

    /// <summary>[n]B + T, or T alone when n = 0.</summary>
    private static byte[] WithTorsion(byte[] n, byte[] torsion)
    {
        if (n.All(b => b == 0))
        {
            return (byte[])torsion.Clone();
        }

        return Libsodium.PointAdd(Libsodium.ScalarMultBase(n), torsion) ?? throw new InvalidOperationException("point add failed");
    }

    /// <summary>
    /// Whether [S]B = R + [k]A for the crafted signature: with A = [a]B + T, R = [r]B + T' and S = r + k·a, the prime-order
    /// parts cancel and the equation reduces to T' + [k]T = O, where [k]T only depends on k mod 8.
    /// </summary>
    private static bool CofactorlessEquationHolds(byte[] torsionA, byte[] torsionR, byte[] k)
    {
        byte[] identity = Hex.Decode(SmallOrderCanonical[0]);
        byte[] sum = torsionR;
        for (int i = 0; i < k[0] % 8; i++)
        {
            sum = Libsodium.PointAdd(sum, torsionA) ?? throw new InvalidOperationException("point add failed");
        }

        return sum.AsSpan().SequenceEqual(identity);
    }

    private static byte[] RandomScalar(Random random)
    {
        byte[] wide = new byte[64];
        random.NextBytes(wide);
        return Libsodium.ScalarReduce(wide);
    }

    private static Case MakeCase(Kind kind, Random random, List<(byte[] Pk, byte[] Sk)> keys)
    {
        var (pk, sk) = keys[random.Next(keys.Count)];
        byte[] message = new byte[random.Next(0, 200)];
        random.NextBytes(message);
        byte[] signature = Libsodium.Sign(message, sk);
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
            case Kind.SPlusL:
                WriteS(signature, ReadS(signature) + L);
                break;
            case Kind.SAtLeastL:
                BigInteger[] special = [L, L + 1, L + 2, (BigInteger.One << 253) - 1, (BigInteger.One << 255), (BigInteger.One << 256) - 1];
                BigInteger value = random.Next(3) == 0
                    ? special[random.Next(special.Length)]
                    : L + RandomBelow(random, (BigInteger.One << 256) - L);
                WriteS(signature, value);
                break;
            case Kind.SmallOrderR:
                SmallOrder[random.Next(SmallOrder.Length)].CopyTo(signature, 0);
                MaybeZeroS(signature, random);
                break;
            case Kind.SmallOrderA:
                pk = (byte[])SmallOrder[random.Next(SmallOrder.Length)].Clone();
                MaybeZeroS(signature, random);
                break;
            case Kind.SmallOrderRAndA:
                SmallOrder[random.Next(SmallOrder.Length)].CopyTo(signature, 0);
                pk = (byte[])SmallOrder[random.Next(SmallOrder.Length)].Clone();
                MaybeZeroS(signature, random);
                break;
            case Kind.RandomKey:
                random.NextBytes(pk);
                break;
            case Kind.NonCanonicalA:
                pk = NonCanonicalEncoding(random);
                break;
            case Kind.NonCanonicalR:
                NonCanonicalEncoding(random).CopyTo(signature, 0);
                break;
            case Kind.RandomSignature:
                random.NextBytes(signature);
                if (random.Next(2) == 0)
                {
                    signature[63] &= 0x0f; // S below 2^252, so below L
                }

                break;
            case Kind.WrongMessage:
                byte[] other = new byte[message.Length + 1];
                random.NextBytes(other);
                message = other;
                break;
        }

        return new Case(kind, pk, message, signature);
    }

    /// <summary>y + p for y in 0..18 (the only y with a second encoding below 2^255), either sign bit.</summary>
    private static byte[] NonCanonicalEncoding(Random random)
    {
        BigInteger y = P + random.Next(19);
        byte[] bytes = new byte[32];
        y.TryWriteBytes(bytes, out _, isUnsigned: true);
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

    private static BigInteger RandomBelow(Random random, BigInteger bound)
    {
        byte[] bytes = new byte[33];
        random.NextBytes(bytes);
        bytes[32] = 0;
        return new BigInteger(bytes, isUnsigned: true) % bound;
    }

    private static string Describe(Case c, bool ours, bool sodium) =>
        $"{c.Kind}: ours={ours} libsodium={sodium} pk={Hex.Encode(c.PublicKey)} msg={Hex.Encode(c.Message)} sig={Hex.Encode(c.Signature)}";
}
