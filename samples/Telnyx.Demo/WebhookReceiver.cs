using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telnyx.Runtime;

namespace Telnyx.Demo;

/// <summary>
/// The demo application's own webhook endpoint (a separate Kestrel listener on 127.0.0.1, random port):
/// verifies each delivery's Ed25519 signature and timestamp over the raw body, then parses and prints the event.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    /// <summary>Checks the signature over <c>"{telnyx-timestamp}|{body}"</c> and rejects timestamps more than 5 minutes off.</summary>
    private readonly TelnyxWebhookVerifier _verifier;
    private WebApplication? _app;
    private int _verified;
    private int _rejected;

    private WebhookReceiver(byte[] publicKey) => _verifier = new TelnyxWebhookVerifier(publicKey, TimeSpan.FromMinutes(5));

    /// <summary>Where Telnyx should POST events, e.g. <c>http://127.0.0.1:41234/webhooks/telnyx</c>.</summary>
    public Uri Url { get; private set; } = null!;

    public int Verified => Volatile.Read(ref _verified);

    public int Rejected => Volatile.Read(ref _rejected);

    public static async Task<WebhookReceiver> StartAsync(byte[] publicKey)
    {
        var receiver = new WebhookReceiver(publicKey);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/webhooks/telnyx", (RequestDelegate)receiver.ReceiveAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(address.TrimEnd('/') + "/webhooks/telnyx");
        receiver._app = app;
        return receiver;
    }

    private async Task ReceiveAsync(HttpContext ctx)
    {
        // Verify the exact bytes that were signed: read the raw body before any JSON parsing.
        using var buffer = new MemoryStream();
        await ctx.Request.Body.CopyToAsync(buffer, ctx.RequestAborted).ConfigureAwait(false);
        var body = buffer.ToArray();

        if (!_verifier.TryVerify(body, TelnyxWebhookHeaders.From(ctx.Request.Headers), out var failure))
        {
            Interlocked.Increment(ref _rejected);
            Timeline.Webhook($"<- webhook REJECTED: {failure}");
            ctx.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        TelnyxWebhookEvent webhook;
        try
        {
            webhook = TelnyxWebhookEvent.ParseUnverified(body);
        }
        catch (JsonException e)
        {
            Interlocked.Increment(ref _rejected);
            Timeline.Webhook($"<- webhook with a malformed body: {e.Message}");
            ctx.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Interlocked.Increment(ref _verified);
        Timeline.Webhook($"<- webhook {webhook.EventType} verified ({Describe(webhook)})");
        ctx.Response.StatusCode = StatusCodes.Status200OK;
    }

    private static string Describe(TelnyxWebhookEvent webhook) => webhook switch
    {
        CallEnqueuedEvent e => $"call {e.Payload?.CallControlId} at position {e.Payload?.CurrentPosition} of {e.Payload?.Queue}",
        CallLeftQueueEvent e => $"call {e.Payload?.CallControlId} left {e.Payload?.Queue}, reason {e.Payload?.Reason}",
        ConferenceCreatedEvent e => $"conference {e.Payload?.ConferenceId}",
        ConferenceParticipantJoinedEvent e => $"participant {e.Payload?.CallControlId}",
        ConferenceParticipantLeftEvent e => $"participant {e.Payload?.CallControlId}",
        ConferencePlaybackStartedEvent e => $"media {e.Payload?.MediaUrl ?? e.Payload?.MediaName}",
        ConferencePlaybackEndedEvent e => $"media {e.Payload?.MediaUrl ?? e.Payload?.MediaName}",
        ConferenceSpeakStartedEvent e => $"conference {e.Payload?.ConferenceId}",
        ConferenceSpeakEndedEvent e => $"conference {e.Payload?.ConferenceId}",
        ConferenceRecordingSavedEvent e => $"recording {e.Data.Payload?.RecordingId} ({e.Data.Payload?.Format})",
        ConferenceEndedEvent e => $"conference {e.Payload?.ConferenceId}, reason {e.Payload?.Reason}",
        UnknownWebhookEvent e => $"not in the spec; {e.Raw.GetRawText().Length} bytes kept raw",
        _ => webhook.Id ?? "?",
    };

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
