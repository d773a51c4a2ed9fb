namespace Telnyx.Runtime;

/// <summary>The answer to one delivery. Only <see cref="StatusCode"/> goes back to the sender; the rest is for logs.</summary>
/// <param name="StatusCode">The HTTP status to answer with.</param>
/// <param name="Outcome">What became of the delivery.</param>
/// <param name="VerificationFailure">Why verification failed, when <paramref name="Outcome"/> is <see cref="TelnyxWebhookOutcome.VerificationFailed"/>.</param>
/// <param name="EventId">The event's <c>id</c>, once the body was parsed.</param>
/// <param name="EventType">The event's <c>event_type</c>, once the body was parsed.</param>
public readonly record struct TelnyxWebhookResult(
    int StatusCode,
    TelnyxWebhookOutcome Outcome,
    WebhookVerificationFailure VerificationFailure = WebhookVerificationFailure.None,
    string? EventId = null,
    string? EventType = null);
