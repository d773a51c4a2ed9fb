using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using Telnyx.Runtime;

namespace Telnyx.Sdk.Tests.Telemetry;

/// <summary>One measurement of a Telnyx instrument, with its tags.</summary>
public sealed record CapturedMeasurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);

/// <summary>
/// Listens to the <c>Telnyx</c> and <c>System.Net.Http</c> sources and the <c>Telnyx</c> meter, and keeps only what
/// belongs to one test: the test's calls run under a root activity, and a span or measurement is kept only when its
/// trace is the root's. Listeners are process-wide and test classes run in parallel, so the other tests' calls are
/// seen too and dropped here.
/// </summary>
public sealed class TelemetryCapture : IDisposable
{
    private const string TestSourceName = "Telnyx.Sdk.Tests.Telemetry";

    private static readonly ActivitySource s_testSource = new(TestSourceName);

    private readonly ActivityListener _activityListener;
    private readonly MeterListener _meterListener;
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ConcurrentQueue<CapturedMeasurement> _measurements = new();
    private readonly Activity _root;

    public TelemetryCapture()
    {
        _activityListener = new ActivityListener
        {
            // By name: the first read of s_testSource creates it inside this very callback.
            ShouldListenTo = source => source.Name is TelnyxTelemetry.Name or "System.Net.Http" or TestSourceName,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name != TestSourceName && activity.TraceId == TraceId)
                {
                    _spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_activityListener);
        var root = s_testSource.StartActivity("telemetry test", ActivityKind.Internal);
        if (root is null)
        {
            _activityListener.Dispose();
            throw new InvalidOperationException("The test's root activity was not created.");
        }
        _root = root;
        TraceId = _root.TraceId;

        _meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == TelnyxTelemetry.Name
                    && instrument.Name is TelnyxTelemetry.RequestDurationInstrument or TelnyxTelemetry.RetryInstrument)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        // The instruments record on the calling thread, inside the test's trace (our span, or the root once it ended).
        _meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.Start();
    }

    /// <summary>The trace of this test's calls.</summary>
    public ActivityTraceId TraceId { get; }

    /// <summary>The span id of the test's root activity, the parent of the SDK spans.</summary>
    public ActivitySpanId RootSpanId => _root.SpanId;

    /// <summary>The finished spans of this test, SDK and HttpClient, in the order they stopped.</summary>
    public IReadOnlyList<Activity> Spans => _spans.ToArray();

    /// <summary>The finished spans of the <c>Telnyx</c> source.</summary>
    public IReadOnlyList<Activity> SdkSpans => Spans.Where(a => a.Source.Name == TelnyxTelemetry.Name).ToArray();

    /// <summary>The finished spans of <c>System.Net.Http</c>.</summary>
    public IReadOnlyList<Activity> HttpSpans => Spans.Where(a => a.Source.Name == "System.Net.Http").ToArray();

    /// <summary>The measurements of <paramref name="instrument"/> in this test.</summary>
    public IReadOnlyList<CapturedMeasurement> Measurements(string instrument) =>
        _measurements.Where(m => m.Instrument == instrument).ToArray();

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        if (Activity.Current?.TraceId != TraceId)
        {
            return;
        }
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }
        _measurements.Enqueue(new CapturedMeasurement(instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), copy));
    }

    public void Dispose()
    {
        _root.Dispose();
        _meterListener.Dispose();
        _activityListener.Dispose();
    }
}
