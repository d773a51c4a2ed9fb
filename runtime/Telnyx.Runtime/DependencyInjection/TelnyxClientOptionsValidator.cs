using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace Telnyx.Runtime;

/// <summary>Checks <see cref="TelnyxClientOptions"/> at start-up (<c>ValidateOnStart</c>) with messages naming the configuration key.</summary>
internal sealed class TelnyxClientOptionsValidator : IValidateOptions<TelnyxClientOptions>
{
    public ValidateOptionsResult Validate(string? name, TelnyxClientOptions options)
    {
        var failures = new List<string>(TelnyxOptionsBinder.BindingErrors(options));
        var section = TelnyxServiceCollectionExtensions.ConfigurationSectionName;

        if (string.IsNullOrWhiteSpace(options.ApiKey)
            && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TelnyxClientOptions.ApiKeyEnvironmentVariable)))
        {
            failures.Add($"{section}:ApiKey is missing: set the '{section}:ApiKey' configuration value or the {TelnyxClientOptions.ApiKeyEnvironmentVariable} environment variable.");
        }
        var retry = options.Retry;
        if (retry.MaxRetries < 0)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{section}:Retry:MaxRetries (or {section}:MaxRetries) must be 0 or more (was {retry.MaxRetries})."));
        }
        if (options.BaseUrl is { } baseUrl
            && (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"{section}:BaseUrl must be an absolute http or https URL (was '{baseUrl.OriginalString}').");
        }
        if (options.Timeout <= TimeSpan.Zero && options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{section}:Timeout must be positive (was {options.Timeout})."));
        }
        if (retry.MaxDelay < TimeSpan.Zero || retry.MaxRetryAfter < TimeSpan.Zero)
        {
            failures.Add($"{section}:Retry:MaxDelay and {section}:Retry:MaxRetryAfter (or {section}:MaxRetryDelay and {section}:MaxRetryAfter) must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
