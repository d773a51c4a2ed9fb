using System;
using Microsoft.Extensions.Logging;

namespace Telnyx.Runtime;

/// <summary>
/// The receiver's log lines (compile-time generated: no boxing, no reflection). Every delivery that is not handled gets
/// one line naming its outcome, status, reason and, once parsed, the event id and type. Signatures, the timestamp
/// header and bodies are never passed to any of them.
/// </summary>
internal static partial class TelnyxWebhookLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Debug,
        Message = "Telnyx webhook {EventId} ({EventType}) handled in {ElapsedMilliseconds:0.0} ms: answered {StatusCode} {Outcome}")]
    public static partial void Handled(ILogger logger, string? eventId, string eventType, double elapsedMilliseconds, int statusCode, TelnyxWebhookOutcome outcome);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning,
        Message = "Telnyx webhook refused: answered {StatusCode} {Outcome} (reason: {Reason}, event: {EventId}, type: {EventType})")]
    public static partial void Refused(ILogger logger, int statusCode, TelnyxWebhookOutcome outcome, string reason, string? eventId, string? eventType);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information,
        Message = "Telnyx webhook {EventId} ({EventType}) was already handled: answered {StatusCode} {Outcome} without dispatching")]
    public static partial void Duplicate(ILogger logger, string eventId, string eventType, int statusCode, TelnyxWebhookOutcome outcome);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information,
        Message = "Telnyx webhook {EventId} ({EventType}) is being handled by another delivery: answered {StatusCode} {Outcome} so that Telnyx retries")]
    public static partial void InProgress(ILogger logger, string eventId, string eventType, int statusCode, TelnyxWebhookOutcome outcome);

    [LoggerMessage(EventId = 104, Level = LogLevel.Error,
        Message = "Telnyx webhook {EventId} ({EventType}) not dispatched: the deduplication store failed with {Error}; answered {StatusCode} {Outcome} (fail closed)")]
    public static partial void StoreUnavailable(ILogger logger, Exception exception, string eventId, string eventType, string error, int statusCode, TelnyxWebhookOutcome outcome);

    [LoggerMessage(EventId = 105, Level = LogLevel.Warning,
        Message = "Telnyx webhook {EventId} ({EventType}) dispatched without deduplication: the deduplication store failed with {Error} (fail open)")]
    public static partial void StoreFailedOpen(ILogger logger, Exception exception, string eventId, string eventType, string error);

    [LoggerMessage(EventId = 106, Level = LogLevel.Error,
        Message = "Telnyx webhook handler threw {Error} for event {EventId} ({EventType}): answered {StatusCode} {Outcome}, so Telnyx delivers it again")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string error, string? eventId, string eventType, int statusCode, TelnyxWebhookOutcome outcome);

    [LoggerMessage(EventId = 107, Level = LogLevel.Error,
        Message = "Telnyx webhook handler did not finish event {EventId} ({EventType}) within {TimeoutMilliseconds:0} ms: answered {StatusCode} {Outcome}, so Telnyx delivers it again")]
    public static partial void HandlerTimedOut(ILogger logger, string? eventId, string eventType, double timeoutMilliseconds, int statusCode, TelnyxWebhookOutcome outcome);

    [LoggerMessage(EventId = 108, Level = LogLevel.Warning,
        Message = "Telnyx webhook request aborted before event {EventId} ({EventType}) was handled: answered {StatusCode} {Outcome} (claim released)")]
    public static partial void Aborted(ILogger logger, string? eventId, string eventType, int statusCode, TelnyxWebhookOutcome outcome);

    [LoggerMessage(EventId = 109, Level = LogLevel.Warning,
        Message = "Telnyx webhook {EventId} ({EventType}) was handled but could not be marked in the deduplication store ({Error}): a retry of it may be dispatched again")]
    public static partial void MarkFailed(ILogger logger, Exception exception, string eventId, string eventType, string error);

    [LoggerMessage(EventId = 110, Level = LogLevel.Warning,
        Message = "Telnyx webhook {EventId} ({EventType}): the claim could not be released ({Error}); retries are answered 409 until it expires")]
    public static partial void ReleaseFailed(ILogger logger, Exception exception, string eventId, string eventType, string error);

    [LoggerMessage(EventId = 111, Level = LogLevel.Warning,
        Message = "Telnyx webhook body could not be read ({Error}): no event was received")]
    public static partial void BodyReadFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 112, Level = LogLevel.Warning,
        Message = "Telnyx webhook handler of event {EventId} ({EventType}) threw {Error} after its delivery was answered (it had timed out or been aborted)")]
    public static partial void AbandonedHandlerFailed(ILogger logger, Exception exception, string? eventId, string eventType, string error);
}
