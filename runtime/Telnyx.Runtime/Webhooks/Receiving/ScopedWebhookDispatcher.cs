using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace Telnyx.Runtime.Primitives;

/// <summary>
/// Resolves the scoped <see cref="ITelnyxWebhookDispatcher{TEvent}"/> (the user's handler) from the request's services
/// only when an event is dispatched, so a forged, malformed or duplicate delivery never constructs the handler and its
/// dependencies. The generated <c>MapTelnyxWebhooks</c> endpoint passes one per request.
/// </summary>
/// <typeparam name="TEvent">The event union.</typeparam>
/// <param name="services">The request's service provider (its scope).</param>
public sealed class ScopedWebhookDispatcher<TEvent>(IServiceProvider services) : ITelnyxWebhookDispatcher<TEvent>
    where TEvent : class, ITelnyxWebhookEvent
{
    private readonly IServiceProvider _services = services ?? throw new ArgumentNullException(nameof(services));

    /// <inheritdoc />
    public ValueTask DispatchAsync(TEvent webhookEvent, TelnyxWebhookContext context, CancellationToken cancellationToken)
        => _services.GetRequiredService<ITelnyxWebhookDispatcher<TEvent>>().DispatchAsync(webhookEvent, context, cancellationToken);
}
