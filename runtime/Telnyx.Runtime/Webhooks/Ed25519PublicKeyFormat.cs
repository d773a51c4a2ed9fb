using System;
using System.Security.Cryptography;
using System.Text;

namespace Telnyx.Runtime;

/// <summary>
/// Reads an Ed25519 public key in the forms Telnyx and common tools hand out: the raw 32 bytes (base64 in text),
/// a DER SubjectPublicKeyInfo (RFC 8410; base64 in text), or a PEM "PUBLIC KEY" block.
/// </summary>
internal static class Ed25519PublicKeyFormat
{
    /// <summary>
    /// The only DER encoding of an Ed25519 SubjectPublicKeyInfo (RFC 8410, section 4) up to the key itself:
    /// SEQUENCE (42 bytes) { SEQUENCE (5 bytes) { OID 1.3.101.112 }, BIT STRING (33 bytes, 0 unused bits) { key } }.
    /// </summary>
    private static ReadOnlySpan<byte> SpkiPrefix => [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

    private const int SpkiLength = 44;

    private const string ParameterName = "publicKey";

    private const string Formats =
        "Expected the base64 of a 32-byte Ed25519 public key, a PEM \"PUBLIC KEY\" block, or a DER SubjectPublicKeyInfo for Ed25519 (OID 1.3.101.112).";

    /// <summary>Parses a key given as text: base64 (raw 32 bytes or DER) or PEM.</summary>
    /// <exception cref="ArgumentException">The text is none of these, or not a valid Ed25519 key.</exception>
    public static byte[] Parse(string publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey, ParameterName);
        ReadOnlySpan<char> text = publicKey.AsSpan().Trim();
        if (text.IsEmpty)
        {
            throw new ArgumentException("The public key is empty. " + Formats, ParameterName);
        }

        if (text.StartsWith("-----", StringComparison.Ordinal))
        {
            return ParsePem(text);
        }

        // Base64 of 32 raw bytes is 44 characters, of the 44-byte DER structure 60; allow a little slack for whitespace.
        Span<byte> decoded = stackalloc byte[64];
        if (!Convert.TryFromBase64Chars(text, decoded, out int length))
        {
            throw new ArgumentException("The public key is not valid base64 (or decodes to more than 64 bytes). " + Formats, ParameterName);
        }

        return Parse(decoded.Slice(0, length));
    }

    /// <summary>Parses a key given as bytes: the raw 32-byte key or a 44-byte DER SubjectPublicKeyInfo.</summary>
    /// <exception cref="ArgumentException">The bytes are neither, or not a valid Ed25519 key.</exception>
    public static byte[] Parse(ReadOnlySpan<byte> publicKey)
    {
        ReadOnlySpan<byte> key = publicKey.Length switch
        {
            Ed25519.PublicKeySize => publicKey,
            _ when publicKey.Length == SpkiLength || (publicKey.Length > 0 && publicKey[0] == 0x30) => ParseSubjectPublicKeyInfo(publicKey),
            _ => throw new ArgumentException(
                $"The public key is {publicKey.Length} bytes; a raw Ed25519 key is 32 bytes and its DER SubjectPublicKeyInfo 44. " + Formats,
                ParameterName),
        };

        if (!Ed25519PublicKeyCheck.IsValid(key))
        {
            throw new ArgumentException(
                "The public key is not a valid Ed25519 key: it must be the canonical encoding of a curve point that is not of small order.",
                ParameterName);
        }

        return key.ToArray();
    }

    private static byte[] ParsePem(ReadOnlySpan<char> text)
    {
        if (!PemEncoding.TryFind(text, out PemFields fields))
        {
            throw new ArgumentException("The public key looks like PEM but has no well-formed BEGIN/END block. " + Formats, ParameterName);
        }

        ReadOnlySpan<char> label = text[fields.Label];
        if (!label.SequenceEqual("PUBLIC KEY"))
        {
            throw new ArgumentException($"The PEM block is labelled \"{label}\"; expected \"PUBLIC KEY\". " + Formats, ParameterName);
        }

        byte[] der = new byte[fields.DecodedDataLength];
        if (!Convert.TryFromBase64Chars(text[fields.Base64Data], der, out int length) || length != der.Length)
        {
            throw new ArgumentException("The PEM block's base64 content does not decode. " + Formats, ParameterName);
        }

        return Parse(der);
    }

    /// <summary>Extracts the 32-byte key from the DER SubjectPublicKeyInfo, explaining what differs when it is not Ed25519's.</summary>
    private static ReadOnlySpan<byte> ParseSubjectPublicKeyInfo(ReadOnlySpan<byte> der)
    {
        if (der.Length == SpkiLength && der.StartsWith(SpkiPrefix))
        {
            return der.Slice(SpkiPrefix.Length);
        }

        // Not the Ed25519 structure: find the algorithm OID, if there is one, to say what the key is instead.
        string? oid = TryReadAlgorithmOid(der);
        if (oid is not null && oid != "1.3.101.112")
        {
            throw new ArgumentException(
                $"The SubjectPublicKeyInfo is for algorithm OID {oid}, not Ed25519 (1.3.101.112). " + Formats, ParameterName);
        }

        throw new ArgumentException(
            $"The public key is not a DER SubjectPublicKeyInfo for Ed25519 ({der.Length} bytes; expected 44 starting 30 2A 30 05 06 03 2B 65 70 03 21 00). " + Formats,
            ParameterName);
    }

    /// <summary>Best effort: the dotted OID inside SEQUENCE { SEQUENCE { OID … } … }, or null if the bytes are not shaped so.</summary>
    private static string? TryReadAlgorithmOid(ReadOnlySpan<byte> der)
    {
        // Step into the outer SEQUENCE and the AlgorithmIdentifier SEQUENCE, then read the OID that starts the latter.
        if (!TryEnter(ref der, 0x30) || !TryEnter(ref der, 0x30) || der.Length < 2 || der[0] != 0x06)
        {
            return null;
        }

        int oidLength = der[1];
        if (oidLength == 0 || oidLength >= 0x80 || der.Length < 2 + oidLength)
        {
            return null;
        }

        ReadOnlySpan<byte> oid = der.Slice(2, oidLength);
        var text = new StringBuilder();
        text.Append(oid[0] / 40).Append('.').Append(oid[0] % 40);
        ulong arc = 0;
        for (int i = 1; i < oid.Length; i++)
        {
            arc = (arc << 7) | (uint)(oid[i] & 0x7f);
            if ((oid[i] & 0x80) == 0)
            {
                text.Append('.').Append(arc);
                arc = 0;
            }
        }

        return text.ToString();
    }

    /// <summary>Steps over a tag and its length, leaving <paramref name="der"/> at the content.</summary>
    private static bool TryEnter(ref ReadOnlySpan<byte> der, byte tag)
    {
        if (der.Length < 2 || der[0] != tag)
        {
            return false;
        }

        int headerLength = der[1] switch
        {
            < 0x80 => 2,
            0x81 => 3,
            0x82 => 4,
            _ => -1,
        };
        if (headerLength < 0 || der.Length < headerLength)
        {
            return false;
        }

        der = der.Slice(headerLength);
        return true;
    }
}
