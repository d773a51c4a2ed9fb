using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telnyx.Runtime.Primitives;

namespace Telnyx.Runtime.Tests.Webhooks.Receiving;

/// <summary>AddTelnyxWebhookReceiver: what it registers, configuration binding and validation, the key's fallback order.</summary>
public sealed class AddTelnyxWebhookReceiverTests
{
    private static readonly byte[] ClientKey = TestSigner.KeyPairFromSeed(SHA256.HashData("client options key"u8)).PublicKey;

    private static readonly byte[] ConfigKey = TestSigner.KeyPairFromSeed(SHA256.HashData("configuration key"u8)).PublicKey;

    private static readonly byte[] EnvKey = TestSigner.KeyPairFromSeed(SHA256.HashData("environment key"u8)).PublicKey;

    /// <summary>Counts the deliveries handled, shared by every scoped handler instance.</summary>
    public sealed class Deliveries
    {
        public ConcurrentQueue<string> Handled { get; } = new();
    }

    public sealed class TestHandler(Deliveries deliveries) : ITelnyxWebhookDispatcher<TestEvent>
    {
        public ValueTask DispatchAsync(TestEvent webhookEvent, TelnyxWebhookContext context, CancellationToken cancellationToken)
        {
            deliveries.Handled.Enqueue(webhookEvent.Id!);
            return ValueTask.CompletedTask;
        }
    }

    public sealed class OtherStore : ITelnyxWebhookDeliveryStore
    {
        public ValueTask<TelnyxDeliveryClaim> TryClaimAsync(string eventId, TimeSpan claimLifetime, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new TelnyxDeliveryClaim(eventId, TelnyxDeliveryClaimStatus.AlreadyHandled, ""));

        public ValueTask MarkHandledAsync(TelnyxDeliveryClaim claim, TimeSpan window, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask ReleaseAsync(TelnyxDeliveryClaim claim, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    private sealed class FakeClient(TelnyxHttpCore core)
    {
        public TelnyxHttpCore Core { get; } = core;
    }

    private static ServiceCollection Services(Dictionary<string, string?>? configuration = null, string? environmentKey = null)
    {
        var services = new ServiceCollection();
        if (configuration is not null)
        {
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build());
        }
        // The machine's own TELNYX_PUBLIC_KEY must not decide any test.
        services.AddSingleton(new TelnyxWebhookEnvironment(name => name == TelnyxClientOptions.WebhookPublicKeyEnvironmentVariable ? environmentKey : null));
        services.AddSingleton<Deliveries>();
        return services;
    }

    private static ServiceProvider Build(IServiceCollection services) =>
        services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

    [Fact]
    public async Task RegistrationResolvesAReceiverThatHandsSignedDeliveriesToTheScopedHandlerOnce()
    {
        var harness = new WebhookHarness();
        var services = Services();
        services.AddTelnyxWebhookReceiver<TestEvent, TestHandler>(TestEvent.Parse, o =>
        {
            o.PublicKey = WebhookHarness.PublicKeyBase64;
            o.TimeProvider = harness.Time;
        });
        using var provider = Build(services);

        var receiver = provider.GetRequiredService<TelnyxWebhookReceiver<TestEvent>>();
        Assert.Same(receiver, provider.GetRequiredService<TelnyxWebhookReceiver<TestEvent>>());
        Assert.IsType<DistributedCacheDeliveryStore>(receiver.Store);
        Assert.Same(receiver.Store, provider.GetRequiredService<ITelnyxWebhookDeliveryStore>());
        Assert.Equal(WebhookHarness.Key.PublicKey, receiver.Verifier.PublicKey.ToArray());

        byte[] body = WebhookHarness.Body("evt-di");
        var results = new List<TelnyxWebhookResult>();
        for (int i = 0; i < 2; i++)
        {
            await using var scope = provider.CreateAsyncScope();
            var dispatcher = scope.ServiceProvider.GetRequiredService<ITelnyxWebhookDispatcher<TestEvent>>();
            Assert.Same(scope.ServiceProvider.GetRequiredService<TestHandler>(), dispatcher);
            results.Add(await receiver.ReceiveAsync(body, WebhookHarness.Json, WebhookHarness.Headers(body), dispatcher, CancellationToken.None));
        }

        Assert.Equal([TelnyxWebhookOutcome.Handled, TelnyxWebhookOutcome.Duplicate], results.Select(r => r.Outcome));
        Assert.Equal(["evt-di"], provider.GetRequiredService<Deliveries>().Handled);
    }

    [Fact]
    public void OptionsAreBoundFromTheTelnyxWebhooksSectionThenConfigured()
    {
        var services = Services(new()
        {
            ["Telnyx:Webhooks:PublicKey"] = WebhookHarness.PublicKeyBase64,
            ["Telnyx:Webhooks:Tolerance"] = "00:01:30",
            ["Telnyx:Webhooks:MaxBodyBytes"] = "65536",
            ["Telnyx:Webhooks:Deduplicate"] = "false",
            ["Telnyx:Webhooks:DeduplicationWindow"] = "2.00:00:00",
            ["Telnyx:Webhooks:HandlerTimeout"] = "00:00:07",
            ["Telnyx:Webhooks:StoreFailureMode"] = "failopen",
        });
        services.AddTelnyxWebhookReceiver<TestEvent, TestHandler>(TestEvent.Parse, o => o.HandlerTimeout += TimeSpan.FromSeconds(1));
        using var provider = Build(services);

        var options = provider.GetRequiredService<IOptions<TelnyxWebhookReceiverOptions>>().Value;
        var receiver = provider.GetRequiredService<TelnyxWebhookReceiver<TestEvent>>();

        Assert.Equal(WebhookHarness.PublicKeyBase64, options.PublicKey);
        Assert.Equal(TimeSpan.FromSeconds(90), options.Tolerance);
        Assert.Equal(65536, options.MaxBodyBytes);
        Assert.False(options.Deduplicate);
        Assert.Equal(TimeSpan.FromDays(2), options.DeduplicationWindow);
        Assert.Equal(TimeSpan.FromSeconds(8), options.HandlerTimeout); // bound first, then adjusted by configure
        Assert.Equal(TelnyxStoreFailureMode.FailOpen, options.StoreFailureMode);
        Assert.Equal(TimeSpan.FromSeconds(90), receiver.Verifier.Tolerance);
        Assert.Null(receiver.Store); // deduplication off
    }

    [Fact]
    public void ConfigurationValuesThatDoNotParseOrMakeNoSenseFailValidationNamingEachKey()
    {
        var services = Services(new()
        {
            ["Telnyx:Webhooks:MaxBodyBytes"] = "lots",
            ["Telnyx:Webhooks:Deduplicate"] = "maybe",
            ["Telnyx:Webhooks:HandlerTimeout"] = "00:00:00",
            ["Telnyx:Webhooks:DeduplicationWindow"] = "soon",
            ["Telnyx:Webhooks:Tolerance"] = "-00:00:01",
            ["Telnyx:Webhooks:StoreFailureMode"] = "1",
            ["Telnyx:Webhooks:PublicKey"] = "not a key",
        });
        services.AddTelnyxWebhookReceiver<TestEvent, TestHandler>(TestEvent.Parse);
        using var provider = Build(services);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TelnyxWebhookReceiverOptions>>().Value);

        string[] expected =
        [
            "Telnyx:Webhooks:MaxBodyBytes 'lots'",
            "Telnyx:Webhooks:Deduplicate 'maybe'",
            "Telnyx:Webhooks:HandlerTimeout must be positive",
            "Telnyx:Webhooks:DeduplicationWindow 'soon'",
            "Telnyx:Webhooks:Tolerance must not be negative",
            "Telnyx:Webhooks:StoreFailureMode '1'",
            "Telnyx:Webhooks:PublicKey is not a usable Ed25519 public key",
        ];
        Assert.All(expected, e => Assert.Contains(error.Failures, f => f.StartsWith(e, StringComparison.Ordinal)));
        Assert.Equal(expected.Length, error.Failures.Count());
    }

    [Fact]
    public async Task InvalidOptionsStopTheHostAtStart()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(new TelnyxWebhookEnvironment(_ => null));
        builder.Services.AddSingleton<Deliveries>();
        builder.Services.AddTelnyxWebhookReceiver<TestEvent, TestHandler>(TestEvent.Parse, o => o.MaxBodyBytes = -1);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.StartsWith("Telnyx:Webhooks:MaxBodyBytes must be positive", StringComparison.Ordinal));
    }

    [Fact]
    public void KeyComesFirstFromTheReceiverOptions()
    {
        var services = Services(new() { ["Telnyx:WebhookPublicKey"] = Convert.ToBase64String(ConfigKey) }, Convert.ToBase64String(EnvKey));
        services.Configure<TelnyxClientOptions>(o => o.WebhookPublicKey = Convert.ToBase64String(ClientKey));
        services.AddTelnyxWebhookReceiver<TestEvent, TestHandler>(TestEvent.Parse, o => o.PublicKey = WebhookHarness.PublicKeyBase64);
        using var provider = Build(services);

        Assert.Equal(WebhookHarness.Key.PublicKey, provider.GetRequiredService<TelnyxWebhookReceiver<TestEvent>>().Verifier.PublicKey.ToArray());
    }

    [Fact]
    public void KeyComesNextFromTheClientOptionsOfAddTelnyxClient()
    {
        var services = Services(new()
        {
            ["Telnyx:ApiKey"] = "KEY-for-the-client",
            ["Telnyx:WebhookPublicKey"] = Convert.ToBase64String(ConfigKey),
        }, Convert.ToBase64String(EnvKey));
        services.AddTelnyxClient(core => new FakeClient(core), o => o.WebhookPublicKey = Convert.ToBase64String(ClientKey));
        services.AddTelnyxWebhookReceiver<TestEvent, TestHandler>(TestEvent.Parse);
        using var provider = Build(services);

        Assert.Equal(ClientKey, provider.GetRequiredService<TelnyxWebhookReceiver<TestEvent>>().Verifier.PublicKey.ToArray());
    }

    [Fact]
    public void KeyComesNextFromTheTelnyxWebhookPublicKeyConfigurationValueWithoutAddTelnyxClient()
    {
        var services = Services(new() { ["Telnyx:WebhookPublicKey"] = Convert.ToBase64String(ConfigKey) }, Convert.ToBase64String(EnvKey));
        services.AddTelnyxWebhookReceiver<TestEvent, TestHandler>(TestEvent.Parse);
        using var provider = Build(services);

        Assert.Equal(ConfigKey, provider.GetRequiredService<TelnyxWebhookReceiver<TestEvent>>().Verifier.PublicKey.ToArray());
    }

    [Fact]
    public void KeyComesLastFromTheEnvironment()
    {
        var services = Services(new() { ["Telnyx:WebhookPublicKey"] = "  " }, Convert.ToBase64String(EnvKey));
        services.AddTelnyxWebhookReceiver<TestEvent, TestHandler>(TestEvent.Parse);
        using var provider = Build(services);

        Assert.Equal(EnvKey, provider.GetRequiredService<TelnyxWebhookReceiver<TestEvent>>().Verifier.PublicKey.ToArray());
    }

    [Fact]
    public void MissingKeyGivesAConfigurationErrorNamingEveryPlaceItIsLookedFor()
    {
        var services = Services(new());
        services.AddTelnyxWebhookReceiver<TestEvent, TestHandler>(TestEvent.Parse);
        using var provider = Build(services); // registration alone does not need the key

        var error = Assert.Throws<TelnyxConfigurationException>(() => provider.GetRequiredService<TelnyxWebhookReceiver<TestEvent>>());

        Assert.Contains("No Telnyx webhook public key is configured", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Telnyx:Webhooks:PublicKey'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Telnyx:WebhookPublicKey'", error.Message, StringComparison.Ordinal);
        Assert.Contains("TELNYX_PUBLIC_KEY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingKeyStopsTheHostAtStartWithTheConfigurationError()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(new TelnyxWebhookEnvironment(_ => null));
        builder.Services.AddSingleton<Deliveries>();
        builder.Services.AddTelnyxWebhookReceiver<TestEvent, TestHandler>(TestEvent.Parse);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<TelnyxConfigurationException>(() => host.StartAsync());

        Assert.Contains("No Telnyx webhook public key is configured", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AUsableKeyLetsTheHostStart()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(new TelnyxWebhookEnvironment(_ => null));
        builder.Services.AddSingleton<Deliveries>();
        builder.Services.AddTelnyxWebhookReceiver<TestEvent, TestHandler>(TestEvent.Parse, o => o.PublicKey = WebhookHarness.PublicKeyBase64);
        using var host = builder.Build();

        await host.StartAsync();
        await host.StopAsync();
    }

    [Fact]
    public void UnusableKeyFromAFallbackGivesAConfigurationErrorNamingItsSource()
    {
        var services = Services(new() { ["Telnyx:WebhookPublicKey"] = "bm90IGEga2V5" });
        services.AddTelnyxWebhookReceiver<TestEvent, TestHandler>(TestEvent.Parse);
        using var provider = Build(services);

        var error = Assert.Throws<TelnyxConfigurationException>(() => provider.GetRequiredService<TelnyxWebhookReceiver<TestEvent>>());

        Assert.StartsWith("The Telnyx webhook public key from Telnyx:WebhookPublicKey is not usable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UseDeliveryStoreReplacesTheDefaultStoreByTypeOrFactory()
    {
        var byType = Services();
        byType.AddTelnyxWebhookReceiver<TestEvent, TestHandler>(TestEvent.Parse, o => o.PublicKey = WebhookHarness.PublicKeyBase64).UseDeliveryStore<OtherStore>();
        var instance = new OtherStore();
        var byFactory = Services();
        byFactory.AddTelnyxWebhookReceiver<TestEvent, TestHandler>(TestEvent.Parse, o => o.PublicKey = WebhookHarness.PublicKeyBase64).UseDeliveryStore(_ => instance);
        using var typeProvider = Build(byType);
        using var factoryProvider = Build(byFactory);

        Assert.IsType<OtherStore>(typeProvider.GetRequiredService<TelnyxWebhookReceiver<TestEvent>>().Store);
        Assert.Same(instance, factoryProvider.GetRequiredService<TelnyxWebhookReceiver<TestEvent>>().Store);
        Assert.Single(byType, d => d.ServiceType == typeof(ITelnyxWebhookDeliveryStore));
        Assert.Single(byFactory, d => d.ServiceType == typeof(ITelnyxWebhookDeliveryStore));
    }

    [Fact]
    public async Task DefaultStoreUsesAnAlreadyRegisteredDistributedCache()
    {
        var harness = new WebhookHarness();
        var shared = WebhookHarness.NewCache();
        var services = Services();
        services.AddSingleton<IDistributedCache>(shared); // e.g. AddStackExchangeRedisCache before AddTelnyxWebhooks
        services.AddTelnyxWebhookReceiver<TestEvent, TestHandler>(TestEvent.Parse, o =>
        {
            o.PublicKey = WebhookHarness.PublicKeyBase64;
            o.TimeProvider = harness.Time;
        });
        using var provider = Build(services);
        var receiver = provider.GetRequiredService<TelnyxWebhookReceiver<TestEvent>>();
        byte[] body = WebhookHarness.Body("evt-shared-cache");

        await using var scope = provider.CreateAsyncScope();
        await receiver.ReceiveAsync(body, WebhookHarness.Json, WebhookHarness.Headers(body), scope.ServiceProvider.GetRequiredService<ITelnyxWebhookDispatcher<TestEvent>>(), CancellationToken.None);

        Assert.Same(shared, provider.GetRequiredService<IDistributedCache>());
        Assert.Equal("handled"u8.ToArray(), await shared.GetAsync("telnyx:webhook:evt-shared-cache"));
    }

    [Fact]
    public async Task ReceiverLogsUnderTheTelnyxRuntimeWebhooksCategory()
    {
        var logs = new CategoryProvider();
        var services = Services();
        services.AddLogging(logging => logging.AddProvider(logs));
        services.AddTelnyxWebhookReceiver<TestEvent, TestHandler>(TestEvent.Parse, o => o.PublicKey = WebhookHarness.PublicKeyBase64);
        using var provider = Build(services);
        var receiver = provider.GetRequiredService<TelnyxWebhookReceiver<TestEvent>>();

        await receiver.ReceiveAsync("{}"u8.ToArray(), "text/plain", new Dictionary<string, string>(), new TestHandler(new Deliveries()), CancellationToken.None);

        Assert.Equal("Telnyx.Runtime.Webhooks", TelnyxWebhookServiceCollectionExtensions.LoggerCategory);
        Assert.Contains(logs.Lines, l => l.Category == "Telnyx.Runtime.Webhooks" && l.Message.Contains("UnsupportedMediaType", StringComparison.Ordinal));
    }

    private sealed class CategoryProvider : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, string Message)> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CategoryProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Lines.Enqueue((category, formatter(state, exception)));
        }
    }
}
