using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Telnyx.Runtime.Tests.Webhooks;

public class TelnyxWebhookVerifierTests
{
    /// <summary>A clock that stands still at a chosen instant.</summary>
    private sealed class FakeTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_717_000_000);

    private static readonly (byte[] PublicKey, byte[] SecretKey) Key =
        TestSigner.KeyPairFromSeed(SHA256.HashData("telnyx webhook test key"u8));

    private static readonly (byte[] PublicKey, byte[] SecretKey) OtherKey =
        TestSigner.KeyPairFromSeed(SHA256.HashData("some other key"u8));

    private static readonly byte[] Body =
        Encoding.UTF8.GetBytes("""{"data":{"event_type":"call.initiated","id":"0ccc7b54-4df3-4bca-a65a-3da1ecc777f0","payload":{"to":"+13129457420"}}}""");

    private static readonly byte[] SpkiPrefix = Hex.Decode("302a300506032b6570032100");

    private static TelnyxWebhookVerifier CreateVerifier(DateTimeOffset? now = null, TimeSpan? tolerance = null) =>
        new(Convert.ToBase64String(Key.PublicKey), tolerance, new FakeTimeProvider(now ?? Now));

    /// <summary>What Telnyx does: sign "{timestamp}|{body}" and send the signature in base64.</summary>
    private static string Sign(string timestamp, byte[] body, byte[]? secretKey = null) =>
        Convert.ToBase64String(TestSigner.Sign([.. Encoding.UTF8.GetBytes(timestamp + "|"), .. body], secretKey ?? Key.SecretKey));

    private static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static WebhookVerificationException AssertFails(
        WebhookVerificationFailure expected, TelnyxWebhookVerifier verifier, byte[] body, string? timestamp, string? signature)
    {
        Assert.False(verifier.TryVerify(body, new TelnyxWebhookHeaders(signature, timestamp), out WebhookVerificationFailure failure));
        Assert.Equal(expected, failure);
        var exception = Assert.Throws<WebhookVerificationException>(() => verifier.Verify(body, new TelnyxWebhookHeaders(signature, timestamp)));
        Assert.Equal(expected, exception.Reason);
        return exception;
    }

    [Fact]
    public void AcceptsAValidWebhook()
    {
        string timestamp = Timestamp(Now);
        var verifier = CreateVerifier();
        verifier.Verify(Body, new TelnyxWebhookHeaders(Sign(timestamp, Body), timestamp));
        Assert.True(verifier.TryVerify(Body, new TelnyxWebhookHeaders(Sign(timestamp, Body), timestamp), out WebhookVerificationFailure failure));
        Assert.Equal(WebhookVerificationFailure.None, failure);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2047)]
    [InlineData(5000)]
    [InlineData(300_000)]
    public void AcceptsBodiesOfAnySize(int size)
    {
        byte[] body = new byte[size];
        new Random(size).NextBytes(body);
        string timestamp = Timestamp(Now);
        CreateVerifier().Verify(body, new TelnyxWebhookHeaders(Sign(timestamp, body), timestamp));
    }

    [Fact]
    public void VerifyingDoesNotAllocate()
    {
        string timestamp = Timestamp(Now);
        string signature = Sign(timestamp, Body);
        byte[] largeBody = new byte[10_000];
        string largeSignature = Sign(timestamp, largeBody);
        var verifier = CreateVerifier();
        Assert.True(verifier.TryVerify(Body, new TelnyxWebhookHeaders(signature, timestamp), out _));           // first use: static tables
        Assert.True(verifier.TryVerify(largeBody, new TelnyxWebhookHeaders(largeSignature, timestamp), out _)); // first use: the array pool

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 5; i++)
        {
            verifier.TryVerify(Body, new TelnyxWebhookHeaders(signature, timestamp), out _);
            verifier.TryVerify(largeBody, new TelnyxWebhookHeaders(largeSignature, timestamp), out _);
            verifier.Verify(Body, new TelnyxWebhookHeaders(signature, timestamp));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void RejectsATamperedBody()
    {
        string timestamp = Timestamp(Now);
        string signature = Sign(timestamp, Body);
        byte[] tampered = (byte[])Body.Clone();
        tampered[^3] ^= 0x01;
        var e = AssertFails(WebhookVerificationFailure.InvalidSignature, CreateVerifier(), tampered, timestamp, signature);
        Assert.Contains("signature does not match", e.Message);

        // Re-serialized JSON (here: with a space added) is a different body too.
        byte[] reserialized = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Body).Replace(":{", ": {"));
        AssertFails(WebhookVerificationFailure.InvalidSignature, CreateVerifier(), reserialized, timestamp, signature);
    }

    [Fact]
    public void RejectsATamperedTimestamp()
    {
        string timestamp = Timestamp(Now);
        string signature = Sign(timestamp, Body);
        AssertFails(WebhookVerificationFailure.InvalidSignature, CreateVerifier(), Body, Timestamp(Now.AddSeconds(1)), signature);
        AssertFails(WebhookVerificationFailure.InvalidSignature, CreateVerifier(), Body, "0" + timestamp, signature);
    }

    [Fact]
    public void RejectsAStaleTimestamp()
    {
        string timestamp = Timestamp(Now.AddSeconds(-301));
        var e = AssertFails(WebhookVerificationFailure.TimestampTooOld, CreateVerifier(), Body, timestamp, Sign(timestamp, Body));
        Assert.Contains("301 s in the past", e.Message);
        Assert.Contains("tolerance of 300 s by 1 s", e.Message);
    }

    [Fact]
    public void RejectsAFutureTimestamp()
    {
        string timestamp = Timestamp(Now.AddSeconds(301));
        var e = AssertFails(WebhookVerificationFailure.TimestampTooNew, CreateVerifier(), Body, timestamp, Sign(timestamp, Body));
        Assert.Contains("301 s in the future", e.Message);
        Assert.Contains("by 1 s", e.Message);
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    [InlineData(0)]
    public void AcceptsTimestampsExactlyAtTheTolerance(int offsetSeconds)
    {
        string timestamp = Timestamp(Now.AddSeconds(offsetSeconds));
        CreateVerifier().Verify(Body, new TelnyxWebhookHeaders(Sign(timestamp, Body), timestamp));
    }

    [Fact]
    public void HonoursACustomTolerance()
    {
        string timestamp = Timestamp(Now.AddSeconds(-30));
        var strict = CreateVerifier(tolerance: TimeSpan.FromSeconds(10));
        AssertFails(WebhookVerificationFailure.TimestampTooOld, strict, Body, timestamp, Sign(timestamp, Body));
        CreateVerifier(tolerance: TimeSpan.FromMinutes(1)).Verify(Body, new TelnyxWebhookHeaders(Sign(timestamp, Body), timestamp));
        Assert.Equal(TimeSpan.FromSeconds(300), CreateVerifier().Tolerance);
        Assert.Throws<ArgumentOutOfRangeException>(() => CreateVerifier(tolerance: TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void UsesTheSystemClockByDefault()
    {
        var verifier = new TelnyxWebhookVerifier(Convert.ToBase64String(Key.PublicKey));
        Assert.Same(TimeProvider.System, verifier.TimeProvider);
        string timestamp = Timestamp(DateTimeOffset.UtcNow);
        verifier.Verify(Body, new TelnyxWebhookHeaders(Sign(timestamp, Body), timestamp));
    }

    [Fact]
    public void RejectsASignatureFromAnotherKey()
    {
        string timestamp = Timestamp(Now);
        AssertFails(WebhookVerificationFailure.InvalidSignature, CreateVerifier(), Body, timestamp, Sign(timestamp, Body, OtherKey.SecretKey));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void RejectsAMissingSignatureHeader(string? signature)
    {
        var e = AssertFails(WebhookVerificationFailure.MissingSignatureHeader, CreateVerifier(), Body, Timestamp(Now), signature);
        Assert.Contains("telnyx-signature-ed25519", e.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void RejectsAMissingTimestampHeader(string? timestamp)
    {
        var e = AssertFails(WebhookVerificationFailure.MissingTimestampHeader, CreateVerifier(), Body, timestamp, Sign(Timestamp(Now), Body));
        Assert.Contains("telnyx-timestamp", e.Message);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("AAAA=AAA")]
    [InlineData("%%%%")]
    public void RejectsSignaturesThatAreNotBase64(string signature)
    {
        var e = AssertFails(WebhookVerificationFailure.InvalidSignatureEncoding, CreateVerifier(), Body, Timestamp(Now), signature);
        Assert.Contains("not valid base64", e.Message);
    }

    [Theory]
    [InlineData(63)]
    [InlineData(65)]
    [InlineData(32)]
    [InlineData(200)]
    public void RejectsSignaturesOfTheWrongLength(int length)
    {
        string timestamp = Timestamp(Now);
        byte[] signature = Convert.FromBase64String(Sign(timestamp, Body));
        byte[] resized = new byte[length];
        signature.AsSpan(0, Math.Min(length, 64)).CopyTo(resized);
        var e = AssertFails(WebhookVerificationFailure.InvalidSignatureEncoding, CreateVerifier(), Body, timestamp, Convert.ToBase64String(resized));
        if (length < 96)
        {
            Assert.Contains($"decodes to {length} bytes", e.Message);
        }
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("+1717000000")]
    [InlineData("1717000000.5")]
    [InlineData(" 1717000000")]
    [InlineData("1,717,000,000")]
    [InlineData("99999999999999999999999")]
    public void RejectsTimestampsThatAreNotIntegers(string timestamp)
    {
        var e = AssertFails(WebhookVerificationFailure.InvalidTimestamp, CreateVerifier(), Body, timestamp, Sign(timestamp, Body));
        Assert.Contains("not a whole number", e.Message);
    }

    [Fact]
    public void RejectsTimestampsBeyondTheLastRepresentableDate()
    {
        string timestamp = long.MaxValue.ToString(CultureInfo.InvariantCulture);
        AssertFails(WebhookVerificationFailure.TimestampTooNew, CreateVerifier(), Body, timestamp, Sign(timestamp, Body));
    }

    public static TheoryData<string> HeaderNameCasings => new() { "lower", "Title", "UPPER" };

    private static (string Timestamp, string Signature) Headers(string casing, out string timestampValue, out string signatureValue)
    {
        timestampValue = Timestamp(Now);
        signatureValue = Sign(timestampValue, Body);
        return casing switch
        {
            "lower" => ("telnyx-timestamp", "telnyx-signature-ed25519"),
            "Title" => ("Telnyx-Timestamp", "Telnyx-Signature-Ed25519"),
            _ => ("TELNYX-TIMESTAMP", "TELNYX-SIGNATURE-ED25519"),
        };
    }

    [Theory]
    [MemberData(nameof(HeaderNameCasings))]
    public void ReadsHeadersFromCaseSensitiveDictionaries(string casing)
    {
        var (timestampName, signatureName) = Headers(casing, out string timestamp, out string signature);
        var verifier = CreateVerifier();

        var dictionary = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Content-Type"] = "application/json",
            [timestampName] = timestamp,
            [signatureName] = signature,
        };
        verifier.Verify(Body, TelnyxWebhookHeaders.From(dictionary));
        verifier.Verify(Body, TelnyxWebhookHeaders.From((IDictionary<string, string>)dictionary));
        verifier.Verify(Body, TelnyxWebhookHeaders.From((IReadOnlyDictionary<string, string>)new ReadOnlyDictionary<string, string>(dictionary)));
        verifier.Verify(Body, TelnyxWebhookHeaders.From(new SortedDictionary<string, string>(dictionary, StringComparer.Ordinal)));
        verifier.Verify(Body, TelnyxWebhookHeaders.From(dictionary.ToList()));
        Assert.True(verifier.TryVerify(Body, TelnyxWebhookHeaders.From(dictionary), out WebhookVerificationFailure failure));
        Assert.Equal(WebhookVerificationFailure.None, failure);

        dictionary.Remove(signatureName);
        Assert.False(verifier.TryVerify(Body, TelnyxWebhookHeaders.From(dictionary), out failure));
        Assert.Equal(WebhookVerificationFailure.MissingSignatureHeader, failure);
        var e = Assert.Throws<WebhookVerificationException>(() => verifier.Verify(Body, TelnyxWebhookHeaders.From(dictionary)));
        Assert.Equal(WebhookVerificationFailure.MissingSignatureHeader, e.Reason);
    }

    [Theory]
    [MemberData(nameof(HeaderNameCasings))]
    public void ReadsHeadersFromHttpHeaders(string casing)
    {
        var (timestampName, signatureName) = Headers(casing, out string timestamp, out string signature);
        var verifier = CreateVerifier();
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://example.test/webhooks");
        request.Headers.TryAddWithoutValidation(timestampName, timestamp);
        request.Headers.TryAddWithoutValidation(signatureName, signature);

        verifier.Verify(Body, TelnyxWebhookHeaders.From(request.Headers));
        Assert.True(verifier.TryVerify(Body, TelnyxWebhookHeaders.From(request.Headers), out WebhookVerificationFailure failure));
        Assert.Equal(WebhookVerificationFailure.None, failure);

        request.Headers.Remove(timestampName);
        Assert.False(verifier.TryVerify(Body, TelnyxWebhookHeaders.From(request.Headers), out failure));
        Assert.Equal(WebhookVerificationFailure.MissingTimestampHeader, failure);
    }

    [Theory]
    [MemberData(nameof(HeaderNameCasings))]
    public void ReadsHeadersThroughAnAccessor(string casing)
    {
        var (timestampName, signatureName) = Headers(casing, out string timestamp, out string signature);
        var verifier = CreateVerifier();

        // ASP.NET Core's IHeaderDictionary: a dictionary of StringValues, read directly (the runtime does not reference ASP.NET Core).
        IHeaderDictionary aspNetHeaders = new HeaderDictionary
        {
            [timestampName] = timestamp,
            [signatureName] = signature,
        };
        verifier.Verify(Body, TelnyxWebhookHeaders.From(aspNetHeaders));
        verifier.Verify(Body, TelnyxWebhookHeaders.From(name => aspNetHeaders.TryGetValue(name, out var values) ? values.ToString() : null));

        // A repeated header counts by its first value, as with HttpHeaders.
        aspNetHeaders[signatureName] = new Microsoft.Extensions.Primitives.StringValues([signature, "second"]);
        verifier.Verify(Body, TelnyxWebhookHeaders.From(aspNetHeaders));

        var plain = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [timestampName] = timestamp, [signatureName] = signature };
        Assert.True(verifier.TryVerify(Body, TelnyxWebhookHeaders.From(name => plain.GetValueOrDefault(name)), out WebhookVerificationFailure failure));
        Assert.Equal(WebhookVerificationFailure.None, failure);

        Assert.False(verifier.TryVerify(Body, TelnyxWebhookHeaders.From(_ => null), out failure));
        Assert.Equal(WebhookVerificationFailure.MissingSignatureHeader, failure);
    }

    [Fact]
    public void RejectsNullHeaderSources()
    {
        var verifier = CreateVerifier();
        Assert.Throws<ArgumentNullException>(() => verifier.Verify(Body, TelnyxWebhookHeaders.From((IEnumerable<KeyValuePair<string, string>>)null!)));
        Assert.Throws<ArgumentNullException>(() => verifier.Verify(Body, TelnyxWebhookHeaders.From((System.Net.Http.Headers.HttpHeaders)null!)));
        Assert.Throws<ArgumentNullException>(() => verifier.Verify(Body, TelnyxWebhookHeaders.From((Func<string, string?>)null!)));
        Assert.Throws<ArgumentNullException>(() => verifier.Verify(Body, TelnyxWebhookHeaders.From((IHeaderDictionary)null!)));
    }

    [Fact]
    public void AcceptsPemAndDerKeys()
    {
        byte[] der = [.. SpkiPrefix, .. Key.PublicKey];
        string pem = "-----BEGIN PUBLIC KEY-----\n" + Convert.ToBase64String(der) + "\n-----END PUBLIC KEY-----\n";
        string timestamp = Timestamp(Now);
        string signature = Sign(timestamp, Body);
        var clock = new FakeTimeProvider(Now);

        var verifiers = new[]
        {
            new TelnyxWebhookVerifier(Convert.ToBase64String(Key.PublicKey), timeProvider: clock),
            new TelnyxWebhookVerifier("  " + Convert.ToBase64String(Key.PublicKey) + "\n", timeProvider: clock),
            new TelnyxWebhookVerifier(pem, timeProvider: clock),
            new TelnyxWebhookVerifier(pem.Replace("\n", "\r\n"), timeProvider: clock),
            new TelnyxWebhookVerifier(Convert.ToBase64String(der), timeProvider: clock),
            new TelnyxWebhookVerifier(der, timeProvider: clock),
            new TelnyxWebhookVerifier(Key.PublicKey, timeProvider: clock),
        };
        foreach (TelnyxWebhookVerifier verifier in verifiers)
        {
            Assert.Equal(Hex.Encode(Key.PublicKey), Hex.Encode(verifier.PublicKey.Span));
            verifier.Verify(Body, new TelnyxWebhookHeaders(signature, timestamp));
        }
    }

    [Fact]
    public void AcceptsTheWycheproofKeyInEveryForm()
    {
        // The Wycheproof file gives one key as raw hex, DER and PEM (generated by other tools than ours).
        string json = System.IO.File.ReadAllText(SharedTestData.GetPath("test-vectors", "wycheproof-ed25519_test.json"));
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var group = document.RootElement.GetProperty("testGroups")[0];
        string raw = group.GetProperty("publicKey").GetProperty("pk").GetString()!;
        string der = group.GetProperty("publicKeyDer").GetString()!;
        string pem = group.GetProperty("publicKeyPem").GetString()!;

        Assert.Equal(raw, Hex.Encode(new TelnyxWebhookVerifier(pem).PublicKey.Span));
        Assert.Equal(raw, Hex.Encode(new TelnyxWebhookVerifier(Hex.Decode(der)).PublicKey.Span));
        Assert.Equal(raw, Hex.Encode(new TelnyxWebhookVerifier(Convert.ToBase64String(Hex.Decode(raw))).PublicKey.Span));
    }

    public static TheoryData<string, string> GarbageTextKeys => new()
    {
        { "", "empty" },
        { "   ", "empty" },
        { "definitely not a key", "not valid base64" },
        { Convert.ToBase64String(new byte[31]), "31 bytes" },
        { Convert.ToBase64String(new byte[33]), "33 bytes" },
        { Convert.ToBase64String(new byte[100]), "not valid base64" },
        { "-----BEGIN PUBLIC KEY-----\nnot base64\n-----END PUBLIC KEY-----", "PEM" },
        { "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n-----END PRIVATE KEY-----", "\"PRIVATE KEY\"" },
        { "-----BEGIN PUBLIC KEY-----", "BEGIN/END" },
        // X25519 (OID 1.3.101.110) is a different algorithm with the same key size.
        { Convert.ToBase64String(Hex.Decode("302a300506032b656e0321008520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a")), "1.3.101.110" },
        // The identity point: canonical, on the curve, but of small order.
        { Convert.ToBase64String(Hex.Decode("0100000000000000000000000000000000000000000000000000000000000000")), "small order" },
        // y = p + 3: a point on the curve, but not canonically encoded (the canonical y = 3 is accepted below).
        { Convert.ToBase64String(Hex.Decode("f0ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")), "canonical" },
        // y = 2 is not the y of any curve point.
        { Convert.ToBase64String(Hex.Decode("0200000000000000000000000000000000000000000000000000000000000000")), "canonical encoding of a curve point" },
    };

    [Theory]
    [MemberData(nameof(GarbageTextKeys))]
    public void RejectsGarbageKeysWithAClearMessage(string key, string expectedInMessage)
    {
        var e = Assert.Throws<ArgumentException>(() => new TelnyxWebhookVerifier(key));
        Assert.Equal("publicKey", e.ParamName);
        Assert.Contains(expectedInMessage, e.Message);
    }

    [Fact]
    public void RejectsGarbageKeyBytesAndOtherAlgorithms()
    {
        Assert.Throws<ArgumentNullException>(() => new TelnyxWebhookVerifier((string)null!));
        Assert.Contains("0 bytes", Assert.Throws<ArgumentException>(() => new TelnyxWebhookVerifier(ReadOnlySpan<byte>.Empty)).Message);
        Assert.Contains("45 bytes", Assert.Throws<ArgumentException>(() => new TelnyxWebhookVerifier(new byte[45])).Message);

        // A 44-byte SPKI whose bit string has unused bits, and a truncated one.
        byte[] der = [.. SpkiPrefix, .. Key.PublicKey];
        der[11] = 1;
        Assert.Throws<ArgumentException>(() => new TelnyxWebhookVerifier(der));
        Assert.Throws<ArgumentException>(() => new TelnyxWebhookVerifier(der.AsSpan(0, 43)));

        // An ECDSA P-256 key in SPKI form is refused, naming its OID.
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var e = Assert.Throws<ArgumentException>(() => new TelnyxWebhookVerifier(ecdsa.ExportSubjectPublicKeyInfo()));
        Assert.Contains("1.2.840.10045.2.1", e.Message);
        e = Assert.Throws<ArgumentException>(() => new TelnyxWebhookVerifier(ecdsa.ExportSubjectPublicKeyInfoPem()));
        Assert.Contains("1.2.840.10045.2.1", e.Message);
    }

    [Fact]
    public void AcceptsTheCanonicalTwinOfTheNonCanonicalKey()
    {
        // y = 3 is on the curve and not of small order, so its canonical encoding is a usable key.
        var verifier = new TelnyxWebhookVerifier(Hex.Decode("0300000000000000000000000000000000000000000000000000000000000000"));
        Assert.Equal(32, verifier.PublicKey.Length);
    }
}
