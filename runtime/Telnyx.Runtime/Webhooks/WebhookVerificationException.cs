using System;

namespace Telnyx.Runtime;

/// <summary>Thrown by <see cref="TelnyxWebhookVerifier"/> when a webhook is not authentic or not fresh.</summary>
/// <remarks>The message says which check failed and, for the timestamp checks, by how much.</remarks>
public sealed class WebhookVerificationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">Which check failed.</param>
    /// <param name="message">A description of the failure.</param>
    public WebhookVerificationException(WebhookVerificationFailure reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    /// <param name="reason">Which check failed.</param>
    /// <param name="message">A description of the failure.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public WebhookVerificationException(WebhookVerificationFailure reason, string message, Exception? innerException)
        : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>Which check failed.</summary>
    public WebhookVerificationFailure Reason { get; }
}
