using System;
using System.Globalization;

namespace Telnyx.Runtime;

/// <summary>
/// Verifies that a webhook request comes from Telnyx and is fresh: an Ed25519 signature over
/// <c>"{telnyx-timestamp}|"</c> followed by the raw request body, and a timestamp within a tolerance of the current time.
/// </summary>
/// <remarks>
/// <para>
/// Pass the body exactly as received, before any JSON parsing: re-serializing it changes the bytes and breaks the
/// signature. Instances are immutable and thread-safe; create one per public key and reuse it.
/// </para>
/// <para>
/// Checks run in this order, and the first that fails is reported: signature header present, timestamp header present,
/// signature header is base64 of 64 bytes, timestamp is an integer, timestamp within the tolerance, signature valid.
/// </para>
/// </remarks>
public sealed class TelnyxWebhookVerifier
{
    /// <summary>The name of the header carrying the base64 Ed25519 signature.</summary>
    public const string SignatureHeaderName = "telnyx-signature-ed25519";

    /// <summary>The name of the header carrying the signing time, in Unix seconds.</summary>
    public const string TimestampHeaderName = "telnyx-timestamp";

    /// <summary>The default tolerance between the webhook's timestamp and the current time, in either direction: 300 seconds.</summary>
    public static TimeSpan DefaultTolerance { get; } = TimeSpan.FromSeconds(300);

    /// <summary>Longest timestamp header whose signed prefix is built on the stack (longer ones are legal with leading zeros).</summary>
    private const int StackPrefixLimit = 64;

    /// <summary>The raw key, checked by <see cref="Ed25519PublicKeyCheck"/>.</summary>
    private readonly byte[] _publicKeyBytes;

    /// <summary>The key imported into NSec once, not per webhook.</summary>
    private readonly NSec.Cryptography.PublicKey _publicKey;

    /// <summary>Creates a verifier from the Telnyx public key in text form.</summary>
    /// <param name="publicKey">
    /// The key as shown in the Telnyx portal (base64 of the 32-byte key), or a PEM <c>-----BEGIN PUBLIC KEY-----</c> block,
    /// or the base64 of a DER SubjectPublicKeyInfo for Ed25519 (OID 1.3.101.112).
    /// </param>
    /// <param name="tolerance">How far the timestamp may be from now, in either direction; defaults to <see cref="DefaultTolerance"/>.</param>
    /// <param name="timeProvider">The clock; defaults to <see cref="System.TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="publicKey"/> is null.</exception>
    /// <exception cref="ArgumentException">The key is in none of the accepted forms, or is not a valid Ed25519 public key.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tolerance"/> is negative.</exception>
    /// <exception cref="PlatformNotSupportedException">The native libsodium library (from the libsodium NuGet package) could not be loaded.</exception>
    public TelnyxWebhookVerifier(string publicKey, TimeSpan? tolerance = null, TimeProvider? timeProvider = null)
    {
        _publicKeyBytes = Ed25519PublicKeyFormat.Parse(publicKey);
        _publicKey = Import(_publicKeyBytes);
        Tolerance = ValidateTolerance(tolerance);
        TimeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// Creates the verifier a client's <c>Webhooks</c> uses: the key from <see cref="TelnyxClientOptions.WebhookPublicKey"/>,
    /// else the <c>TELNYX_PUBLIC_KEY</c> environment variable, with the options' tolerance and clock.
    /// </summary>
    /// <param name="options">The client's options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="TelnyxConfigurationException">Neither the options nor the environment give a key.</exception>
    public static TelnyxWebhookVerifier FromOptions(TelnyxClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var key = options.WebhookPublicKey;
        if (string.IsNullOrWhiteSpace(key)) key = Environment.GetEnvironmentVariable(TelnyxClientOptions.WebhookPublicKeyEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new TelnyxConfigurationException("No Telnyx webhook public key: set TelnyxClientOptions.WebhookPublicKey or the TELNYX_PUBLIC_KEY environment variable (Mission Control Portal, Keys & Credentials, Public Key).");
        }
        return new TelnyxWebhookVerifier(key, options.WebhookTolerance, options.TimeProvider);
    }

    /// <summary>Creates a verifier from the Telnyx public key as bytes.</summary>
    /// <param name="publicKey">The raw 32-byte Ed25519 key, or its 44-byte DER SubjectPublicKeyInfo (OID 1.3.101.112).</param>
    /// <param name="tolerance">How far the timestamp may be from now, in either direction; defaults to <see cref="DefaultTolerance"/>.</param>
    /// <param name="timeProvider">The clock; defaults to <see cref="System.TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentException">The bytes are neither form, or not a valid Ed25519 public key.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tolerance"/> is negative.</exception>
    /// <exception cref="PlatformNotSupportedException">The native libsodium library (from the libsodium NuGet package) could not be loaded.</exception>
    public TelnyxWebhookVerifier(ReadOnlySpan<byte> publicKey, TimeSpan? tolerance = null, TimeProvider? timeProvider = null)
    {
        _publicKeyBytes = Ed25519PublicKeyFormat.Parse(publicKey);
        _publicKey = Import(_publicKeyBytes);
        Tolerance = ValidateTolerance(tolerance);
        TimeProvider = timeProvider ?? TimeProvider.System;
    }

    private static NSec.Cryptography.PublicKey Import(byte[] publicKey) =>
        Ed25519.TryImport(publicKey)
        ?? throw new ArgumentException("The public key is not a valid Ed25519 key.", nameof(publicKey)); // Parse checked it already

    private static TimeSpan ValidateTolerance(TimeSpan? tolerance)
    {
        TimeSpan value = tolerance ?? DefaultTolerance;
        ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero, nameof(tolerance));
        return value;
    }

    /// <summary>The raw 32-byte Ed25519 public key.</summary>
    public ReadOnlyMemory<byte> PublicKey => _publicKeyBytes;

    /// <summary>How far the timestamp may be from now, in either direction (inclusive).</summary>
    public TimeSpan Tolerance { get; }

    /// <summary>The clock used for the timestamp checks.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Verifies a webhook given its raw body and its signature headers.</summary>
    /// <param name="rawBody">The request body exactly as received.</param>
    /// <param name="headers">The two headers: <c>TelnyxWebhookHeaders.From(request.Headers)</c>, or from a dictionary or lookup.</param>
    /// <exception cref="WebhookVerificationException">A check failed; <see cref="WebhookVerificationException.Reason"/> says which.</exception>
    public void Verify(ReadOnlySpan<byte> rawBody, TelnyxWebhookHeaders headers)
    {
        Outcome outcome = Check(rawBody, headers.Timestamp, headers.Signature);
        if (outcome.Failure != WebhookVerificationFailure.None)
        {
            throw new WebhookVerificationException(outcome.Failure, Describe(outcome, headers.Timestamp));
        }
    }

    /// <summary>Verifies a webhook given its raw body and its signature headers, without throwing.</summary>
    /// <param name="rawBody">The request body exactly as received.</param>
    /// <param name="headers">The two headers.</param>
    /// <param name="failure">Which check failed, or <see cref="WebhookVerificationFailure.None"/>.</param>
    /// <returns><see langword="true"/> when the webhook is authentic and fresh.</returns>
    public bool TryVerify(ReadOnlySpan<byte> rawBody, TelnyxWebhookHeaders headers, out WebhookVerificationFailure failure)
    {
        failure = Check(rawBody, headers.Timestamp, headers.Signature).Failure;
        return failure == WebhookVerificationFailure.None;
    }

    /// <summary>The result of the checks, with what the failure message needs.</summary>
    private readonly record struct Outcome(WebhookVerificationFailure Failure, int DecodedSignatureLength = 0, TimeSpan Skew = default);

    private Outcome Check(ReadOnlySpan<byte> rawBody, string? timestampHeader, string? signatureHeader)
    {
        if (string.IsNullOrEmpty(signatureHeader))
        {
            return new(WebhookVerificationFailure.MissingSignatureHeader);
        }

        if (string.IsNullOrEmpty(timestampHeader))
        {
            return new(WebhookVerificationFailure.MissingTimestampHeader);
        }

        // Room for a little more than 64 bytes, so a wrong length can be reported as such.
        Span<byte> signature = stackalloc byte[96];
        if (!Convert.TryFromBase64String(signatureHeader, signature, out int signatureLength))
        {
            return new(WebhookVerificationFailure.InvalidSignatureEncoding, DecodedSignatureLength: -1);
        }

        if (signatureLength != Ed25519.SignatureSize)
        {
            return new(WebhookVerificationFailure.InvalidSignatureEncoding, DecodedSignatureLength: signatureLength);
        }

        // Digits only: no sign, no spaces, no separators. The header text is also what was signed.
        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out long unixSeconds))
        {
            return new(WebhookVerificationFailure.InvalidTimestamp);
        }

        // Positive skew: the timestamp is in the past. Timestamps past year 9999 cannot be represented; they are "too new".
        DateTimeOffset now = TimeProvider.GetUtcNow();
        if (unixSeconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return new(WebhookVerificationFailure.TimestampTooNew, Skew: TimeSpan.MinValue);
        }

        TimeSpan skew = now - DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
        if (skew > Tolerance)
        {
            return new(WebhookVerificationFailure.TimestampTooOld, Skew: skew);
        }

        if (skew < -Tolerance)
        {
            return new(WebhookVerificationFailure.TimestampTooNew, Skew: skew);
        }

        // The signed message is "{timestamp}|" followed by the body; the prefix is ASCII digits and '|'.
        int prefixLength = timestampHeader.Length + 1;
        Span<byte> prefix = prefixLength <= StackPrefixLimit ? stackalloc byte[StackPrefixLimit] : new byte[prefixLength];
        prefix = prefix.Slice(0, prefixLength);
        for (int i = 0; i < timestampHeader.Length; i++)
        {
            prefix[i] = (byte)timestampHeader[i];
        }

        prefix[^1] = (byte)'|';

        return Ed25519.Verify(_publicKey, prefix, rawBody, signature.Slice(0, Ed25519.SignatureSize))
            ? new(WebhookVerificationFailure.None)
            : new(WebhookVerificationFailure.InvalidSignature);
    }

    private string Describe(Outcome outcome, string? timestampHeader)
    {
        switch (outcome.Failure)
        {
            case WebhookVerificationFailure.MissingSignatureHeader:
                return $"The {SignatureHeaderName} header is missing or empty.";
            case WebhookVerificationFailure.MissingTimestampHeader:
                return $"The {TimestampHeaderName} header is missing or empty.";
            case WebhookVerificationFailure.InvalidSignatureEncoding when outcome.DecodedSignatureLength < 0:
                return $"The {SignatureHeaderName} header is not valid base64 of a 64-byte Ed25519 signature.";
            case WebhookVerificationFailure.InvalidSignatureEncoding:
                return $"The {SignatureHeaderName} header decodes to {outcome.DecodedSignatureLength} bytes; an Ed25519 signature is 64 bytes.";
            case WebhookVerificationFailure.InvalidTimestamp:
                return $"The {TimestampHeaderName} header \"{Truncate(timestampHeader)}\" is not a whole number of Unix seconds.";
            case WebhookVerificationFailure.TimestampTooOld:
                return $"The webhook timestamp is {Seconds(outcome.Skew)} s in the past, beyond the tolerance of {Seconds(Tolerance)} s " +
                    $"by {Seconds(outcome.Skew - Tolerance)} s ({TimestampHeaderName}: {timestampHeader}).";
            case WebhookVerificationFailure.TimestampTooNew when outcome.Skew == TimeSpan.MinValue:
                return $"The webhook timestamp {Truncate(timestampHeader)} is beyond the year 9999.";
            case WebhookVerificationFailure.TimestampTooNew:
                return $"The webhook timestamp is {Seconds(-outcome.Skew)} s in the future, beyond the tolerance of {Seconds(Tolerance)} s " +
                    $"by {Seconds(-outcome.Skew - Tolerance)} s ({TimestampHeaderName}: {timestampHeader}).";
            default:
                return $"The {SignatureHeaderName} signature does not match the timestamp and body for this public key.";
        }

        static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

        static string Truncate(string? value) => value is null || value.Length <= 40 ? value ?? "" : value.Substring(0, 40) + "…";
    }
}
