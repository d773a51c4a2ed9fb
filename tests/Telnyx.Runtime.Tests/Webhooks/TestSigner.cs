using System;
using NSec.Cryptography;

namespace Telnyx.Runtime.Tests.Webhooks;

/// <summary>Signs with libsodium through NSec (tests only): key pairs from a 32-byte seed, as RFC 8032 defines them.</summary>
internal static class TestSigner
{
    /// <summary>The public key for a seed; the "secret key" the tests pass around is the seed itself.</summary>
    public static (byte[] PublicKey, byte[] SecretKey) KeyPairFromSeed(byte[] seed)
    {
        using Key key = Import(seed);
        return (key.PublicKey.Export(KeyBlobFormat.RawPublicKey), (byte[])seed.Clone());
    }

    public static byte[] Sign(byte[] message, byte[] seed)
    {
        using Key key = Import(seed);
        return SignatureAlgorithm.Ed25519.Sign(key, message);
    }

    private static Key Import(byte[] seed) => Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);
}
