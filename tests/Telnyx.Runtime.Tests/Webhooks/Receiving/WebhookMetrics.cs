using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;

namespace Telnyx.Runtime.Tests.Webhooks.Receiving;

/// <summary>
/// Collects the webhook counters recorded by this test only: the meter is process-wide and tests run in parallel, so a
/// measurement counts only when it is recorded in the async flow that created the collector (an <see cref="AsyncLocal{T}"/>
/// mark, which flows into the receiver's awaits).
/// </summary>
internal sealed class WebhookMetrics : IDisposable
{
    private static readonly AsyncLocal<WebhookMetrics?> s_current = new();

    private readonly MeterListener _listener = new();

    private readonly ConcurrentQueue<(string Instrument, long Value, Dictionary<string, object?> Tags)> _measurements = new();

    public WebhookMetrics()
    {
        s_current.Value = this;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == TelnyxTelemetry.Name && instrument.Name.StartsWith("telnyx.webhooks.", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument, this);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, state) =>
        {
            if (ReferenceEquals(s_current.Value, state))
            {
                var copy = new Dictionary<string, object?>();
                foreach (var tag in tags)
                {
                    copy[tag.Key] = tag.Value;
                }
                _measurements.Enqueue((instrument.Name, value, copy));
            }
        });
        _listener.Start();
    }

    public IReadOnlyList<(string Instrument, long Value, Dictionary<string, object?> Tags)> Measurements => _measurements.ToArray();

    public long Sum(string instrument, string? reason = null, string? eventType = null) => Measurements
        .Where(m => m.Instrument == instrument)
        .Where(m => reason is null || Equals(m.Tags.GetValueOrDefault(TelnyxTelemetry.WebhookReasonAttribute), reason))
        .Where(m => eventType is null || Equals(m.Tags.GetValueOrDefault(TelnyxTelemetry.WebhookEventTypeAttribute), eventType))
        .Sum(m => m.Value);

    public long Rejected(string reason) => Sum(TelnyxTelemetry.WebhookRejectedInstrument, reason);

    public long Accepted => Sum(TelnyxTelemetry.WebhookAcceptedInstrument);

    public long Duplicates => Sum(TelnyxTelemetry.WebhookDuplicateInstrument);

    public long Total => Measurements.Sum(m => m.Value);

    public void Dispose()
    {
        _listener.Dispose();
        s_current.Value = null;
    }
}
