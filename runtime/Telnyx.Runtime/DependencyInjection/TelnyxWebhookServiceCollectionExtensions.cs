using System;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telnyx.Runtime.Primitives;

namespace Telnyx.Runtime;

/// <summary>
/// Registers the webhook receiver. Generated code calls it from <c>services.AddTelnyxWebhooks&lt;THandler&gt;()</c>
/// with the document's event union and parser; call that rather than this.
/// </summary>
public static class TelnyxWebhookServiceCollectionExtensions
{
    /// <summary>The configuration section of the receiver options: <c>Telnyx:Webhooks</c>.</summary>
    public const string ConfigurationSectionName = "Telnyx:Webhooks";

    /// <summary>The logger category of the receiver's log lines: <c>Telnyx.Runtime.Webhooks</c>.</summary>
    public const string LoggerCategory = "Telnyx.Runtime.Webhooks";

    /// <summary>
    /// Registers <see cref="TelnyxWebhookReceiver{TEvent}"/> (singleton), <typeparamref name="THandler"/> as the scoped
    /// <see cref="ITelnyxWebhookDispatcher{TEvent}"/>, the options, and, unless one is registered, a deduplication store on
    /// <c>IDistributedCache</c> (in memory unless another cache is registered).
    /// </summary>
    /// <remarks>
    /// The options are bound from the <c>Telnyx:Webhooks</c> section of the container's <see cref="IConfiguration"/>
    /// (when one is registered: <c>PublicKey</c>, <c>Tolerance</c>, <c>MaxBodyBytes</c>, <c>Deduplicate</c>,
    /// <c>DeduplicationWindow</c>, <c>HandlerTimeout</c>, <c>StoreFailureMode</c>), then adjusted by
    /// <paramref name="configure"/>, and validated at start-up. The public key is
    /// <see cref="TelnyxWebhookReceiverOptions.PublicKey"/>, else <c>TelnyxClientOptions.WebhookPublicKey</c>, else the
    /// configuration value <c>Telnyx:WebhookPublicKey</c>, else the <c>TELNYX_PUBLIC_KEY</c> environment variable;
    /// without one, resolving the receiver throws <see cref="TelnyxConfigurationException"/>, and so does the host's start
    /// (a hosted service builds the receiver then), so the app stops at start-up rather than answer 500 to every delivery.
    /// </remarks>
    /// <typeparam name="TEvent">The event union.</typeparam>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="parser">Parses a verified body into <typeparamref name="TEvent"/>.</param>
    /// <param name="configure">Adjusts the options after configuration binding.</param>
    /// <returns>A builder to choose another deduplication store.</returns>
    public static TelnyxWebhooksBuilder AddTelnyxWebhookReceiver<TEvent, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(
        this IServiceCollection services,
        TelnyxWebhookParser<TEvent> parser,
        Action<TelnyxWebhookReceiverOptions>? configure = null)
        where TEvent : class, ITelnyxWebhookEvent
        where THandler : class, ITelnyxWebhookDispatcher<TEvent>
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(parser);

        services.AddOptions<TelnyxWebhookReceiverOptions>()
            .Configure<IServiceProvider>((options, provider) =>
            {
                if (provider.GetService<IConfiguration>() is { } configuration)
                {
                    TelnyxWebhookOptionsBinder.Bind(configuration.GetSection(ConfigurationSectionName), options);
                }
            })
            .ValidateOnStart();
        if (configure is not null)
        {
            services.Configure(configure);
        }
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelnyxWebhookReceiverOptions>, TelnyxWebhookOptionsValidator>());

        // The handler is scoped (it may take a DbContext); the endpoint resolves the dispatcher from the request scope.
        services.TryAddScoped<THandler>();
        services.TryAddScoped<ITelnyxWebhookDispatcher<TEvent>>(static provider => provider.GetRequiredService<THandler>());

        services.AddDistributedMemoryCache(); // TryAdd inside: a registered Redis or SQL cache wins
        services.TryAddSingleton<ITelnyxWebhookDeliveryStore, DistributedCacheDeliveryStore>();
        services.TryAddSingleton(provider => CreateReceiver(provider, parser));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, TelnyxWebhookStartupCheck<TEvent>>());
        return new TelnyxWebhooksBuilder(services);
    }

    /// <summary>Replaces the deduplication store with <typeparamref name="TStore"/> (a singleton).</summary>
    /// <typeparam name="TStore">The store type.</typeparam>
    /// <param name="builder">The builder returned by <c>AddTelnyxWebhooks</c>.</param>
    /// <returns>The same builder.</returns>
    public static TelnyxWebhooksBuilder UseDeliveryStore<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TStore>(this TelnyxWebhooksBuilder builder)
        where TStore : class, ITelnyxWebhookDeliveryStore
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.RemoveAll<ITelnyxWebhookDeliveryStore>();
        builder.Services.AddSingleton<ITelnyxWebhookDeliveryStore, TStore>();
        return builder;
    }

    /// <summary>Replaces the deduplication store with the one <paramref name="create"/> makes (a singleton).</summary>
    /// <param name="builder">The builder returned by <c>AddTelnyxWebhooks</c>.</param>
    /// <param name="create">Creates the store.</param>
    /// <returns>The same builder.</returns>
    public static TelnyxWebhooksBuilder UseDeliveryStore(this TelnyxWebhooksBuilder builder, Func<IServiceProvider, ITelnyxWebhookDeliveryStore> create)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(create);
        builder.Services.RemoveAll<ITelnyxWebhookDeliveryStore>();
        builder.Services.AddSingleton(create);
        return builder;
    }

    private static TelnyxWebhookReceiver<TEvent> CreateReceiver<TEvent>(IServiceProvider provider, TelnyxWebhookParser<TEvent> parser)
        where TEvent : class, ITelnyxWebhookEvent
    {
        var options = provider.GetRequiredService<IOptions<TelnyxWebhookReceiverOptions>>().Value;
        var (key, source) = TelnyxWebhookKeyResolver.Resolve(options, provider);
        TelnyxWebhookVerifier verifier;
        try
        {
            verifier = new TelnyxWebhookVerifier(key, options.Tolerance, options.TimeProvider);
        }
        catch (ArgumentException ex)
        {
            throw new TelnyxConfigurationException($"The Telnyx webhook public key from {source} is not usable: {ex.Message}");
        }

        var store = options.Deduplicate ? provider.GetService<ITelnyxWebhookDeliveryStore>() : null;
        var logger = provider.GetService<ILoggerFactory>()?.CreateLogger(LoggerCategory);
        return new TelnyxWebhookReceiver<TEvent>(verifier, parser, store, options, logger);
    }
}
