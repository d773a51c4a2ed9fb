using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;

namespace Telnyx.Runtime;

/// <summary>
/// Binds <see cref="TelnyxClientOptions"/> from configuration by hand: no reflection, so it is trim- and AOT-safe.
/// Values that do not parse are remembered and reported by <see cref="TelnyxClientOptionsValidator"/> at start-up.
/// </summary>
internal static class TelnyxOptionsBinder
{
    private static readonly ConditionalWeakTable<TelnyxClientOptions, BindState> s_state = new();

    public static void Bind(IConfiguration section, TelnyxClientOptions options)
    {
        var state = s_state.GetOrCreateValue(options);
        string prefix = section is IConfigurationSection s ? s.Path + ":" : string.Empty;

        if (section[nameof(TelnyxClientOptions.ApiKey)] is { } apiKey)
        {
            options.ApiKey = apiKey;
        }
        if (section[nameof(TelnyxClientOptions.WebhookPublicKey)] is { } publicKey)
        {
            options.WebhookPublicKey = publicKey;
        }
        if (section[nameof(TelnyxClientOptions.BaseUrl)] is { } baseUrl)
        {
            if (Uri.TryCreate(baseUrl.Trim(), UriKind.RelativeOrAbsolute, out var uri))
            {
                options.BaseUrl = uri;
            }
            else
            {
                state.Errors.Add($"{prefix}BaseUrl '{baseUrl}' is not a URL; expected an absolute http or https URL such as https://api.telnyx.com/v2.");
            }
        }
        BindTimeSpan(section, prefix, nameof(TelnyxClientOptions.Timeout), state, v => options.Timeout = v);
        BindTimeSpan(section, prefix, nameof(TelnyxClientOptions.WebhookTolerance), state, v => options.WebhookTolerance = v);
        // The flat keys of earlier versions (MaxRetries, MaxRetryDelay, MaxRetryAfter) still bind; a Retry section wins over them.
        BindRetry(section, prefix, "MaxRetries", "MaxRetryDelay", "MaxRetryAfter", state, options);
        BindRetry(section.GetSection(nameof(TelnyxClientOptions.Retry)), prefix + "Retry:",
            nameof(TelnyxRetryPolicy.MaxRetries), nameof(TelnyxRetryPolicy.MaxDelay), nameof(TelnyxRetryPolicy.MaxRetryAfter), state, options);
        if (section["DisableBuiltInRetries"] is { } disable)
        {
            if (bool.TryParse(disable, out var value))
            {
                state.DisableBuiltInRetries = value;
            }
            else
            {
                state.Errors.Add($"{prefix}DisableBuiltInRetries '{disable}' is not true or false.");
            }
        }
    }

    public static void ApplyPostBindSwitches(TelnyxClientOptions options)
    {
        if (s_state.TryGetValue(options, out var state) && state.DisableBuiltInRetries)
        {
            options.Retry.MaxRetries = 0;
        }
    }

    public static IReadOnlyList<string> BindingErrors(TelnyxClientOptions options)
        => s_state.TryGetValue(options, out var state) ? state.Errors : Array.Empty<string>();

    /// <summary>
    /// A shallow copy, so each core gets its own <see cref="TelnyxClientOptions.HttpClient"/> and retry log; the
    /// <see cref="TelnyxClientOptions.Retry"/> policy is shared (a user's subclass keeps its overrides).
    /// </summary>
    public static TelnyxClientOptions Copy(TelnyxClientOptions source) => new()
    {
        ApiKey = source.ApiKey,
        BaseUrl = source.BaseUrl,
        Timeout = source.Timeout,
        WebhookPublicKey = source.WebhookPublicKey,
        WebhookTolerance = source.WebhookTolerance,
        Retry = source.Retry,
        HttpClient = source.HttpClient,
        TimeProvider = source.TimeProvider,
        RetryLog = source.RetryLog,
        ReadEnvironment = source.ReadEnvironment,
    };

    private static void BindRetry(IConfiguration section, string prefix, string maxRetriesKey, string maxDelayKey, string maxRetryAfterKey, BindState state, TelnyxClientOptions options)
    {
        if (section[maxRetriesKey] is { } maxRetries)
        {
            if (int.TryParse(maxRetries, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                options.Retry.MaxRetries = value;
            }
            else
            {
                state.Errors.Add($"{prefix}{maxRetriesKey} '{maxRetries}' is not an integer.");
            }
        }
        BindTimeSpan(section, prefix, maxDelayKey, state, v => options.Retry.MaxDelay = v);
        BindTimeSpan(section, prefix, maxRetryAfterKey, state, v => options.Retry.MaxRetryAfter = v);
    }

    private static void BindTimeSpan(IConfiguration section, string prefix, string key, BindState state, Action<TimeSpan> set)
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
            state.Errors.Add($"{prefix}{key} '{text}' is not a time span; expected e.g. 00:00:30.");
        }
    }

    private sealed class BindState
    {
        public List<string> Errors { get; } = new();

        public bool DisableBuiltInRetries { get; set; }
    }
}
