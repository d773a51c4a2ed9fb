using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telnyx.Runtime;
using Telnyx.Runtime.Primitives;

namespace Telnyx.DependencyInjection.Tests;

/// <summary>AddTelnyxClient: resolution, configuration binding, start-up validation, logging without the key, retry switch.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class AddTelnyxClientTests
{
    private const string Key = "KEY0123456789secretDoNotLog";

    /// <summary>What the fake answers to <c>POST /v2/queues</c>, and its failure.</summary>
    private static CannedResponse Queue => CannedResponse.Data("""{"id":"q-1","name":"support","current_size":0,"max_size":10}""");

    private static CannedResponse Unavailable => CannedResponse.Json("""{"errors":[{"code":"90000","title":"Unavailable"}]}""", 503);

    private static IConfiguration Config(Dictionary<string, string?> values)
        => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static ServiceProvider Provider(Dictionary<string, string?> values, Action<IServiceCollection>? more = null, Action<TelnyxClientOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(Config(values));
        services.AddTelnyxClient(core => new TelnyxClient(core), configure);
        more?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public async Task ClientResolvesWithBoundOptionsAndCallsTheServer()
    {
        await using var server = (await FakeTelnyxServer.StartScriptedAsync()).Enqueue(Queue);
        using var provider = Provider(new()
        {
            ["Telnyx:ApiKey"] = Key,
            ["Telnyx:BaseUrl"] = server.BaseUrl.ToString(),
            ["Telnyx:Timeout"] = "00:00:07",
            ["Telnyx:MaxRetries"] = "4",
            ["Telnyx:WebhookPublicKey"] = "pk-base64",
        });

        var client = provider.GetRequiredService<TelnyxClient>();
        var options = client.Core.Options;
        Assert.Equal(Key, options.ApiKey);
        Assert.Equal(server.BaseUrl, options.BaseUrl);
        Assert.Equal(TimeSpan.FromSeconds(7), options.Timeout);
        Assert.Equal(4, options.Retry.MaxRetries);
        Assert.Equal("pk-base64", options.WebhookPublicKey);
        Assert.NotNull(options.HttpClient);
        // The core times attempts itself; the factory's 100 s default must not cut them short.
        Assert.Equal(Timeout.InfiniteTimeSpan, options.HttpClient!.Timeout);

        var queue = await client.Queues.CreateAsync(new CreateQueueRequest { QueueName = "support" });
        Assert.Equal("q-1", queue.Id);
        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v2/queues", "Bearer " + Key), (request.Method, request.Path, request.Header("Authorization")));

        // TelnyxHttpCore itself is registered, from the same options and factory.
        var core = provider.GetRequiredService<TelnyxHttpCore>();
        Assert.Equal(server.BaseUrl, core.BaseUrl);
        Assert.NotSame(client.Core, core);
    }

    [Fact]
    public void ExplicitSectionAndConfigureDelegateAreAppliedConfigureWins()
    {
        var services = new ServiceCollection();
        var config = Config(new() { ["Custom:ApiKey"] = Key, ["Custom:MaxRetries"] = "3", ["Custom:BaseUrl"] = "http://localhost:5000/v2" });
        services.AddTelnyxClient(config.GetSection("Custom"), core => new TelnyxClient(core), o => o.Retry.MaxRetries = 1);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<TelnyxClientOptions>>().Value;
        Assert.Equal(Key, options.ApiKey);
        Assert.Equal(1, options.Retry.MaxRetries);
        Assert.Equal(new Uri("http://localhost:5000/v2"), options.BaseUrl);
        Assert.Equal(TimeSpan.FromSeconds(60), options.Timeout); // untouched default
    }

    [Fact]
    public async Task InvalidConfigurationIsRejectedAtStartUpWithClearMessages()
    {
        using var _ = EnvironmentCollection.WithoutApiKeyVariable();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telnyx:ApiKey"] = "  ",
            ["Telnyx:MaxRetries"] = "-1",
            ["Telnyx:BaseUrl"] = "ftp://files.example.com/v2",
            ["Telnyx:Timeout"] = "soon",
        });
        builder.Services.AddTelnyxClient(core => new TelnyxClient(core));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(error.Failures, f => f.Contains("Telnyx:ApiKey is missing", StringComparison.Ordinal) && f.Contains("TELNYX_API_KEY", StringComparison.Ordinal));
        Assert.Contains("Telnyx:Retry:MaxRetries (or Telnyx:MaxRetries) must be 0 or more (was -1).", error.Failures);
        Assert.Contains(error.Failures, f => f.StartsWith("Telnyx:BaseUrl must be an absolute http or https URL", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Telnyx:Timeout 'soon' is not a time span", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Telnyx:BaseUrl", "/relative/v2", "Telnyx:BaseUrl must be an absolute http or https URL")]
    [InlineData("Telnyx:MaxRetries", "many", "Telnyx:MaxRetries 'many' is not an integer.")]
    [InlineData("Telnyx:Retry:MaxRetries", "many", "Telnyx:Retry:MaxRetries 'many' is not an integer.")]
    [InlineData("Telnyx:Retry:MaxDelay", "soon", "Telnyx:Retry:MaxDelay 'soon' is not a time span")]
    [InlineData("Telnyx:Retry:MaxRetryAfter", "-00:00:01", "Telnyx:Retry:MaxDelay and Telnyx:Retry:MaxRetryAfter (or Telnyx:MaxRetryDelay and Telnyx:MaxRetryAfter) must not be negative.")]
    [InlineData("Telnyx:Timeout", "-00:00:01", "Telnyx:Timeout must be positive")]
    [InlineData("Telnyx:DisableBuiltInRetries", "perhaps", "Telnyx:DisableBuiltInRetries 'perhaps' is not true or false.")]
    public async Task EachInvalidValueFailsStartUp(string key, string value, string message)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Telnyx:ApiKey"] = Key, [key] = value });
        builder.Services.AddTelnyxClient(core => new TelnyxClient(core));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(message, Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidConfigurationStartsTheHost()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Telnyx:ApiKey"] = Key, ["Telnyx:BaseUrl"] = "https://api.telnyx.com/v2" });
        builder.Services.AddTelnyxClient(core => new TelnyxClient(core));
        using var host = builder.Build();
        await host.StartAsync();
        Assert.NotNull(host.Services.GetRequiredService<TelnyxClient>());
        await host.StopAsync();
    }

    [Fact]
    public async Task RequestsAndRetriesAreLoggedWithTheKeyRedacted()
    {
        await using var server = (await FakeTelnyxServer.StartScriptedAsync()).Enqueue(Unavailable, Queue);
        var logs = new CapturingLoggerProvider();
        using var provider = Provider(
            new() { ["Telnyx:ApiKey"] = Key, ["Telnyx:BaseUrl"] = server.BaseUrl.ToString(), ["Telnyx:MaxRetries"] = "2" },
            services => services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs)),
            o => o.Retry = new NoWaitRetryPolicy(o.Retry));

        var client = provider.GetRequiredService<TelnyxClient>();
        var queue = await client.Queues.CreateAsync(new CreateQueueRequest { QueueName = "support" });
        Assert.Equal("q-1", queue.Id);
        Assert.Equal(2, server.Requests.Count);

        var telnyx = logs.Entries.Where(e => e.Category == TelnyxServiceCollectionExtensions.LoggerCategory).Select(e => e.Message).ToArray();
        Assert.Contains(telnyx, m => m.StartsWith("Telnyx POST /v2/queues responded 503 in ", StringComparison.Ordinal) && m.EndsWith("ms (Authorization: Bearer [REDACTED])", StringComparison.Ordinal));
        Assert.Contains(telnyx, m => m.StartsWith("Telnyx POST /v2/queues responded 200 in ", StringComparison.Ordinal));
        Assert.Contains(telnyx, m => m.StartsWith("Telnyx retry after attempt 1 of POST /queues: waiting ", StringComparison.Ordinal) && m.EndsWith(" after 503", StringComparison.Ordinal));

        // Every entry of every category (IHttpClientFactory logs headers at Trace), message and structured values alike.
        Assert.Contains(logs.Entries, e => e.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal) && e.Level == LogLevel.Trace);
        Assert.All(logs.Entries, e =>
        {
            Assert.DoesNotContain(Key, e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Key, e.State, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task DisableTelnyxBuiltInRetriesLeavesRetriesToTheCallersHandlers()
    {
        await using var server = (await FakeTelnyxServer.StartScriptedAsync()).Enqueue(Unavailable, Unavailable);
        var services = new ServiceCollection();
        services.AddSingleton(Config(new() { ["Telnyx:ApiKey"] = Key, ["Telnyx:BaseUrl"] = server.BaseUrl.ToString(), ["Telnyx:MaxRetries"] = "3" }));
        var builder = services.AddTelnyxClient(core => new TelnyxClient(core)).DisableTelnyxBuiltInRetries();
        Assert.Equal(nameof(TelnyxClient), builder.Name);
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<TelnyxClient>();
        Assert.Equal(0, client.Core.Options.Retry.MaxRetries);
        await Assert.ThrowsAnyAsync<Telnyx.Runtime.TelnyxApiException>(() => client.Queues.CreateAsync(new CreateQueueRequest { QueueName = "support" }));
        Assert.Single(server.Requests);
    }

    [Fact]
    public void DisableBuiltInRetriesConfigurationKeySetsMaxRetriesToZero()
    {
        using var provider = Provider(new() { ["Telnyx:ApiKey"] = Key, ["Telnyx:MaxRetries"] = "5", ["Telnyx:DisableBuiltInRetries"] = "true" });
        Assert.Equal(0, provider.GetRequiredService<TelnyxClient>().Core.Options.Retry.MaxRetries);
    }

    [Fact]
    public void EveryOptionReachesTheCoreUserRetryPolicyStillUsed()
    {
        var time = new FixedTimeProvider();
        var policy = new NoWaitRetryPolicy { MaxRetries = 6, MaxDelay = TimeSpan.FromSeconds(12), MaxRetryAfter = TimeSpan.FromSeconds(13) };
        using var provider = Provider(new() { ["Telnyx:ApiKey"] = Key }, configure: o =>
        {
            o.BaseUrl = new Uri("https://example.test/v2");
            o.Timeout = TimeSpan.FromSeconds(9);
            o.WebhookPublicKey = "pk";
            o.WebhookTolerance = TimeSpan.FromSeconds(11);
            o.TimeProvider = time;
            o.Retry = policy;
        });
        var options = provider.GetRequiredService<TelnyxClient>().Core.Options;

        // A property added to TelnyxClientOptions must be added to the DI copy (TelnyxOptionsBinder.Copy) and here.
        var known = new[] { "ApiKey", "BaseUrl", "Timeout", "WebhookPublicKey", "WebhookTolerance", "Retry", "HttpClient", "TimeProvider" };
        var actual = typeof(TelnyxClientOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name);
        Assert.Equal(known.Order(), actual.Order());

        Assert.Equal(Key, options.ApiKey);
        Assert.Equal(new Uri("https://example.test/v2"), options.BaseUrl);
        Assert.Equal(TimeSpan.FromSeconds(9), options.Timeout);
        Assert.Equal("pk", options.WebhookPublicKey);
        Assert.Equal(TimeSpan.FromSeconds(11), options.WebhookTolerance);
        Assert.Same(time, options.TimeProvider);
        Assert.Same(policy, options.Retry);
    }

    [Fact]
    public async Task RetryLoggingLeavesTheUsersOnRetryOverrideCalled()
    {
        await using var server = (await FakeTelnyxServer.StartScriptedAsync()).Enqueue(Unavailable, Queue);
        var policy = new NoWaitRetryPolicy();
        using var provider = Provider(new() { ["Telnyx:ApiKey"] = Key, ["Telnyx:BaseUrl"] = server.BaseUrl.ToString() }, configure: o => o.Retry = policy);

        await provider.GetRequiredService<TelnyxClient>().Queues.CreateAsync(new CreateQueueRequest { QueueName = "support" });

        var retry = Assert.Single(policy.Retries);
        Assert.Equal((1, (int?)503), (retry.Attempt, retry.StatusCode));
    }

    [Fact]
    public void RetryKeysBindFlatAndFromTheRetrySectionTheSectionWins()
    {
        using var flat = Provider(new()
        {
            ["Telnyx:ApiKey"] = Key,
            ["Telnyx:MaxRetries"] = "4",
            ["Telnyx:MaxRetryDelay"] = "00:00:03",
            ["Telnyx:MaxRetryAfter"] = "00:00:20",
        });
        var fromFlat = flat.GetRequiredService<TelnyxClient>().Core.Options.Retry;
        Assert.Equal((4, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(20)), (fromFlat.MaxRetries, fromFlat.MaxDelay, fromFlat.MaxRetryAfter));

        using var both = Provider(new()
        {
            ["Telnyx:ApiKey"] = Key,
            ["Telnyx:MaxRetries"] = "4",
            ["Telnyx:Retry:MaxRetries"] = "1",
            ["Telnyx:Retry:MaxDelay"] = "00:00:02",
            ["Telnyx:Retry:MaxRetryAfter"] = "00:00:05",
        });
        var fromSection = both.GetRequiredService<TelnyxClient>().Core.Options.Retry;
        Assert.Equal((1, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)), (fromSection.MaxRetries, fromSection.MaxDelay, fromSection.MaxRetryAfter));
    }

    [Fact]
    public void AReplacedPolicyKeepsTheBoundValuesThroughTheCopyConstructor()
    {
        using var provider = Provider(new() { ["Telnyx:ApiKey"] = Key, ["Telnyx:Retry:MaxRetries"] = "5" }, configure: o => o.Retry = new NoWaitRetryPolicy(o.Retry));
        var retry = provider.GetRequiredService<TelnyxClient>().Core.Options.Retry;
        Assert.IsType<NoWaitRetryPolicy>(retry);
        Assert.Equal(5, retry.MaxRetries);
    }

    private sealed class FixedTimeProvider : TimeProvider
    {
    }
}

/// <summary>Tests that change TELNYX_API_KEY run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "environment";

    public static IDisposable WithoutApiKeyVariable()
    {
        var saved = Environment.GetEnvironmentVariable(TelnyxClientOptions.ApiKeyEnvironmentVariable);
        Environment.SetEnvironmentVariable(TelnyxClientOptions.ApiKeyEnvironmentVariable, null);
        return new Restore(saved);
    }

    private sealed class Restore(string? saved) : IDisposable
    {
        public void Dispose() => Environment.SetEnvironmentVariable(TelnyxClientOptions.ApiKeyEnvironmentVariable, saved);
    }
}
