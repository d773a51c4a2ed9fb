namespace Telnyx.Runtime;

/// <summary>Why a webhook failed verification (see <see cref="TelnyxWebhookVerifier"/>).</summary>
public enum WebhookVerificationFailure
{
    /// <summary>No failure: the webhook is authentic and fresh.</summary>
    None = 0,

    /// <summary>The <c>telnyx-signature-ed25519</c> header is absent or empty.</summary>
    MissingSignatureHeader,

    /// <summary>The <c>telnyx-timestamp</c> header is absent or empty.</summary>
    MissingTimestampHeader,

    /// <summary>The signature header is not base64, or does not decode to exactly 64 bytes.</summary>
    InvalidSignatureEncoding,

    /// <summary>The timestamp header is not a non-negative whole number of Unix seconds.</summary>
    InvalidTimestamp,

    /// <summary>The timestamp is further in the past than the tolerance allows.</summary>
    TimestampTooOld,

    /// <summary>The timestamp is further in the future than the tolerance allows.</summary>
    TimestampTooNew,

    /// <summary>The signature does not verify for this public key, timestamp and body.</summary>
    InvalidSignature,
}
