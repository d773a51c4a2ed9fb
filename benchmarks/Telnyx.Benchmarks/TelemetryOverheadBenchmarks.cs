using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Telnyx.Runtime;

namespace Telnyx.Benchmarks;

/// <summary>
/// The generated <c>client.Conferences.CreateAsync</c> round trip (as in <see cref="CreateConferenceBenchmarks"/>)
/// with nobody listening against the same call with <see cref="TelemetryListeners"/> attached. The listeners are
/// process-wide, so each benchmark has its own setup: they are attached only while the listening rows run.
/// </summary>
[MemoryDiagnoser]
public class TelemetryOverheadBenchmarks
{
    private FakeTelnyxServer _server = null!;
    private HttpClient _http = null!;
    private TelnyxClient _client = null!;
    private TelemetryListeners? _listeners;

    [GlobalSetup(Target = nameof(NoListener))]
    public void SetupNoListener() => Setup(listeners: null);

    [GlobalSetup(Target = nameof(WithListeners))]
    public void SetupWithListeners() => Setup(() => new TelemetryListeners());

    [GlobalSetup(Target = nameof(WithListenersAndHttpClientSpans))]
    public void SetupWithHttpClientSpans() => Setup(() => new TelemetryListeners(httpClientSpans: true));

    /// <summary>Starts the server and client, attaches the listeners (if any) and checks they see the call.</summary>
    public void Setup(Func<TelemetryListeners>? listeners)
    {
        _server = FakeTelnyxServer.StartFixedAsync("POST", "/conferences", Payloads.CreateConferenceResponse(), Payloads.ApiKey).GetAwaiter().GetResult();
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        };
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _client = new TelnyxClient(new TelnyxClientOptions { ApiKey = Payloads.ApiKey, BaseUrl = _server.BaseUrl, HttpClient = _http });
        _listeners = listeners?.Invoke();

        var conference = Create().GetAwaiter().GetResult();
        if (conference.Id != Payloads.CreatedConferenceId)
        {
            throw new InvalidOperationException("The generated client did not read the conference.");
        }
        if (_listeners is { } attached && (attached.Spans < 1 || attached.Measurements != 1))
        {
            throw new InvalidOperationException($"The listeners saw {attached.Spans} spans and {attached.Measurements} measurements of one call.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _listeners?.Dispose();
        _listeners = null;
        _client.Dispose();
        _http.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Nobody listens: no span, no measurement, no telemetry object.</summary>
    [Benchmark(Baseline = true, Description = "generated, no listener")]
    public Task<Conference> NoListener() => Create();

    /// <summary>ActivityListener (AllDataAndRecorded) on "Telnyx" and a MeterListener on its instruments.</summary>
    [Benchmark(Description = "generated, Activity + Meter listeners")]
    public Task<Conference> WithListeners() => Create();

    /// <summary>Diagnostic: also recording HttpClient's own span ("System.Net.Http"), as an OpenTelemetry setup would.</summary>
    [Benchmark(Description = "diag: listeners + HttpClient spans")]
    public Task<Conference> WithListenersAndHttpClientSpans() => Create();

    private Task<Conference> Create() =>
        _client.Conferences.CreateAsync(new CreateConferenceRequest
        {
            CallControlId = Payloads.CallControlId,
            Name = Payloads.ConferenceName,
            BeepEnabled = BeepEnabled.Always,
        });
}
