using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using Telnyx.Runtime;

namespace Telnyx.Benchmarks;

/// <summary>
/// What an application with tracing and metrics on attaches: an <see cref="ActivityListener"/> that records every
/// span in full (AllDataAndRecorded) and a <see cref="MeterListener"/> on the SDK's duration histogram and retry
/// counter. The callbacks only count, so the figures are the SDK's cost (and HttpClient's, which nests a span in
/// ours), not an exporter's. Dispose detaches both.
/// </summary>
public sealed class TelemetryListeners : IDisposable
{
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;
    private long _spans;
    private long _measurements;

    public TelemetryListeners(bool httpClientSpans = false)
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TelnyxTelemetry.Name || (httpClientSpans && source.Name == "System.Net.Http"),
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _ => Interlocked.Increment(ref _spans),
        };
        ActivitySource.AddActivityListener(_activities);
        _meters = new MeterListener
        {
            InstrumentPublished = static (instrument, listener) =>
            {
                if (instrument.Meter.Name == TelnyxTelemetry.Name
                    && instrument.Name is TelnyxTelemetry.RequestDurationInstrument or TelnyxTelemetry.RetryInstrument)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _measurements));
        _meters.SetMeasurementEventCallback<long>((_, _, _, _) => Interlocked.Increment(ref _measurements));
        _meters.Start();
    }

    /// <summary>Spans stopped while attached (SDK spans, plus HttpClient's when asked for).</summary>
    public long Spans => Interlocked.Read(ref _spans);

    /// <summary>Measurements recorded while attached.</summary>
    public long Measurements => Interlocked.Read(ref _measurements);

    public void Dispose()
    {
        _meters.Dispose();
        _activities.Dispose();
    }
}
