using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Telnyx.Runtime;

/// <summary>
/// The names under which the SDK reports traces and metrics: one <see cref="ActivitySource"/> and one <see cref="Meter"/>,
/// both named <c>Telnyx</c>. Subscribe with OpenTelemetry (<c>AddSource("Telnyx")</c>, <c>AddMeter("Telnyx")</c>) or with
/// an <see cref="ActivityListener"/> / <see cref="MeterListener"/>; the runtime itself depends on no OpenTelemetry package.
/// </summary>
public static class TelnyxTelemetry
{
    /// <summary>The name of the activity source and of the meter: <c>Telnyx</c>.</summary>
    public const string Name = "Telnyx";

    /// <summary>Span attribute: the operation id of the API document, for example <c>CreateConference</c>.</summary>
    public const string OperationIdAttribute = "telnyx.operation.id";

    /// <summary>Span attribute: the HTTP method (OpenTelemetry semantic convention).</summary>
    public const string MethodAttribute = "http.request.method";

    /// <summary>Span attribute: the route template, for example <c>/conferences/{id}/actions/join</c> (semantic convention).</summary>
    public const string RouteTemplateAttribute = "url.template";

    /// <summary>Span attribute: the final HTTP status code (semantic convention).</summary>
    public const string StatusCodeAttribute = "http.response.status_code";

    /// <summary>Span attribute: how many attempts the call took (1 when it was not retried).</summary>
    public const string AttemptCountAttribute = "telnyx.attempt.count";

    /// <summary>Span attribute: the <c>command_id</c> sent with a call-control command, when the operation has one.</summary>
    public const string CommandIdAttribute = "telnyx.command_id";

    /// <summary>Span and metric attribute: the failure, as the exception's type name or the HTTP status code (semantic convention).</summary>
    public const string ErrorTypeAttribute = "error.type";

    /// <summary>Span attribute of a pager's page request: the page number it asked for.</summary>
    public const string PageNumberAttribute = "telnyx.page.number";

    /// <summary>The name of the span event recorded for each retry.</summary>
    public const string RetryEventName = "telnyx.retry";

    /// <summary>Attribute of a <see cref="RetryEventName"/> event: the attempt that failed (1 for the first).</summary>
    public const string RetryAttemptAttribute = "telnyx.retry.attempt";

    /// <summary>Attribute of a <see cref="RetryEventName"/> event: the wait before the next attempt, in milliseconds.</summary>
    public const string RetryDelayAttribute = "telnyx.retry.delay_ms";

    /// <summary>
    /// Metric attribute of <see cref="RetryInstrument"/>: why the attempt is retried, the status code (<c>503</c>),
    /// <c>timeout</c> for an attempt timeout, or the exception's type name for a connection failure.
    /// </summary>
    public const string RetryReasonAttribute = "telnyx.retry.reason";

    /// <summary>Histogram: the duration of each SDK call, retries included, in seconds.</summary>
    public const string RequestDurationInstrument = "telnyx.client.request.duration";

    /// <summary>Counter: retries of SDK calls.</summary>
    public const string RetryInstrument = "telnyx.client.retries";

    /// <summary>Counter: webhook deliveries verified and handled.</summary>
    public const string WebhookAcceptedInstrument = "telnyx.webhooks.accepted";

    /// <summary>Counter: webhook deliveries refused, tagged with <see cref="WebhookReasonAttribute"/>.</summary>
    public const string WebhookRejectedInstrument = "telnyx.webhooks.rejected";

    /// <summary>Counter: webhook deliveries answered without dispatch because their event was already handled.</summary>
    public const string WebhookDuplicateInstrument = "telnyx.webhooks.duplicates";

    /// <summary>Metric attribute of <see cref="WebhookRejectedInstrument"/>: why the delivery was refused.</summary>
    public const string WebhookReasonAttribute = "telnyx.webhook.reason";

    /// <summary>Metric attribute of the webhook counters: the event's <c>event_type</c>, when it was read.</summary>
    public const string WebhookEventTypeAttribute = "telnyx.webhook.event_type";

    private static readonly string? s_version = typeof(TelnyxTelemetry).Assembly.GetName().Version?.ToString();

    internal static readonly ActivitySource Source = new(Name, s_version);

    internal static readonly Meter Meter = new(Name, s_version);

    internal static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>(
        RequestDurationInstrument, unit: "s", description: "Duration of Telnyx SDK calls, retries included.");

    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        RetryInstrument, unit: "{retry}", description: "Retries of Telnyx SDK calls.");

    internal static readonly Counter<long> WebhooksAccepted = Meter.CreateCounter<long>(
        WebhookAcceptedInstrument, unit: "{delivery}", description: "Telnyx webhook deliveries verified and handled.");

    internal static readonly Counter<long> WebhooksRejected = Meter.CreateCounter<long>(
        WebhookRejectedInstrument, unit: "{delivery}", description: "Telnyx webhook deliveries refused, by reason.");

    internal static readonly Counter<long> WebhooksDuplicate = Meter.CreateCounter<long>(
        WebhookDuplicateInstrument, unit: "{delivery}", description: "Telnyx webhook deliveries of an event already handled.");
}
