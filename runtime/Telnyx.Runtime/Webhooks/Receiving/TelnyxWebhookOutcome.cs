namespace Telnyx.Runtime;

/// <summary>What became of one delivery; <see cref="TelnyxWebhookResult.StatusCode"/> is the HTTP answer.</summary>
public enum TelnyxWebhookOutcome
{
    /// <summary>Verified, parsed and handled: 200.</summary>
    Handled = 0,

    /// <summary>Its event was already handled within the deduplication window, so it was not dispatched again: 200.</summary>
    Duplicate,

    /// <summary>Another delivery of the same event is being handled right now: 409, so Telnyx tries again later.</summary>
    InProgress,

    /// <summary>The content type is not JSON: 415.</summary>
    UnsupportedMediaType,

    /// <summary>The body is missing or empty: 400.</summary>
    EmptyBody,

    /// <summary>The body is larger than <see cref="TelnyxWebhookReceiverOptions.MaxBodyBytes"/>: 413.</summary>
    BodyTooLarge,

    /// <summary>The signature or timestamp failed verification (see <see cref="TelnyxWebhookResult.VerificationFailure"/>): 400.</summary>
    VerificationFailed,

    /// <summary>The verified body is not a webhook event: 400.</summary>
    MalformedBody,

    /// <summary>The handler threw: 500, so Telnyx delivers it again.</summary>
    HandlerFailed,

    /// <summary>The handler did not finish within <see cref="TelnyxWebhookReceiverOptions.HandlerTimeout"/>: 500.</summary>
    HandlerTimedOut,

    /// <summary>The deduplication store could not be reached and the receiver fails closed: 503.</summary>
    StoreUnavailable,
}
