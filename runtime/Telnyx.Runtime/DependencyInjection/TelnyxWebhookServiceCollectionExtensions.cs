using System;
using Microsoft.Extensions.DependencyInjection;
using Telnyx.Runtime.Webhooks.Receiving;

namespace Telnyx.Runtime.DependencyInjection;

/// <summary>
/// Registers the webhook receiver. Generated code calls it from <c>services.AddTelnyxWebhooks&lt;THandler&gt;()</c>
/// with the document's event union and parser; call that rather than this.
/// </summary>
public static class TelnyxWebhookServiceCollectionExtensions
{
    /// <summary>The configuration section of the receiver options: <c>Telnyx:Webhooks</c>.</summary>
    public const string ConfigurationSectionName = "Telnyx:Webhooks";

    /// <summary>
    /// Registers <see cref="TelnyxWebhookReceiver{TEvent}"/> (singleton), <typeparamref name="THandler"/> as the scoped
    /// <see cref="ITelnyxWebhookDispatcher{TEvent}"/>, the options, and, unless one is registered, a deduplication store on
    /// <c>IDistributedCache</c> (in memory unless another cache is registered).
    /// </summary>
    /// <typeparam name="TEvent">The event union.</typeparam>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="parser">Parses a verified body into <typeparamref name="TEvent"/>.</param>
    /// <param name="configure">Adjusts the options after configuration binding.</param>
    /// <returns>A builder to choose another deduplication store.</returns>
    public static TelnyxWebhooksBuilder AddTelnyxWebhookReceiver<TEvent, THandler>(
        this IServiceCollection services,
        TelnyxWebhookParser<TEvent> parser,
        Action<TelnyxWebhookReceiverOptions>? configure = null)
        where TEvent : class, ITelnyxWebhookEvent
        where THandler : class, ITelnyxWebhookDispatcher<TEvent>
        => throw new NotImplementedException("issue 14: receiver registration");

    /// <summary>Replaces the deduplication store with <typeparamref name="TStore"/> (a singleton).</summary>
    /// <typeparam name="TStore">The store type.</typeparam>
    /// <param name="builder">The builder returned by <c>AddTelnyxWebhooks</c>.</param>
    /// <returns>The same builder.</returns>
    public static TelnyxWebhooksBuilder UseDeliveryStore<TStore>(this TelnyxWebhooksBuilder builder)
        where TStore : class, ITelnyxWebhookDeliveryStore
        => throw new NotImplementedException("issue 14: receiver registration");

    /// <summary>Replaces the deduplication store with the one <paramref name="create"/> makes (a singleton).</summary>
    /// <param name="builder">The builder returned by <c>AddTelnyxWebhooks</c>.</param>
    /// <param name="create">Creates the store.</param>
    /// <returns>The same builder.</returns>
    public static TelnyxWebhooksBuilder UseDeliveryStore(this TelnyxWebhooksBuilder builder, Func<IServiceProvider, ITelnyxWebhookDeliveryStore> create)
        => throw new NotImplementedException("issue 14: receiver registration");
}
