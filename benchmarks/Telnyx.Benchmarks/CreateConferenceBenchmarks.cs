using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Telnyx.Runtime;

namespace Telnyx.Benchmarks;

/// <summary>
/// One <c>POST /v2/conferences</c> round trip to an in-process Kestrel server that answers with the same fixed
/// bytes for both sides: a hand-written HttpClient + System.Text.Json (source-generated) call against the generated
/// <c>client.Conferences.CreateAsync</c>. Both share one HttpClient (the SDK's own handler settings), so connection
/// pooling and handler work are identical; the difference is request building, serialization, the SDK's
/// retry/timeout scaffolding and response parsing. Allocations are process-wide, so they include the server's.
/// </summary>
[MemoryDiagnoser]
public class CreateConferenceBenchmarks
{
    private static readonly AuthenticationHeaderValue s_authorization = new("Bearer", Payloads.ApiKey);

    private FakeTelnyxServer _server = null!;
    private HttpClient _http = null!;
    private TelnyxClient _client = null!;
    private TelnyxClient _clientNoTimeout = null!;
    private Uri _createUri = null!;

    /// <summary>The HttpClient every row shares (valid after <see cref="Setup"/>), for the Kiota comparison.</summary>
    public HttpClient SharedHttpClient => _http;

    /// <summary>The stub server's API root (valid after <see cref="Setup"/>).</summary>
    public Uri ServerBaseUrl => _server.BaseUrl;

    [GlobalSetup]
    public void Setup()
    {
        _server = FakeTelnyxServer.StartFixedAsync("POST", "/conferences", Payloads.CreateConferenceResponse(), Payloads.ApiKey).GetAwaiter().GetResult();
        // The same handler settings the SDK uses when it creates its own HttpClient; the SDK applies its own
        // per-attempt timeout, so the HttpClient's is off.
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        };
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _client = new TelnyxClient(new TelnyxClientOptions { ApiKey = Payloads.ApiKey, BaseUrl = _server.BaseUrl, HttpClient = _http });
        _clientNoTimeout = new TelnyxClient(new TelnyxClientOptions
        {
            ApiKey = Payloads.ApiKey,
            BaseUrl = _server.BaseUrl,
            HttpClient = _http,
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        });
        _createUri = new Uri(_server.BaseUrl + "/conferences");

        // Both sides must do the real thing before they are timed.
        var baseline = HandWrittenHttpClientStj().GetAwaiter().GetResult();
        var generated = GeneratedSdk().GetAwaiter().GetResult();
        if (baseline.Id != Payloads.CreatedConferenceId || generated.Id != Payloads.CreatedConferenceId
            || baseline.Status != "in_progress" || generated.Status != ConferenceStatus.InProgress)
        {
            throw new InvalidOperationException("The two clients did not read the same conference.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _clientNoTimeout.Dispose();
        _http.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Hand-written: HttpClient, STJ source-generated DTOs, a new GUID command_id per call.</summary>
    [Benchmark(Baseline = true, Description = "HttpClient + STJ source-gen (hand-written)")]
    public Task<ConferenceDto> HandWrittenHttpClientStj() => SendHandWrittenAsync(default);

    /// <summary>
    /// Generated SDK: the SDK fills command_id with a new GUID (no command_id is set here). Default options, so a
    /// 60 s per-attempt timeout and Retry.MaxRetries = 2.
    /// </summary>
    [Benchmark(Description = "client.Conferences.CreateAsync (generated)")]
    public Task<Conference> GeneratedSdk() => CreateWith(_client);

    /// <summary>
    /// Diagnostic: the hand-written call with the same 60 s per-request timeout the SDK applies by default (a
    /// CancellationTokenSource per call), for a like-for-like comparison.
    /// </summary>
    [Benchmark(Description = "diag: hand-written + 60 s timeout CTS")]
    public async Task<ConferenceDto> HandWrittenWithTimeout()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await SendHandWrittenAsync(timeout.Token).ConfigureAwait(false);
    }

    /// <summary>Diagnostic: the generated call with TelnyxClientOptions.Timeout = InfiniteTimeSpan (no per-attempt CTS).</summary>
    [Benchmark(Description = "diag: generated, Timeout = Infinite")]
    public Task<Conference> GeneratedSdkNoTimeout() => CreateWith(_clientNoTimeout);

    private static Task<Conference> CreateWith(TelnyxClient client) =>
        client.Conferences.CreateAsync(new CreateConferenceRequest
        {
            CallControlId = Payloads.CallControlId,
            Name = Payloads.ConferenceName,
            BeepEnabled = BeepEnabled.Always,
        });

    private async Task<ConferenceDto> SendHandWrittenAsync(CancellationToken cancellationToken)
    {
        var dto = new CreateConferenceRequestDto
        {
            CallControlId = Payloads.CallControlId,
            Name = Payloads.ConferenceName,
            BeepEnabled = "always",
            CommandId = Guid.NewGuid().ToString(),
        };
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(dto, BaselineJsonContext.Default.CreateConferenceRequestDto);
        using var request = new HttpRequestMessage(HttpMethod.Post, _createUri);
        request.Headers.Authorization = s_authorization;
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var envelope = await response.Content.ReadFromJsonAsync(BaselineJsonContext.Default.ConferenceResponseDto, cancellationToken).ConfigureAwait(false);
        return envelope?.Data ?? throw new InvalidOperationException("The response has no data.");
    }
}
