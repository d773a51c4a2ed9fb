using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;

namespace Telnyx.Runtime;

/// <summary>
/// Binds <see cref="TelnyxWebhookReceiverOptions"/> from the <c>Telnyx:Webhooks</c> section by hand: no reflection, so it
/// is trim- and AOT-safe. Values that do not parse are remembered and reported by
/// <see cref="TelnyxWebhookOptionsValidator"/> at start-up, naming the key.
/// </summary>
internal static class TelnyxWebhookOptionsBinder
{
    private static readonly ConditionalWeakTable<TelnyxWebhookReceiverOptions, List<string>> s_errors = new();

    public static void Bind(IConfiguration section, TelnyxWebhookReceiverOptions options)
    {
        var errors = s_errors.GetOrCreateValue(options);
        string prefix = section is IConfigurationSection s ? s.Path + ":" : string.Empty;

        if (section[nameof(TelnyxWebhookReceiverOptions.PublicKey)] is { } publicKey)
        {
            options.PublicKey = publicKey;
        }
        BindTimeSpan(section, prefix, nameof(TelnyxWebhookReceiverOptions.Tolerance), errors, v => options.Tolerance = v);
        BindTimeSpan(section, prefix, nameof(TelnyxWebhookReceiverOptions.DeduplicationWindow), errors, v => options.DeduplicationWindow = v);
        BindTimeSpan(section, prefix, nameof(TelnyxWebhookReceiverOptions.HandlerTimeout), errors, v => options.HandlerTimeout = v);
        if (section[nameof(TelnyxWebhookReceiverOptions.MaxBodyBytes)] is { } maxBodyBytes)
        {
            if (int.TryParse(maxBodyBytes, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                options.MaxBodyBytes = value;
            }
            else
            {
                errors.Add($"{prefix}MaxBodyBytes '{maxBodyBytes}' is not an integer (bytes).");
            }
        }
        if (section[nameof(TelnyxWebhookReceiverOptions.Deduplicate)] is { } deduplicate)
        {
            if (bool.TryParse(deduplicate, out var value))
            {
                options.Deduplicate = value;
            }
            else
            {
                errors.Add($"{prefix}Deduplicate '{deduplicate}' is not true or false.");
            }
        }
        if (section[nameof(TelnyxWebhookReceiverOptions.StoreFailureMode)] is { } mode)
        {
            // Enum.TryParse<T> is generic over a known enum: no reflection over unknown types. Digits are refused.
            if (!mode.AsSpan().Trim().ContainsAnyInRange('0', '9')
                && Enum.TryParse<TelnyxStoreFailureMode>(mode, ignoreCase: true, out var value))
            {
                options.StoreFailureMode = value;
            }
            else
            {
                errors.Add($"{prefix}StoreFailureMode '{mode}' is neither {nameof(TelnyxStoreFailureMode.FailClosed)} nor {nameof(TelnyxStoreFailureMode.FailOpen)}.");
            }
        }
    }

    public static IReadOnlyList<string> BindingErrors(TelnyxWebhookReceiverOptions options)
        => s_errors.TryGetValue(options, out var errors) ? errors : Array.Empty<string>();

    private static void BindTimeSpan(IConfiguration section, string prefix, string key, List<string> errors, Action<TimeSpan> set)
    {
        if (section[key] is not { } text)
        {
            return;
        }
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value))
        {
            set(value);
        }
        else
        {
            errors.Add($"{prefix}{key} '{text}' is not a time span; expected e.g. 00:00:30.");
        }
    }
}
