using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace Telnyx.Runtime;

/// <summary>Checks <see cref="TelnyxWebhookReceiverOptions"/> at start-up (<c>ValidateOnStart</c>), naming the configuration key.</summary>
internal sealed class TelnyxWebhookOptionsValidator : IValidateOptions<TelnyxWebhookReceiverOptions>
{
    public ValidateOptionsResult Validate(string? name, TelnyxWebhookReceiverOptions options)
    {
        var failures = new List<string>(TelnyxWebhookOptionsBinder.BindingErrors(options));
        var section = TelnyxWebhookServiceCollectionExtensions.ConfigurationSectionName;

        if (options.MaxBodyBytes <= 0 || options.MaxBodyBytes > Array.MaxLength - 1)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{section}:MaxBodyBytes must be positive (was {options.MaxBodyBytes})."));
        }
        if (options.HandlerTimeout <= TimeSpan.Zero)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{section}:HandlerTimeout must be positive (was {options.HandlerTimeout})."));
        }
        if (options.DeduplicationWindow <= TimeSpan.Zero)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{section}:DeduplicationWindow must be positive (was {options.DeduplicationWindow})."));
        }
        if (options.Tolerance < TimeSpan.Zero)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{section}:Tolerance must not be negative (was {options.Tolerance})."));
        }
        if (!Enum.IsDefined(options.StoreFailureMode))
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{section}:StoreFailureMode {(int)options.StoreFailureMode} is neither FailClosed nor FailOpen."));
        }
        if (options.TimeProvider is null)
        {
            failures.Add($"{nameof(TelnyxWebhookReceiverOptions)}.{nameof(TelnyxWebhookReceiverOptions.TimeProvider)} must not be null.");
        }
        if (!string.IsNullOrWhiteSpace(options.PublicKey))
        {
            try
            {
                Ed25519PublicKeyFormat.Parse(options.PublicKey);
            }
            catch (ArgumentException ex)
            {
                failures.Add($"{section}:PublicKey is not a usable Ed25519 public key: {ex.Message}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
