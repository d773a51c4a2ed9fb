using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Telnyx.Runtime.Tests.Infrastructure;

/// <summary>One request as the server saw it.</summary>
public sealed record RecordedRequest(string Method, string RawTarget, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>What the server does for one request.</summary>
public sealed class ScriptedResponse
{
    public int StatusCode { get; init; } = 200;

    public string? Body { get; init; }

    public string ContentType { get; init; } = "application/json";

    public Dictionary<string, string> Headers { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits this long (or until the client goes away) before answering.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Sends the headers (with the full Content-Length) and this many body bytes, then aborts the connection.</summary>
    public int? AbortAfterBodyBytes { get; init; }

    /// <summary>Aborts the connection without sending anything.</summary>
    public bool AbortBeforeResponse { get; init; }

    public static ScriptedResponse Json(string body, int status = 200) => new() { StatusCode = status, Body = body };

    public static ScriptedResponse Data(string dataJson) => new() { Body = "{\"data\":" + dataJson + "}" };

    public static ScriptedResponse Status(int status, string? body = null, params (string Name, string Value)[] headers)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            map[name] = value;
        }
        return new ScriptedResponse { StatusCode = status, Body = body, Headers = map };
    }

    public static ScriptedResponse CutOff(string body = "{\"data\":{\"id\":\"partial-response-that-never-ends\"}}", int bytes = 10) =>
        new() { Body = body, AbortAfterBodyBytes = bytes };
}

/// <summary>
/// An in-process Kestrel server on 127.0.0.1 (random port) that answers from a script (one
/// <see cref="ScriptedResponse"/> per request, in order) or from a custom handler, and records every request.
/// </summary>
public sealed class ScriptedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedResponse> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private int _openConnections;
    private int _totalConnections;

    private ScriptedServer(WebApplication app, Func<HttpContext, RecordedRequest, Task>? handler)
    {
        _app = app;
        Handler = handler;
    }

    /// <summary>The API root to give the client: <c>http://127.0.0.1:port/v2</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Replaces the script: called for every request with the recorded request.</summary>
    public Func<HttpContext, RecordedRequest, Task>? Handler { get; set; }

    /// <summary>Called when a request arrives, before it is answered (for example to cancel a client).</summary>
    public Action<RecordedRequest>? OnRequest { get; set; }

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public int RequestCount => _requests.Count;

    public int OpenConnections => Volatile.Read(ref _openConnections);

    public int TotalConnections => Volatile.Read(ref _totalConnections);

    public static async Task<ScriptedServer> StartAsync(Func<HttpContext, RecordedRequest, Task>? handler = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        ScriptedServer? server = null;
        builder.WebHost.UseKestrel(options =>
        {
            options.AddServerHeader = false;
            options.ConfigureEndpointDefaults(listen => listen.Use(next => async connection =>
            {
                Interlocked.Increment(ref server!._openConnections);
                Interlocked.Increment(ref server._totalConnections);
                try
                {
                    await next(connection);
                }
                finally
                {
                    Interlocked.Decrement(ref server._openConnections);
                }
            }));
        }).UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        server = new ScriptedServer(app, handler);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        string address = app.Urls.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/v2");
        return server;
    }

    public ScriptedServer Enqueue(params ScriptedResponse[] responses)
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
            await Task.Delay(20);
        }
        return OpenConnections == 0;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = header.Value.ToString();
        }
        string rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (request.Path + request.QueryString);
        var recorded = new RecordedRequest(request.Method, rawTarget, headers, body.ToArray());
        _requests.Enqueue(recorded);
        OnRequest?.Invoke(recorded);

        if (Handler is { } handler)
        {
            await handler(context, recorded);
            return;
        }
        if (!_script.TryDequeue(out var scripted))
        {
            scripted = ScriptedResponse.Json("{\"errors\":[{\"title\":\"script exhausted\"}]}", 418);
        }
        await WriteAsync(context, scripted);
    }

    public static async Task WriteAsync(HttpContext context, ScriptedResponse scripted)
    {
        if (scripted.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(scripted.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        if (scripted.AbortBeforeResponse)
        {
            context.Abort();
            return;
        }
        var response = context.Response;
        response.StatusCode = scripted.StatusCode;
        foreach (var header in scripted.Headers)
        {
            response.Headers[header.Key] = header.Value;
        }
        byte[] bytes = scripted.Body is null ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(scripted.Body);
        if (bytes.Length > 0)
        {
            response.ContentType = scripted.ContentType;
        }
        response.ContentLength = bytes.Length;
        if (scripted.AbortAfterBodyBytes is int cut)
        {
            await response.Body.WriteAsync(bytes.AsMemory(0, Math.Min(cut, bytes.Length)));
            await response.Body.FlushAsync();
            context.Abort();
            return;
        }
        if (bytes.Length > 0)
        {
            await response.Body.WriteAsync(bytes);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
