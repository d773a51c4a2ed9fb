using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Telnyx.Generator.Modeling;

namespace Telnyx.Generator.Emit;

/// <summary>What the consumer's compilation references, read once per compilation; equatable, so an edit that keeps it re-emits nothing.</summary>
/// <param name="DependencyInjection">Microsoft.Extensions.DependencyInjection and Configuration (the runtime brings them; an in-memory compilation may not).</param>
/// <param name="AspNetCore">ASP.NET Core routing and <c>HttpContext</c>.</param>
/// <param name="Redis">StackExchange.Redis and Microsoft.Extensions.Caching.StackExchangeRedis.</param>
internal sealed record Integrations(bool DependencyInjection, bool AspNetCore, bool Redis)
{
    public static Integrations Of(Compilation compilation)
    {
        bool Has(string metadataName) => compilation.GetTypeByMetadataName(metadataName) is not null;
        var di = Has("Microsoft.Extensions.DependencyInjection.IServiceCollection")
            && Has("Microsoft.Extensions.DependencyInjection.IHttpClientBuilder")
            && Has("Microsoft.Extensions.Configuration.IConfiguration");
        var aspNetCore = Has("Microsoft.AspNetCore.Routing.IEndpointRouteBuilder") && Has("Microsoft.AspNetCore.Http.HttpContext");
        var redis = Has("StackExchange.Redis.IConnectionMultiplexer") && Has("Microsoft.Extensions.Caching.StackExchangeRedis.RedisCacheOptions");
        return new Integrations(di, aspNetCore, redis);
    }
}

/// <summary>The files of the receiving surface: the handler, DI, and the ASP.NET Core and Redis integrations.</summary>
internal static class IntegrationPlan
{
    public static ImmutableArray<EmitUnit> Units(ApiModel model, Integrations integrations)
    {
        var units = ImmutableArray.CreateBuilder<EmitUnit>();
        var hasWebhooks = model.WebhookEvents.Count > 0;
        if (hasWebhooks) units.Add(new HandlerUnit(model.Namespace, model.WebhookEvents));
        if (!integrations.DependencyInjection) return units.ToImmutable();
        units.Add(new DependencyInjectionUnit(model.Namespace, hasWebhooks));
        // Both serve the webhook receiver, which only a document with webhooks has.
        if (hasWebhooks && integrations.AspNetCore) units.Add(new TemplateUnit(model.Namespace, TemplateKind.AspNetCoreEndpoint));
        if (hasWebhooks && integrations.Redis)
        {
            units.Add(new TemplateUnit(model.Namespace, TemplateKind.RedisExtensions));
            units.Add(new TemplateUnit(model.Namespace, TemplateKind.RedisStore));
        }
        return units.ToImmutable();
    }
}
