using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Telnyx.DependencyInjection.Tests;

/// <summary>A loopback Kestrel server answering <c>POST /v2/queues</c>; it can be told to fail the first N requests with 503.</summary>
internal sealed class QueueServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _failuresLeft;

    private QueueServer(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Method, string Path, string Authorization)> Requests { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<QueueServer> StartAsync(int failFirst = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new QueueServer(app) { _failuresLeft = failFirst };
        app.MapPost("/v2/queues", async (HttpContext context) =>
        {
            server.Requests.Enqueue((context.Request.Method, context.Request.Path.Value!, context.Request.Headers.Authorization.ToString()));
            if (Interlocked.Decrement(ref server._failuresLeft) >= 0)
            {
                context.Response.StatusCode = 503;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("""{"errors":[{"code":"90000","title":"Unavailable"}]}""");
                return;
            }
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"data":{"id":"q-1","name":"support","current_size":0,"max_size":10}}""");
        });
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Urls.First().TrimEnd('/') + "/v2");
        return server;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

/// <summary>Captures every log entry at every level: the formatted message and each structured value.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, string Message, string State)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join("; ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : state?.ToString() ?? string.Empty;
            owner.Entries.Enqueue((category, logLevel, formatter(state, exception) + (exception is null ? string.Empty : " " + exception), values));
        }
    }
}
