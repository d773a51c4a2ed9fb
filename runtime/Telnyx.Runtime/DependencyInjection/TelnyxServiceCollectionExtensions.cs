using System;
using System.Net.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telnyx.Runtime.Primitives;

namespace Telnyx.Runtime;

/// <summary>
/// Registers a generated Telnyx client with dependency injection: a typed client of <see cref="IHttpClientFactory"/>,
/// <see cref="TelnyxClientOptions"/> bound from the <c>Telnyx</c> configuration section and validated at start-up,
/// and <see cref="ILogger"/> logging of every request and retry (the API key is never logged).
/// </summary>
/// <example>
/// <code>
/// services.AddTelnyxClient(core => new TelnyxClient(core));
/// // appsettings.json: { "Telnyx": { "ApiKey": "KEY...", "Timeout": "00:00:30", "Retry": { "MaxRetries": 3 } } }
/// </code>
/// </example>
public static class TelnyxServiceCollectionExtensions
{
    /// <summary>The configuration section read by default: <c>Telnyx</c>.</summary>
    public const string ConfigurationSectionName = "Telnyx";

    /// <summary>The logger category of the request and retry log lines: <c>Telnyx.Runtime.Http</c>.</summary>
    public const string LoggerCategory = "Telnyx.Runtime.Http";

    /// <summary>
    /// Registers <typeparamref name="TClient"/> (created by <paramref name="create"/>) as a typed HTTP client and
    /// <see cref="TelnyxHttpCore"/>, with options bound from the <c>Telnyx</c> section of the container's
    /// <see cref="IConfiguration"/> (when one is registered), then <paramref name="configure"/>.
    /// </summary>
    /// <typeparam name="TClient">The client type, usually the generated <c>TelnyxClient</c>.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="create">Creates the client around a core, e.g. <c>core =&gt; new TelnyxClient(core)</c>.</param>
    /// <param name="configure">Adjusts the options after configuration binding.</param>
    /// <returns>The builder of the underlying HTTP client, to add handlers (for example a resilience handler;
    /// then call <see cref="DisableTelnyxBuiltInRetries"/>).</returns>
    public static IHttpClientBuilder AddTelnyxClient<TClient>(
        this IServiceCollection services,
        Func<TelnyxHttpCore, TClient> create,
        Action<TelnyxClientOptions>? configure = null)
        where TClient : class
        => AddCore(services, configuration: null, create, configure);

    /// <summary>
    /// Registers <typeparamref name="TClient"/> like
    /// <see cref="AddTelnyxClient{TClient}(IServiceCollection, Func{TelnyxHttpCore, TClient}, Action{TelnyxClientOptions}?)"/>,
    /// with options bound from <paramref name="configuration"/> (a section such as <c>configuration.GetSection("Telnyx")</c>).
    /// </summary>
    /// <typeparam name="TClient">The client type, usually the generated <c>TelnyxClient</c>.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding <c>ApiKey</c>, <c>BaseUrl</c>, <c>Timeout</c>, <c>MaxRetries</c>, ...</param>
    /// <param name="create">Creates the client around a core.</param>
    /// <param name="configure">Adjusts the options after configuration binding.</param>
    /// <returns>The builder of the underlying HTTP client.</returns>
    public static IHttpClientBuilder AddTelnyxClient<TClient>(
        this IServiceCollection services,
        IConfiguration configuration,
        Func<TelnyxHttpCore, TClient> create,
        Action<TelnyxClientOptions>? configure = null)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return AddCore(services, configuration, create, configure);
    }

    /// <summary>
    /// Sets <see cref="TelnyxRetryPolicy.MaxRetries"/> of <see cref="TelnyxClientOptions.Retry"/> to 0, whatever the configuration says, for when the HTTP
    /// client builder gets its own resilience handler (two retry layers would multiply the attempts). The
    /// configuration key <c>Telnyx:DisableBuiltInRetries</c> = <c>true</c> does the same.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddTelnyxClient</c>.</param>
    /// <returns>The same builder.</returns>
    public static IHttpClientBuilder DisableTelnyxBuiltInRetries(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.PostConfigure<TelnyxClientOptions>(options => options.Retry.MaxRetries = 0);
        return builder;
    }

    private static IHttpClientBuilder AddCore<TClient>(
        IServiceCollection services,
        IConfiguration? configuration,
        Func<TelnyxHttpCore, TClient> create,
        Action<TelnyxClientOptions>? configure)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(create);

        services.AddOptions<TelnyxClientOptions>()
            .Configure<IServiceProvider>((options, provider) =>
            {
                var section = configuration ?? provider.GetService<IConfiguration>()?.GetSection(ConfigurationSectionName);
                if (section is not null)
                {
                    TelnyxOptionsBinder.Bind(section, options);
                }
            })
            .ValidateOnStart();
        if (configure is not null)
        {
            services.Configure(configure);
        }
        services.PostConfigure<TelnyxClientOptions>(TelnyxOptionsBinder.ApplyPostBindSwitches);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelnyxClientOptions>, TelnyxClientOptionsValidator>());

        var name = typeof(TClient).Name;
        var builder = services.AddHttpClient(name);
        builder
            .AddTypedClient((http, provider) => create(CreateCore(provider, http)))
            // The core times each attempt itself (TelnyxClientOptions.Timeout); the factory's 100 s default would cut it short.
            .ConfigureHttpClient(http => http.Timeout = System.Threading.Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler(provider => new TelnyxLoggingHandler(provider.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerCategory)))
            // The factory's own trace-level header logging must never show the key either.
            .RedactLoggedHeaders(static header => string.Equals(header, "Authorization", StringComparison.OrdinalIgnoreCase));

        services.TryAddTransient(provider => CreateCore(provider, provider.GetRequiredService<IHttpClientFactory>().CreateClient(name)));
        return builder;
    }

    private static TelnyxHttpCore CreateCore(IServiceProvider provider, HttpClient http)
    {
        var source = provider.GetRequiredService<IOptionsMonitor<TelnyxClientOptions>>().CurrentValue;
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerCategory);
        var options = TelnyxOptionsBinder.Copy(source);
        options.HttpClient = http;
        // Logged through the internal hook, so a user's policy (and its OnRetry override) stays untouched.
        options.RetryLog = retry =>
            TelnyxLog.Retry(logger, retry.Method.Method, retry.Path, retry.Attempt, retry.Delay.TotalMilliseconds,
                retry.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? retry.Error?.GetType().Name ?? "unknown");
        return new TelnyxHttpCore(options);
    }
}
