using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Telnyx.Runtime;

/// <summary>
/// Finds the webhook public key, first found wins: <see cref="TelnyxWebhookReceiverOptions.PublicKey"/>
/// (<c>Telnyx:Webhooks:PublicKey</c>), <see cref="TelnyxClientOptions.WebhookPublicKey"/> (when <c>AddTelnyxClient</c>
/// or <c>Configure&lt;TelnyxClientOptions&gt;</c> set it), the configuration value <c>Telnyx:WebhookPublicKey</c>, then
/// the <c>TELNYX_PUBLIC_KEY</c> environment variable.
/// </summary>
internal static class TelnyxWebhookKeyResolver
{
    public const string ClientConfigurationKey = TelnyxServiceCollectionExtensions.ConfigurationSectionName + ":" + nameof(TelnyxClientOptions.WebhookPublicKey);

    public static (string Key, string Source) Resolve(TelnyxWebhookReceiverOptions options, IServiceProvider provider)
    {
        if (!string.IsNullOrWhiteSpace(options.PublicKey))
        {
            return (options.PublicKey, TelnyxWebhookServiceCollectionExtensions.ConfigurationSectionName + ":PublicKey");
        }

        if (provider.GetService<IOptions<TelnyxClientOptions>>()?.Value.WebhookPublicKey is { } clientKey && !string.IsNullOrWhiteSpace(clientKey))
        {
            return (clientKey, $"{nameof(TelnyxClientOptions)}.{nameof(TelnyxClientOptions.WebhookPublicKey)}");
        }

        if (provider.GetService<IConfiguration>()?[ClientConfigurationKey] is { } configuredKey && !string.IsNullOrWhiteSpace(configuredKey))
        {
            return (configuredKey, ClientConfigurationKey);
        }

        Func<string, string?> environment = provider.GetService<TelnyxWebhookEnvironment>()?.Read ?? Environment.GetEnvironmentVariable;
        if (environment(TelnyxClientOptions.WebhookPublicKeyEnvironmentVariable) is { } envKey && !string.IsNullOrWhiteSpace(envKey))
        {
            return (envKey, "the " + TelnyxClientOptions.WebhookPublicKeyEnvironmentVariable + " environment variable");
        }

        throw new TelnyxConfigurationException(
            "No Telnyx webhook public key is configured, so webhook signatures cannot be verified. Set one of: the '"
            + TelnyxWebhookServiceCollectionExtensions.ConfigurationSectionName + ":PublicKey' configuration value (or TelnyxWebhookReceiverOptions.PublicKey), the '"
            + ClientConfigurationKey + "' configuration value (or TelnyxClientOptions.WebhookPublicKey), or the "
            + TelnyxClientOptions.WebhookPublicKeyEnvironmentVariable
            + " environment variable, to the public key shown in the Telnyx portal (base64 of 32 bytes, or PEM).");
    }
}

/// <summary>Reads environment variables for <see cref="TelnyxWebhookKeyResolver"/> (replaced in tests, which must not depend on the machine).</summary>
internal sealed class TelnyxWebhookEnvironment(Func<string, string?> read)
{
    public Func<string, string?> Read { get; } = read;
}
