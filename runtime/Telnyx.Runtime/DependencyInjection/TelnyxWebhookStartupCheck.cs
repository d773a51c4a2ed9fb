using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Telnyx.Runtime.Primitives;

namespace Telnyx.Runtime;

/// <summary>
/// Builds the receiver when the host starts, so a missing or unusable public key stops the app at start-up with its
/// <see cref="TelnyxConfigurationException"/> instead of failing every delivery with a 500.
/// </summary>
internal sealed class TelnyxWebhookStartupCheck<TEvent>(IServiceProvider provider) : IHostedService
    where TEvent : class, ITelnyxWebhookEvent
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = provider.GetRequiredService<TelnyxWebhookReceiver<TEvent>>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
