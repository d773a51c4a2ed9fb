using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Kiota.Http.HttpClientLibrary;
using KClient = Telnyx.Benchmarks.Kiota.Client;
using KModels = Telnyx.Benchmarks.Kiota.Client.Models;

namespace Telnyx.Benchmarks.Kiota;

/// <summary>
/// <see cref="CreateConferenceBenchmarks"/>'s baseline and generated rows (called through, so they run exactly the
/// code they run there) beside Kiota's generated <c>client.Conferences.PostAsync</c>, on the same HttpClient
/// (same handler, same connection pool, same loopback stub server).
/// </summary>
[MemoryDiagnoser]
public class KiotaCreateConferenceBenchmarks
{
    private readonly CreateConferenceBenchmarks _inner = new();
    private KClient.TelnyxKiotaClient _kiota = null!;
    private KClient.TelnyxKiotaClient _kiotaMiddleware = null!;
    private HttpClientRequestAdapter _adapter = null!;
    private HttpClientRequestAdapter _adapterMiddleware = null!;
    private HttpClient _middlewareHttp = null!;

    [GlobalSetup]
    public void Setup()
    {
        _inner.Setup();
        string baseUrl = _inner.ServerBaseUrl.ToString().TrimEnd('/');
        // The shared HttpClient: no Kiota middleware (retry, redirect, headers inspection, user agent...) in the path,
        // only what the other two rows have too.
        _adapter = new HttpClientRequestAdapter(new BearerAuthenticationProvider(Payloads.ApiKey), httpClient: _inner.SharedHttpClient) { BaseUrl = baseUrl };
        _kiota = new KClient.TelnyxKiotaClient(_adapter);

        // Diagnostic: what a Kiota user gets by default, KiotaClientFactory's middleware chain over the same handler settings.
        _middlewareHttp = KiotaClientFactory.Create(new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        });
        _middlewareHttp.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        _adapterMiddleware = new HttpClientRequestAdapter(new BearerAuthenticationProvider(Payloads.ApiKey), httpClient: _middlewareHttp) { BaseUrl = baseUrl };
        _kiotaMiddleware = new KClient.TelnyxKiotaClient(_adapterMiddleware);

        foreach (var kiota in new[] { Kiota().GetAwaiter().GetResult(), KiotaDefaultMiddleware().GetAwaiter().GetResult() })
        {
            if (kiota.Id != Payloads.CreatedConferenceId || kiota.Status != KModels.Conference_status.In_progress)
            {
                throw new InvalidOperationException("Kiota did not read the same conference as the other clients.");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _adapter.Dispose();
        _adapterMiddleware.Dispose();
        _middlewareHttp.Dispose();
        _inner.Cleanup();
    }

    [Benchmark(Baseline = true, Description = "HttpClient + STJ source-gen (hand-written)")]
    public Task<ConferenceDto> HandWrittenHttpClientStj() => _inner.HandWrittenHttpClientStj();

    [Benchmark(Description = "client.Conferences.CreateAsync (generated)")]
    public Task<Conference> GeneratedSdk() => _inner.GeneratedSdk();

    /// <summary>Kiota, the command_id set by hand as the other two rows do (Kiota does not fill it).</summary>
    [Benchmark(Description = "Kiota Conferences.PostAsync")]
    public Task<KModels.Conference> Kiota() => PostWith(_kiota);

    [Benchmark(Description = "diag: Kiota + default middleware")]
    public Task<KModels.Conference> KiotaDefaultMiddleware() => PostWith(_kiotaMiddleware);

    private static async Task<KModels.Conference> PostWith(KClient.TelnyxKiotaClient client)
    {
        var response = await client.Conferences.PostAsync(new KModels.CreateConferenceRequest
        {
            CallControlId = Payloads.CallControlId,
            Name = Payloads.ConferenceName,
            BeepEnabled = KModels.CreateConferenceRequest_beep_enabled.Always,
            CommandId = Guid.NewGuid().ToString(),
        }).ConfigureAwait(false);
        return response?.Data ?? throw new InvalidOperationException("The response has no data.");
    }
}
