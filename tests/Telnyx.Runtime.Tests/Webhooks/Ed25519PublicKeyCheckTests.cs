using System;
using System.Numerics;
using static Telnyx.Runtime.Tests.Webhooks.EdwardsReference;

namespace Telnyx.Runtime.Tests.Webhooks;

/// <summary>
/// The key check the verifier makes at construction agrees with the reference arithmetic: a key is accepted exactly when
/// its y is canonical, it decodes to a curve point, and that point is not of small order (8A is not the identity).
/// </summary>
public class Ed25519PublicKeyCheckTests
{
    [Fact]
    public void AgreesWithTheReferenceOnRandomAndEdgeEncodings()
    {
        var random = new Random(32);
        int accepted = 0, total = 0;
        for (int i = 0; i < 2000; i++)
        {
            byte[] key = new byte[32];
            random.NextBytes(key);
            if (i % 4 == 0)
            {
                // Small y values and their non-canonical twins y + p: where the edge cases live.
                Array.Clear(key);
                (i % 8 == 0 ? P + random.Next(19) : new BigInteger(random.Next(64))).TryWriteBytes(key, out _, isUnsigned: true);
                key[31] |= (byte)(random.Next(2) << 7);
            }

            bool expected = IsCanonical(key) && Decode(key) is Point a && !EdwardsReference.Equal(Multiply(8, a), Identity);
            Assert.True(expected == Ed25519PublicKeyCheck.IsValid(key), Convert.ToHexString(key));
            accepted += expected ? 1 : 0;
            total++;
        }

        // Random 32 bytes are a curve point about half the time: both outcomes are well exercised.
        Assert.InRange(accepted, total / 4, total * 3 / 4);
    }

    [Fact]
    public void RefusesWrongLengths()
    {
        Assert.False(Ed25519PublicKeyCheck.IsValid(new byte[31]));
        Assert.False(Ed25519PublicKeyCheck.IsValid(new byte[33]));
    }

    private static bool IsCanonical(byte[] key)
    {
        byte[] y = (byte[])key.Clone();
        y[31] &= 0x7f;
        return new BigInteger(y, isUnsigned: true) < P;
    }
}
