using System;
using Microsoft.Extensions.DependencyInjection;

namespace Telnyx.Runtime;

/// <summary>Returned by <c>services.AddTelnyxWebhooks&lt;THandler&gt;()</c>, to choose the deduplication store.</summary>
public sealed class TelnyxWebhooksBuilder
{
    /// <summary>Wraps a service collection.</summary>
    /// <param name="services">The service collection the receiver was added to.</param>
    public TelnyxWebhooksBuilder(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        Services = services;
    }

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }
}
