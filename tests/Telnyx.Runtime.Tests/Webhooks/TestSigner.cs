namespace Telnyx.Runtime.Tests.Webhooks;

/// <summary>The shared signer (tests/Telnyx.Testing) by seed: key pairs as RFC 8032 derives them from a 32-byte seed.</summary>
internal static class TestSigner
{
    /// <summary>The public key for a seed; the "secret key" the tests pass around is the seed itself.</summary>
    public static (byte[] PublicKey, byte[] SecretKey) KeyPairFromSeed(byte[] seed)
    {
        using var signer = WebhookSigner.FromSeed(seed);
        return (signer.PublicKeyBytes, (byte[])seed.Clone());
    }

    public static byte[] Sign(byte[] message, byte[] seed)
    {
        using var signer = WebhookSigner.FromSeed(seed);
        return signer.SignMessage(message);
    }
}
