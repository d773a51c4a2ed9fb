namespace Telnyx.Runtime;

/// <summary>
/// The snake_case values of the <c>telnyx.webhook.reason</c> metric attribute and of the log lines' reason: constant
/// strings, so recording a measurement allocates nothing and the set of values stays small.
/// </summary>
internal static class TelnyxWebhookReasons
{
    /// <summary>The request was aborted while its handler ran.</summary>
    public const string RequestAborted = "request_aborted";

    public static string Of(TelnyxWebhookOutcome outcome) => outcome switch
    {
        TelnyxWebhookOutcome.Handled => "handled",
        TelnyxWebhookOutcome.Duplicate => "duplicate",
        TelnyxWebhookOutcome.InProgress => "in_progress",
        TelnyxWebhookOutcome.UnsupportedMediaType => "unsupported_media_type",
        TelnyxWebhookOutcome.EmptyBody => "empty_body",
        TelnyxWebhookOutcome.BodyTooLarge => "body_too_large",
        TelnyxWebhookOutcome.VerificationFailed => "verification_failed",
        TelnyxWebhookOutcome.MalformedBody => "malformed_body",
        TelnyxWebhookOutcome.HandlerFailed => "handler_failed",
        TelnyxWebhookOutcome.HandlerTimedOut => "handler_timed_out",
        TelnyxWebhookOutcome.StoreUnavailable => "store_unavailable",
        _ => "unknown",
    };

    public static string Of(WebhookVerificationFailure failure) => failure switch
    {
        WebhookVerificationFailure.MissingSignatureHeader => "missing_signature_header",
        WebhookVerificationFailure.MissingTimestampHeader => "missing_timestamp_header",
        WebhookVerificationFailure.InvalidSignatureEncoding => "invalid_signature_encoding",
        WebhookVerificationFailure.InvalidTimestamp => "invalid_timestamp",
        WebhookVerificationFailure.TimestampTooOld => "timestamp_too_old",
        WebhookVerificationFailure.TimestampTooNew => "timestamp_too_new",
        WebhookVerificationFailure.InvalidSignature => "invalid_signature",
        _ => "verification_failed",
    };
}
