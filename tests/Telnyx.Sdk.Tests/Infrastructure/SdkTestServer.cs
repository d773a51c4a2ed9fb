using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Telnyx.Runtime.Http;

namespace Telnyx.Sdk.Tests.Infrastructure;

/// <summary>One request exactly as Kestrel received it.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">
/// <c>HttpContext.Request.Path</c>: Kestrel's decoded path (percent-escapes decoded, except <c>%2F</c>, which stays
/// escaped so it cannot be mistaken for a separator).
/// </param>
/// <param name="QueryString"><c>HttpContext.Request.QueryString</c> (still escaped, with the leading <c>?</c>; empty when none).</param>
/// <param name="RawTarget">The request target as sent on the wire (<c>IHttpRequestFeature.RawTarget</c>).</param>
/// <param name="Headers">The request headers (names case-insensitive).</param>
/// <param name="Body">The body bytes (empty when none).</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string QueryString,
    string RawTarget,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>What the server answers to one request.</summary>
/// <param name="Status">The status code.</param>
/// <param name="Body">The body text, or null for none.</param>
/// <param name="ContentType">The content type of a body.</param>
public sealed record CannedResponse(int Status, string? Body, string ContentType = "application/json")
{
    public static CannedResponse Json(string body, int status = 200) => new(status, body);

    public static CannedResponse Data(string dataJson) => new(200, "{\"data\":" + dataJson + "}");

    public static CannedResponse CommandOk { get; } = Data("{\"result\":\"ok\"}");

    public static CannedResponse NoContent { get; } = new(204, null);

    public static CannedResponse List(params string[] items) => List(1, 20, 1, items.Length, items);

    public static CannedResponse List(long pageNumber, long pageSize, long totalPages, long totalResults, params string[] items) =>
        new(200, "{\"data\":[" + string.Join(",", items) + "],\"meta\":{\"page_number\":" + pageNumber + ",\"page_size\":" + pageSize
            + ",\"total_pages\":" + totalPages + ",\"total_results\":" + totalResults + "}}");
}

/// <summary>
/// An in-process Kestrel server on 127.0.0.1 (random port) that records every request and answers each with the
/// next <see cref="CannedResponse"/> of its script (418 when the script is empty).
/// </summary>
public sealed class SdkTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<CannedResponse> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private SdkTestServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The server root, for example <c>http://127.0.0.1:54321</c>.</summary>
    public string Root { get; private set; } = string.Empty;

    /// <summary>The API root to give the client: <see cref="Root"/> + <c>/v2</c>.</summary>
    public Uri BaseUrl => new(Root + "/v2");

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public int RequestCount => _requests.Count;

    public static async Task<SdkTestServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.AddServerHeader = false).UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new SdkTestServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.Root = app.Urls.First().TrimEnd('/');
        return server;
    }

    /// <summary>Forgets the recorded requests and the remaining script.</summary>
    public void Reset()
    {
        _requests.Clear();
        _script.Clear();
    }

    /// <summary>Appends responses to the script.</summary>
    public SdkTestServer Enqueue(params CannedResponse[] responses)
    {
        foreach (var response in responses)
        {
            _script.Enqueue(response);
        }
        return this;
    }

    /// <summary>A client for this server: key <c>KEY_test</c>, no retries.</summary>
    public TelnyxClient CreateClient(Action<TelnyxClientOptions>? configure = null)
    {
        var options = new TelnyxClientOptions
        {
            ApiKey = "KEY_test",
            BaseUrl = BaseUrl,
            MaxRetries = 0,
            Timeout = TimeSpan.FromSeconds(20),
        };
        configure?.Invoke(options);
        return new TelnyxClient(options);
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
        string rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? string.Empty;
        _requests.Enqueue(new RecordedRequest(
            request.Method,
            request.PathBase.Value + request.Path.Value,
            request.QueryString.Value ?? string.Empty,
            rawTarget,
            headers,
            body.ToArray()));

        if (!_script.TryDequeue(out var canned))
        {
            canned = new CannedResponse(418, "{\"errors\":[{\"title\":\"script exhausted\"}]}");
        }
        var response = context.Response;
        response.StatusCode = canned.Status;
        byte[] bytes = canned.Body is null ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(canned.Body);
        if (canned.Body is not null)
        {
            response.ContentType = canned.ContentType;
        }
        response.ContentLength = bytes.Length;
        if (bytes.Length > 0)
        {
            await response.Body.WriteAsync(bytes, context.RequestAborted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One server (and one client) per test class; stopped when the class is done.</summary>
public sealed class SdkServerFixture : IAsyncLifetime
{
    private SdkTestServer? _server;
    private TelnyxClient? _client;

    public SdkTestServer Server => _server ?? throw new InvalidOperationException("The server is not started.");

    public TelnyxClient Client => _client ?? throw new InvalidOperationException("The server is not started.");

    public async Task InitializeAsync()
    {
        _server = await SdkTestServer.StartAsync();
        _client = _server.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
