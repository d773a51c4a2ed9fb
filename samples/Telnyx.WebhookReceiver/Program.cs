using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telnyx;
using Telnyx.Runtime.Errors;
using Telnyx.Runtime.Http;
using Telnyx.WebhookReceiver;

// A Telnyx webhook receiver: POST /webhooks/telnyx verifies the Ed25519 signature over the raw body, then logs the typed event.
// Listens on http://127.0.0.1:5080 unless --urls says otherwise.
var builder = WebApplication.CreateSlimBuilder(args);
if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

// Our own log lines, not one per request from the framework.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

// The key from configuration (appsettings, --Telnyx:WebhookPublicKey=..., or Telnyx__WebhookPublicKey); when absent the client
// falls back to the TELNYX_PUBLIC_KEY environment variable. No API key is needed to receive webhooks.
var client = new TelnyxClient(new TelnyxClientOptions
{
    WebhookPublicKey = builder.Configuration["Telnyx:WebhookPublicKey"],
});

// Fail at startup, not on the first delivery, when the key is missing or malformed.
try
{
    _ = client.Webhooks.Verifier;
}
catch (Exception e) when (e is TelnyxConfigurationException or ArgumentException)
{
    Console.Error.WriteLine($"Telnyx.WebhookReceiver: {e.Message}");
    Console.Error.WriteLine("Give the key as configuration Telnyx:WebhookPublicKey (e.g. --Telnyx:WebhookPublicKey=...) or TELNYX_PUBLIC_KEY.");
    client.Dispose();
    return 1;
}

builder.Services.AddSingleton(client);
var app = builder.Build();
var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Telnyx.WebhookReceiver");

app.MapPost(WebhookEndpoint.Path, (RequestDelegate)(context => WebhookEndpoint.HandleAsync(context, client, logger)));

app.Run();
return 0;
