using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipelines;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Telnyx.Testing;

/// <summary>
/// The fake Telnyx API: Kestrel on 127.0.0.1 (a free port), the API under <c>/v2</c>. Three ways to start it:
/// <list type="bullet">
/// <item><see cref="StartAsync"/>: an in-memory Telnyx (queues, conferences, participants, command_id replay, signed
/// webhooks); queued <see cref="CannedResponse"/>s are answered first.</item>
/// <item><see cref="StartScriptedAsync"/>: only the script (or <see cref="Handler"/>); 418 when the script is empty.</item>
/// <item><see cref="StartFixedAsync"/>: one fixed answer to one route, nothing recorded (the benchmarks' server).</item>
/// </list>
/// Every request is recorded (except in the fixed mode). Whoever starts it disposes it.
/// </summary>
public sealed class FakeTelnyxServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<CannedResponse> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private WebApplication _app = null!;
    private InMemoryTelnyxApi? _api;
    private int _openConnections;
    private int _totalConnections;

    private FakeTelnyxServer()
    {
    }

    /// <summary>The server root, for example <c>http://127.0.0.1:54321</c>.</summary>
    public string Root { get; private set; } = string.Empty;

    /// <summary>The API root to give the client: <see cref="Root"/> + <c>/v2</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Answers every request instead of the script (it gets the request as recorded).</summary>
    public Func<HttpContext, RecordedRequest, Task>? Handler { get; set; }

    /// <summary>Called when a request arrives, before it is answered (for example to cancel a client).</summary>
    public Action<RecordedRequest>? OnRequest { get; set; }

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public int RequestCount => _requests.Count;

    public int OpenConnections => Volatile.Read(ref _openConnections);

    public int TotalConnections => Volatile.Read(ref _totalConnections);

    /// <summary>The in-memory API (<see cref="StartAsync"/> only).</summary>
    public InMemoryTelnyxApi Api => _api ?? throw new InvalidOperationException("Only a server started with StartAsync emulates the API.");

    /// <summary>Starts an in-memory Telnyx API that requires <c>Authorization: Bearer {apiKey}</c>.</summary>
    /// <param name="apiKey">The key the API accepts.</param>
    /// <param name="webhookUrl">Where state changes are POSTed as webhooks; none when this or <paramref name="signer"/> is null.</param>
    /// <param name="signer">Signs the webhooks (the server does not dispose it).</param>
    public static async Task<FakeTelnyxServer> StartAsync(string apiKey = "KEY_test", Uri? webhookUrl = null, WebhookSigner? signer = null)
    {
        var server = new FakeTelnyxServer();
        server._api = new InMemoryTelnyxApi(apiKey, webhookUrl, signer);
        await server.StartHostAsync(app =>
        {
            app.Use(server.RecordAsync);
            server._api.Map(app);
        }, countConnections: true).ConfigureAwait(false);
        return server;
    }

    /// <summary>Starts a server that answers only from its script (or <paramref name="handler"/>), 418 when the script is empty.</summary>
    public static async Task<FakeTelnyxServer> StartScriptedAsync(Func<HttpContext, RecordedRequest, Task>? handler = null)
    {
        var server = new FakeTelnyxServer { Handler = handler };
        await server.StartHostAsync(app =>
        {
            app.Use(server.RecordAsync);
            app.Run(context => WriteAsync(context, new CannedResponse(418, "{\"errors\":[{\"title\":\"script exhausted\"}]}")));
        }, countConnections: true).ConfigureAwait(false);
        return server;
    }

    /// <summary>
    /// Starts a server that answers <c>{method} /v2{path}</c> with <paramref name="body"/> (200, JSON) when the bearer key
    /// matches and the request has a body; 404, 401 and 422 otherwise. It drains the body and records nothing, so every
    /// request costs the server the same little work whichever client sends it.
    /// </summary>
    public static async Task<FakeTelnyxServer> StartFixedAsync(string method, string path, byte[] body, string apiKey)
    {
        var server = new FakeTelnyxServer();
        string route = "/v2" + path;
        string authorization = "Bearer " + apiKey;
        await server.StartHostAsync(app => app.Run(context => AnswerFixedAsync(context, method, route, authorization, body)), countConnections: false)
            .ConfigureAwait(false);
        return server;
    }

    /// <summary>Forgets the recorded requests and the remaining script.</summary>
    public void Reset()
    {
        _requests.Clear();
        _script.Clear();
    }

    /// <summary>Appends responses to the script.</summary>
    public FakeTelnyxServer Enqueue(params CannedResponse[] responses)
    {
        foreach (var response in responses)
        {
            _script.Enqueue(response);
        }
        return this;
    }

    public async Task<bool> WaitForNoOpenConnectionsAsync(TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (OpenConnections == 0)
            {
                return true;
            }
            await Task.Delay(20).ConfigureAwait(false);
        }
        return OpenConnections == 0;
    }

    /// <summary>Writes <paramref name="canned"/> as the response (delays and aborts included).</summary>
    public static async Task WriteAsync(HttpContext context, CannedResponse canned)
    {
        if (canned.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(canned.Delay, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        if (canned.AbortBeforeResponse)
        {
            context.Abort();
            return;
        }
        var response = context.Response;
        response.StatusCode = canned.StatusCode;
        foreach (var header in canned.Headers)
        {
            response.Headers[header.Key] = header.Value;
        }
        byte[] bytes = canned.Body is null ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(canned.Body);
        if (canned.Body is not null)
        {
            response.ContentType = canned.ContentType;
        }
        response.ContentLength = bytes.Length;
        if (canned.AbortAfterBodyBytes is int cut)
        {
            await response.Body.WriteAsync(bytes.AsMemory(0, Math.Min(cut, bytes.Length))).ConfigureAwait(false);
            await response.Body.FlushAsync().ConfigureAwait(false);
            context.Abort();
            return;
        }
        if (bytes.Length > 0)
        {
            await response.Body.WriteAsync(bytes).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync().ConfigureAwait(false);
        }
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task StartHostAsync(Action<WebApplication> configure, bool countConnections)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options =>
        {
            options.AddServerHeader = false;
            options.Listen(IPAddress.Loopback, 0, listen =>
            {
                if (countConnections)
                {
                    listen.Use(next => async connection =>
                    {
                        Interlocked.Increment(ref _openConnections);
                        Interlocked.Increment(ref _totalConnections);
                        try
                        {
                            await next(connection).ConfigureAwait(false);
                        }
                        finally
                        {
                            Interlocked.Decrement(ref _openConnections);
                        }
                    });
                }
            });
        });
        _app = builder.Build();
        configure(_app);
        await _app.StartAsync().ConfigureAwait(false);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Root = "http://127.0.0.1:" + new Uri(address).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        BaseUrl = new Uri(Root + "/v2");
    }

    /// <summary>Records the request, then answers from the handler, the script, or the next stage.</summary>
    private async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = header.Value.ToString();
        }
        string rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (request.Path + request.QueryString);
        var recorded = new RecordedRequest(
            request.Method,
            request.PathBase.Value + request.Path.Value,
            request.QueryString.Value ?? string.Empty,
            rawTarget,
            headers,
            body.ToArray());
        _requests.Enqueue(recorded);
        OnRequest?.Invoke(recorded);

        if (Handler is { } handler)
        {
            await handler(context, recorded).ConfigureAwait(false);
            return;
        }
        if (_script.TryDequeue(out var canned))
        {
            await WriteAsync(context, canned).ConfigureAwait(false);
            return;
        }
        context.Items[InMemoryTelnyxApi.BodyKey] = recorded.Body;
        await next(context).ConfigureAwait(false);
    }

    private static async Task AnswerFixedAsync(HttpContext context, string method, string route, string authorization, byte[] answer)
    {
        var request = context.Request;
        var response = context.Response;
        if (!string.Equals(request.Method, method, StringComparison.OrdinalIgnoreCase) || request.Path != route)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        if (!string.Equals(request.Headers.Authorization, authorization, StringComparison.Ordinal))
        {
            response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        long received = 0;
        PipeReader body = request.BodyReader;
        while (true)
        {
            ReadResult read = await body.ReadAsync().ConfigureAwait(false);
            received += read.Buffer.Length;
            body.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted)
            {
                break;
            }
        }
        if (received == 0)
        {
            response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return;
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.ContentLength = answer.Length;
        await response.Body.WriteAsync(answer).ConfigureAwait(false);
    }
}
