using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telnyx.Runtime;

namespace Telnyx.AspNetCore.Tests.Infrastructure;

/// <summary>How to build one app: the options lambda, configuration values, extra registrations on the webhooks builder.</summary>
public sealed class WebhookAppOptions
{
    public string Pattern { get; set; } = "/webhooks/telnyx";

    public Action<TelnyxWebhookReceiverOptions>? Configure { get; set; }

    public Dictionary<string, string?> Configuration { get; } = new();

    /// <summary>Registrations after <c>AddTelnyxWebhooks</c> (a store, a Redis cache ...).</summary>
    public Action<IServiceCollection, TelnyxWebhooksBuilder>? Services { get; set; }

    /// <summary>Shared between apps when the test wants one view of several instances.</summary>
    public DeliveryRecorder Recorder { get; set; } = new();
}

/// <summary>
/// A real ASP.NET Core app on Kestrel at 127.0.0.1 on a free port: <c>AddTelnyxWebhooks&lt;RecordingHandler&gt;()</c> and
/// <c>MapTelnyxWebhooks(pattern)</c>, as a user writes it, with every log line captured.
/// </summary>
public sealed class WebhookApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookApp(WebApplication app, string baseUrl, string pattern, DeliveryRecorder recorder, CapturingLoggerProvider logs)
    {
        _app = app;
        BaseUrl = baseUrl;
        Url = baseUrl + pattern;
        Recorder = recorder;
        Logs = logs;
        Client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public string BaseUrl { get; }

    /// <summary>The webhook endpoint's absolute URL.</summary>
    public string Url { get; }

    public HttpClient Client { get; }

    public DeliveryRecorder Recorder { get; }

    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<WebhookApp> StartAsync(WebhookSigner signer, Action<WebhookAppOptions>? setup = null)
    {
        var options = new WebhookAppOptions();
        setup?.Invoke(options);

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(options.Configuration);
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Trace);

        builder.Services.AddSingleton(options.Recorder);
        TelnyxWebhooksBuilder webhooks = builder.Services.AddTelnyxWebhooks<RecordingHandler>(o =>
        {
            o.PublicKey = signer.PublicKey;
            options.Configure?.Invoke(o);
        });
        options.Services?.Invoke(builder.Services, webhooks);

        WebApplication app = builder.Build();
        app.MapTelnyxWebhooks(options.Pattern);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new WebhookApp(app, address.TrimEnd('/'), options.Pattern, options.Recorder, logs);
    }

    /// <summary>Posts a delivery; the answer's status and body text.</summary>
    public async Task<(HttpStatusCode Status, string Body)> PostAsync(SignedWebhook delivery)
    {
        using HttpRequestMessage request = delivery.ToRequest(Url);
        using HttpResponseMessage response = await Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
