using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Telnyx.Generator.Tests;

/// <summary>
/// The receiving surface: <c>TelnyxWebhookHandler</c>, the DI registrations, and the ASP.NET Core endpoint and Redis
/// store, which exist only in compilations that reference ASP.NET Core routing or the Redis cache. Every variant is
/// compiled with nullable on and every warning an error.
/// </summary>
public class ReceivingSurfaceTests
{
    private const string Handler = "Telnyx.TelnyxWebhookHandler.g.cs";
    private const string Registrations = "Telnyx.TelnyxClientServiceCollectionExtensions.g.cs";
    private const string Endpoint = "Telnyx.TelnyxEndpointRouteBuilderExtensions.g.cs";
    private const string RedisExtensions = "Telnyx.TelnyxRedisWebhooksBuilderExtensions.g.cs";
    private const string RedisStore = "Telnyx.TelnyxRedisDeliveryStore.g.cs";

    /// <summary>Uses the whole surface the way the README does, through both imported namespaces.</summary>
    internal const string WebConsumer = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Telnyx;
        using Telnyx.Runtime;

        namespace Consumer;

        public sealed class Handler : TelnyxWebhookHandler
        {
            public int Created { get; private set; }

            public override ValueTask OnConferenceCreatedAsync(ConferenceCreatedEvent webhookEvent, TelnyxWebhookContext context, CancellationToken cancellationToken)
            {
                Created++;
                return default;
            }

            public override ValueTask OnCallLeftQueueAsync(CallLeftQueueEvent webhookEvent, TelnyxWebhookContext context, CancellationToken cancellationToken) => default;
        }

        public static class Startup
        {
            public static void Register(IServiceCollection services, IConfiguration configuration)
            {
                services.AddTelnyxClient();
                services.AddTelnyxClient(o => o.ApiKey = "KEY-unused");
                services.AddTelnyxClient(o => { o.Retry.MaxRetries = 1; });
                services.AddTelnyxClient(core => new TelnyxClient(core));
                services.AddTelnyxClient(core => new TelnyxClient(core), o => o.Retry.MaxRetries = 0);
                services.AddTelnyxClient(configuration.GetSection("Telnyx"));
                services.AddTelnyxClient(configuration.GetSection("Telnyx"), o => o.Retry.MaxRetries = 2);
                services.AddTelnyxWebhooks<Handler>(o => o.MaxBodyBytes = 64 * 1024).UseRedisDeduplication("app:");
            }

            public static IEndpointConventionBuilder Map(WebApplication app)
            {
                app.MapTelnyxWebhooks();
                return app.MapTelnyxWebhooks("/webhooks/telnyx");
            }
        }
        """;

    [Fact]
    public void ConsoleCompilationGetsTheHandlerAndDiButNoEndpointOrRedis()
    {
        var (_, result, output, _) = GeneratorHarness.Run(GeneratorHarness.References, GeneratorHarness.BundledSpecText);
        var names = HintNames(result);
        Assert.Contains(Handler, names);
        Assert.Contains(Registrations, names);
        Assert.DoesNotContain(Endpoint, names);
        Assert.DoesNotContain(RedisExtensions, names);
        Assert.DoesNotContain(RedisStore, names);
        Assert.Null(output.GetTypeByMetadataName("Telnyx.TelnyxEndpointRouteBuilderExtensions"));
        AssertCompilesClean(output);
    }

    [Fact]
    public void AspNetCoreAndRedisCompilationCompilesTheWholeSurfaceWarningFree()
    {
        var (_, result, output, _) = GeneratorHarness.Run(GeneratorHarness.AspNetCoreAndRedisReferences, GeneratorHarness.BundledSpecText,
            GeneratorHarness.SpecPath, WebConsumer);
        var names = HintNames(result);
        Assert.All(new[] { Handler, Registrations, Endpoint, RedisExtensions, RedisStore }, n => Assert.Contains(n, names));
        AssertCompilesClean(output);
    }

    [Fact]
    public void AddTelnyxClientBindsAFactoryLambdaAsAFactoryAndAnOptionsLambdaAsOptions()
    {
        var (_, _, output, _) = GeneratorHarness.Run(GeneratorHarness.AspNetCoreAndRedisReferences, GeneratorHarness.BundledSpecText,
            GeneratorHarness.SpecPath, WebConsumer);
        Assert.Equal(new[]
        {
            "Generated(Action)", "Generated(Action)", "Generated(Action)",
            // The README's spelling before this one keeps meaning a factory (the generated non-generic overload wins
            // over the runtime's generic one, and does the same).
            "Generated(Func, Action)", "Generated(Func, Action)",
            "Generated(IConfiguration, Action)", "Generated(IConfiguration, Action)",
        }, Bindings(output, "class Startup"));
    }

    [Fact]
    public void AddTelnyxClientInsideTheGeneratedNamespaceStillBindsAFactoryLambdaAsAFactory()
    {
        // Code in namespace Telnyx.* finds the generated extensions before any using directive: a factory lambda must
        // not turn into an options callback there (core => new TelnyxClient(core) also fits Action<TelnyxClientOptions>).
        const string nested = """
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            using Telnyx.Runtime;

            namespace Telnyx.App.Tests;

            public static class NestedStartup
            {
                public static void Register(IServiceCollection services, IConfiguration configuration)
                {
                    services.AddTelnyxClient(core => new TelnyxClient(core));
                    services.AddTelnyxClient(configuration, core => new TelnyxClient(core));
                    services.AddTelnyxClient(o => o.Retry.MaxRetries = 1);
                }
            }
            """;
        var (_, _, output, _) = GeneratorHarness.Run(GeneratorHarness.References, GeneratorHarness.BundledSpecText, GeneratorHarness.SpecPath, nested);
        AssertCompilesClean(output);
        Assert.Equal(new[] { "Generated(Func, Action)", "Generated(IConfiguration, Func, Action)", "Generated(Action)" }, Bindings(output, "class NestedStartup"));
    }

    /// <summary>Each AddTelnyxClient call of the class: which class declares the method bound, and its parameters after <c>this</c>.</summary>
    private static List<string> Bindings(Compilation output, string declaration)
    {
        var tree = output.SyntaxTrees.First(t => t.ToString().Contains(declaration, StringComparison.Ordinal));
        var model = output.GetSemanticModel(tree);
        var result = new List<string>();
        foreach (var call in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
                     .Where(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AddTelnyxClient" }))
        {
            var method = model.GetSymbolInfo(call).Symbol as IMethodSymbol;
            Assert.True(method is not null, call + " binds to nothing");
            var owner = method!.ContainingType.ToDisplayString() switch
            {
                "Telnyx.TelnyxClientServiceCollectionExtensions" => "Generated",
                "Telnyx.Runtime.TelnyxServiceCollectionExtensions" => "Runtime",
                var other => other,
            };
            var parameters = method.ReducedFrom is null ? method.Parameters.Skip(1) : method.Parameters;
            result.Add(owner + "(" + string.Join(", ", parameters.Select(p => p.Type.Name)) + ")");
        }
        return result;
    }

    [Fact]
    public void AspNetCoreOnlyGetsTheEndpointAndNoRedisStore()
    {
        var (_, result, output, _) = GeneratorHarness.Run(GeneratorHarness.AspNetCoreReferences, GeneratorHarness.BundledSpecText);
        var names = HintNames(result);
        Assert.Contains(Endpoint, names);
        Assert.DoesNotContain(RedisExtensions, names);
        Assert.DoesNotContain(RedisStore, names);
        AssertCompilesClean(output);
    }

    [Fact]
    public void RedisOnlyGetsTheRedisStoreAndNoEndpoint()
    {
        var (_, result, output, _) = GeneratorHarness.Run(GeneratorHarness.RedisReferences, GeneratorHarness.BundledSpecText);
        var names = HintNames(result);
        Assert.DoesNotContain(Endpoint, names);
        Assert.Contains(RedisExtensions, names);
        Assert.Contains(RedisStore, names);
        AssertCompilesClean(output);
    }

    [Fact]
    public void WithoutDependencyInjectionOnlyTheHandlerIsAdded()
    {
        // A compilation that sees the runtime but not its packages (no real consumer is one): nothing that needs them.
        var bare = GeneratorHarness.References.Where(r => !System.IO.Path.GetFileName(r.Display!).StartsWith("Microsoft.Extensions.", StringComparison.Ordinal));
        var (_, result, _, _) = GeneratorHarness.Run(bare, GeneratorHarness.BundledSpecText);
        var names = HintNames(result);
        Assert.Contains(Handler, names);
        Assert.DoesNotContain(Registrations, names);
    }

    [Fact]
    public void DocumentWithoutWebhooksHasAddTelnyxClientButNoHandlerAddTelnyxWebhooksEndpointOrStore()
    {
        var (_, result, output, _) = GeneratorHarness.Run(GeneratorHarness.AspNetCoreAndRedisReferences, NoWebhooksSpec, GeneratorHarness.SpecPath,
            "namespace Consumer; public static class Use { public static void Register(Microsoft.Extensions.DependencyInjection.IServiceCollection s) => Telnyx.TelnyxClientServiceCollectionExtensions.AddTelnyxClient(s); }");
        var names = HintNames(result);
        Assert.Contains(Registrations, names);
        Assert.DoesNotContain(Handler, names);
        Assert.DoesNotContain(Endpoint, names);
        Assert.DoesNotContain(RedisExtensions, names);
        Assert.DoesNotContain(RedisStore, names);
        Assert.DoesNotContain("TelnyxWebhook", Text(result, Registrations), StringComparison.Ordinal);
        Assert.Null(output.GetTypeByMetadataName("Telnyx.TelnyxWebhookHandler"));
        var registrations = output.GetTypeByMetadataName("Telnyx.TelnyxClientServiceCollectionExtensions");
        Assert.NotNull(registrations);
        Assert.Equal(Enumerable.Repeat("AddTelnyxClient", 4), registrations!.GetMembers().OfType<IMethodSymbol>().Select(m => m.Name));
        AssertCompilesClean(output);
    }

    [Fact]
    public void EventRecordsWhoseMethodNamesCollideGetDistinctMethodsAndCompile()
    {
        // "unknown" gives UnknownEvent (OnUnknownAsync is the unknown-event method), "unknownEvent" gives UnknownEventEvent,
        // whose preferred name is the first one's fallback.
        var (_, result, output, _) = GeneratorHarness.Run(GeneratorHarness.AspNetCoreAndRedisReferences, CollidingEventsSpec, GeneratorHarness.SpecPath, """
            namespace Consumer;
            public sealed class H : Telnyx.TelnyxWebhookHandler
            {
                public override System.Threading.Tasks.ValueTask OnUnknownEventAsync(Telnyx.UnknownEvent webhookEvent, Telnyx.Runtime.TelnyxWebhookContext context, System.Threading.CancellationToken cancellationToken) => default;
                public override System.Threading.Tasks.ValueTask OnUnknownEventEventAsync(Telnyx.UnknownEventEvent webhookEvent, Telnyx.Runtime.TelnyxWebhookContext context, System.Threading.CancellationToken cancellationToken) => default;
                public override System.Threading.Tasks.ValueTask OnUnknownAsync(Telnyx.UnknownWebhookEvent webhookEvent, Telnyx.Runtime.TelnyxWebhookContext context, System.Threading.CancellationToken cancellationToken) => default;
                public override System.Threading.Tasks.ValueTask OnDispatchAsync(Telnyx.DispatchEvent webhookEvent, Telnyx.Runtime.TelnyxWebhookContext context, System.Threading.CancellationToken cancellationToken) => default;
            }
            """);
        Assert.Null(result.Results.Single().Exception);
        Assert.Contains(Handler, HintNames(result));
        var handler = output.GetTypeByMetadataName("Telnyx.TelnyxWebhookHandler")!;
        var methods = handler.GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary).Select(m => m.Name).ToList();
        Assert.Equal(methods.Count, methods.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("DispatchAsync", methods);
        AssertCompilesClean(output);
    }

    internal const string NoWebhooksSpec = """
        {
          "openapi": "3.1.0",
          "info": { "title": "No webhooks", "version": "1.0.0" },
          "paths": {
            "/queues/{queue_name}": {
              "get": {
                "operationId": "RetrieveQueue",
                "parameters": [ { "name": "queue_name", "in": "path", "required": true, "schema": { "type": "string" } } ],
                "responses": { "200": { "description": "The queue.", "content": { "application/json": { "schema": { "type": "object", "properties": { "data": { "$ref": "#/components/schemas/Queue" } } } } } } }
              }
            }
          },
          "components": { "schemas": { "Queue": { "type": "object", "properties": { "name": { "type": "string" } } } } }
        }
        """;

    private static string Event(string type) => $$"""
        { "post": { "requestBody": { "content": { "application/json": { "schema": {
          "type": "object",
          "properties": { "id": { "type": "string" }, "event_type": { "type": "string", "enum": ["{{type}}"] }, "payload": { "type": "object", "properties": { "n": { "type": "integer" } } } }
        } } } }, "responses": { "200": { "description": "ok" } } } }
        """;

    private static readonly string CollidingEventsSpec = $$"""
        {
          "openapi": "3.1.0",
          "info": { "title": "Colliding events", "version": "1.0.0" },
          "paths": {},
          "webhooks": {
            "dispatch": {{Event("x.dispatch")}},
            "unknown": {{Event("x.unknown")}},
            "unknownEvent": {{Event("x.unknown_event")}}
          }
        }
        """;

    private static string Text(GeneratorDriverRunResult result, string hintName)
        => result.Results.Single().GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    internal static List<string> HintNames(GeneratorDriverRunResult result)
        => result.Results.Single().GeneratedSources.Select(s => s.HintName).ToList();

    internal static void AssertCompilesClean(Compilation output)
    {
        var strict = output.WithOptions(((CSharpCompilationOptions)output.Options)
            .WithWarningLevel(9999)
            .WithGeneralDiagnosticOption(ReportDiagnostic.Error)
            .WithNullableContextOptions(NullableContextOptions.Enable));
        var problems = CompileTests.Problems(strict.GetDiagnostics());
        Assert.True(problems.Count == 0, $"{problems.Count} compiler diagnostic(s):\n" + string.Join("\n", problems.Take(30)));
    }
}
