using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telnyx;
using Telnyx.Runtime;
using Telnyx.WebhookReceiver;

// A Telnyx webhook receiver: POST /webhooks/telnyx verifies the Ed25519 signature over the raw body, deduplicates by event
// id, and hands each typed event to GreetingHandler, which greets every participant who joins a conference.
// Listens on http://127.0.0.1:5080 unless --urls says otherwise.
var builder = WebApplication.CreateSlimBuilder(args);
if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

// Our own log lines, not one per request from the framework.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

// The client binds the "Telnyx" configuration section (ApiKey, BaseUrl, WebhookPublicKey, ...; appsettings,
// --Telnyx:ApiKey=..., Telnyx__ApiKey, or TELNYX_API_KEY / TELNYX_PUBLIC_KEY) and is checked at start-up.
builder.Services.AddTelnyxClient();
builder.Services.AddTelnyxWebhooks<GreetingHandler>();

var app = builder.Build();

// A missing API key or a missing or malformed public key stops the app at start-up (the receiver is built when the host starts), rather than
// failing every delivery with a 500; say so in one line instead of a stack trace.
app.MapTelnyxWebhooks("/webhooks/telnyx");
try
{
    app.Run();
}
catch (Exception e) when (e is TelnyxConfigurationException or OptionsValidationException)
{
    Console.Error.WriteLine($"Telnyx.WebhookReceiver: {e.Message}");
    return 1;
}
return 0;
