using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telnyx;
using Telnyx.Runtime;

namespace Telnyx.Benchmarks;

/// <summary>
/// The per-delivery cost of the generated ASP.NET Core endpoint (<c>AddTelnyxWebhooks</c> + <c>MapTelnyxWebhooks</c>)
/// against <c>client.Webhooks.Unwrap</c> alone. The endpoint row invokes the mapped endpoint's
/// <see cref="RequestDelegate"/> on a fresh <see cref="DefaultHttpContext"/> (POST, JSON content type, the two signature
/// headers, the body in a <see cref="MemoryStream"/>, a new DI scope as <c>RequestServices</c>, the response into
/// <see cref="Stream.Null"/>): body read under the size limit, verify, window, typed parse, claim and mark in the default
/// in-memory deduplication store, dispatch to a handler. No socket, no Kestrel, no routing middleware. Both rows cycle
/// through the same 4,096 distinct pre-signed conference.participant.joined deliveries; the deduplication window is
/// 1 ms, so an id seen again a cycle later is dispatched again (each delivery is dispatched: the handler counts them).
/// Target: the endpoint at most 1.5x Unwrap.
/// </summary>
[MemoryDiagnoser]
public class WebhookEndpointBenchmarks
{
    private const int Pool = 4096; // a power of two: the index wraps with a mask

    // The body of WebhookBenchmarks with a distinct event id per delivery.
    private const string BodyStart = "{\"data\":{\"record_type\":\"event\",\"event_type\":\"conference.participant.joined\",\"id\":\"";
    private const string BodyEnd = "\",\"occurred_at\":\"2026-11-21T12:00:00.000000Z\",\"payload\":{\"call_control_id\":\"v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg\",\"connection_id\":\"1494404757140276705\",\"call_leg_id\":\"2dc6fc34-f9e0-11ea-b68e-02420a0f7768\",\"call_session_id\":\"2dc1b3c8-f9e0-11ea-bc5a-02420a0f7768\",\"client_state\":\"aGF2ZSBhIG5pY2UgZGF5ID1d\",\"conference_id\":\"41b9acd4-f4da-4ff5-a85c-e07e90b53f46\"}},\"meta\":{\"attempt\":1,\"delivered_to\":\"https://example.com/webhooks\"}}";

    private byte[][] _bodies = [];
    private Dictionary<string, string>[] _headers = [];
    private string[] _signatures = [];
    private string _timestamp = "";
    private int _nextUnwrap;
    private int _nextEndpoint;
    private int _nextNoDedupe;
    private TelnyxClient _client = null!;
    private Endpoint _endpoint = null!;
    private Endpoint _endpointNoDedupe = null!;

    [GlobalSetup]
    public void Setup()
    {
        using var signer = new WebhookSigner();
        string publicKey = signer.PublicKey;
        _timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        _bodies = new byte[Pool][];
        _signatures = new string[Pool];
        _headers = new Dictionary<string, string>[Pool];
        for (int i = 0; i < Pool; i++)
        {
            _bodies[i] = Encoding.UTF8.GetBytes(BodyStart + Guid.NewGuid().ToString() + BodyEnd);
            _signatures[i] = signer.Signature(_timestamp, _bodies[i]);
            _headers[i] = new Dictionary<string, string>
            {
                ["telnyx-timestamp"] = _timestamp,
                ["telnyx-signature-ed25519"] = _signatures[i],
            };
        }

        // An hour of tolerance on both sides: the pre-signed timestamp stays valid for the whole run.
        _client = new TelnyxClient(new TelnyxClientOptions { ApiKey = "unused", WebhookPublicKey = publicKey, WebhookTolerance = TimeSpan.FromHours(1) });
        _endpoint = new Endpoint(publicKey, deduplicate: true);
        _endpointNoDedupe = new Endpoint(publicKey, deduplicate: false);

        if (Unwrap() is not ConferenceParticipantJoinedEvent
            || EndpointDelivery().GetAwaiter().GetResult() != StatusCodes.Status200OK
            || EndpointWithoutDeduplication().GetAwaiter().GetResult() != StatusCodes.Status200OK
            || _endpoint.Counter.Dispatched != 1 || _endpointNoDedupe.Counter.Dispatched != 1)
        {
            throw new InvalidOperationException("setup: the endpoint did not answer 200 and dispatch, or Unwrap disagrees");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        // Every invocation must have been dispatched, not answered as a duplicate.
        Console.WriteLine($"// endpoint: {_endpoint.Counter.Dispatched} dispatched of {_nextEndpoint} deliveries; without deduplication: {_endpointNoDedupe.Counter.Dispatched} of {_nextNoDedupe}");
        _client.Dispose();
        _endpoint.Dispose();
        _endpointNoDedupe.Dispose();
    }

    [Benchmark(Baseline = true, Description = "client.Webhooks.Unwrap (verify + window + typed parse)")]
    public TelnyxWebhookEvent Unwrap()
    {
        int i = _nextUnwrap++ & (Pool - 1);
        return _client.Webhooks.Unwrap(_bodies[i], TelnyxWebhookHeaders.From(_headers[i]));
    }

    [Benchmark(Description = "MapTelnyxWebhooks endpoint (DefaultHttpContext, in-memory dedupe, dispatch)")]
    public Task<int> EndpointDelivery() => _endpoint.DeliverAsync(_bodies, _signatures, _timestamp, _nextEndpoint++ & (Pool - 1));

    [Benchmark(Description = "diag: endpoint, Deduplicate = false")]
    public Task<int> EndpointWithoutDeduplication() => _endpointNoDedupe.DeliverAsync(_bodies, _signatures, _timestamp, _nextNoDedupe++ & (Pool - 1));

    /// <summary>Counts dispatches (a singleton: the handler itself is per request).</summary>
    public sealed class DispatchCounter
    {
        private long _dispatched;

        public long Dispatched => Interlocked.Read(ref _dispatched);

        public void Add() => Interlocked.Increment(ref _dispatched);
    }

    /// <summary>What a minimal real handler does for this event: take it, and return.</summary>
    public sealed class CountingHandler(DispatchCounter counter) : TelnyxWebhookHandler
    {
        public override ValueTask OnConferenceParticipantJoinedAsync(ConferenceParticipantJoinedEvent e, TelnyxWebhookContext context, CancellationToken cancellationToken)
        {
            counter.Add();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>An app built (not started) with the three lines of the README, and its mapped endpoint's delegate.</summary>
    private sealed class Endpoint : IDisposable
    {
        private readonly WebApplication _app;
        private readonly RequestDelegate _delegate;
        private readonly IServiceScopeFactory _scopes;

        public Endpoint(string publicKey, bool deduplicate)
        {
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<DispatchCounter>();
            builder.Services.AddTelnyxWebhooks<CountingHandler>(o =>
            {
                o.PublicKey = publicKey;
                o.Tolerance = TimeSpan.FromHours(1);
                o.Deduplicate = deduplicate;
                o.DeduplicationWindow = TimeSpan.FromMilliseconds(1);
            });
            _app = builder.Build();
            _app.MapTelnyxWebhooks();
            _delegate = ((IEndpointRouteBuilder)_app).DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>().Single().RequestDelegate
                ?? throw new InvalidOperationException("the mapped endpoint has no request delegate");
            _scopes = _app.Services.GetRequiredService<IServiceScopeFactory>();
            Counter = _app.Services.GetRequiredService<DispatchCounter>();
        }

        public DispatchCounter Counter { get; }

        public async Task<int> DeliverAsync(byte[][] bodies, string[] signatures, string timestamp, int i)
        {
            var context = new DefaultHttpContext();
            HttpRequest request = context.Request;
            request.Method = HttpMethods.Post;
            request.ContentType = "application/json";
            request.ContentLength = bodies[i].Length;
            request.Headers["telnyx-timestamp"] = timestamp;
            request.Headers["telnyx-signature-ed25519"] = signatures[i];
            request.Body = new MemoryStream(bodies[i], writable: false);
            context.Response.Body = Stream.Null;
            await using AsyncServiceScope scope = _scopes.CreateAsyncScope();
            context.RequestServices = scope.ServiceProvider;
            await _delegate(context);
            return context.Response.StatusCode;
        }

        public void Dispose() => ((IDisposable)_app).Dispose();
    }
}
