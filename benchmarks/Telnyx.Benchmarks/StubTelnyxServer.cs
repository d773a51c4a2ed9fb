using System;
using System.Buffers;
using System.IO.Pipelines;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Telnyx.Benchmarks;

/// <summary>
/// An in-process Kestrel server on 127.0.0.1 (a free port) that answers <c>POST /v2/conferences</c> with fixed,
/// pre-serialized bytes. It drains the request body and checks the bearer token, the same work for every client.
/// </summary>
public sealed class StubTelnyxServer : IAsyncDisposable
{
    private const string ExpectedAuthorization = "Bearer " + Payloads.ApiKey;

    private readonly WebApplication _app;

    private StubTelnyxServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The API root, <c>http://127.0.0.1:PORT/v2</c>.</summary>
    public Uri BaseUrl { get; }

    public static async Task<StubTelnyxServer> StartAsync(byte[] createResponse)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options =>
        {
            options.AddServerHeader = false;
            options.Listen(IPAddress.Loopback, 0);
        });
        var app = builder.Build();
        app.Run(context => HandleAsync(context, createResponse));
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        return new StubTelnyxServer(app, new Uri($"http://127.0.0.1:{port}/v2"));
    }

    private static async Task HandleAsync(HttpContext context, byte[] createResponse)
    {
        var request = context.Request;
        var response = context.Response;
        if (!HttpMethods.IsPost(request.Method) || request.Path != "/v2/conferences")
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        if (!string.Equals(request.Headers.Authorization, ExpectedAuthorization, StringComparison.Ordinal))
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
        response.ContentLength = createResponse.Length;
        await response.Body.WriteAsync(createResponse).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
