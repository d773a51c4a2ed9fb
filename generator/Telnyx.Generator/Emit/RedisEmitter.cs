namespace Telnyx.Generator.Emit;

/// <summary>
/// Emits <c>builder.UseRedisDeduplication()</c> and the store behind it, only into compilations that reference
/// StackExchange.Redis and Microsoft.Extensions.Caching.StackExchangeRedis. The text is fixed, so it is two templates:
/// the registration and the store, one file each.
/// </summary>
internal static class RedisEmitter
{
    public const string ExtensionsClassName = "TelnyxRedisWebhooksBuilderExtensions";

    public const string StoreClassName = "TelnyxRedisDeliveryStore";

    private const string ExtensionsTemplate = """
/// <summary>Deduplicates webhook deliveries in Redis, shared by every instance of the app.</summary>
[global::System.CodeDom.Compiler.GeneratedCode("Telnyx.Generator", "0.1.0")]
public static partial class TelnyxRedisWebhooksBuilderExtensions
{
    /// <summary>
    /// Keeps the claims and handled marks of webhook events in Redis: the <c>IConnectionMultiplexer</c> registered in the
    /// container if there is one, else the Redis given to <c>AddStackExchangeRedisCache</c> (its <c>RedisCacheOptions</c>:
    /// connection factory, configuration options or configuration string; its <c>InstanceName</c> starts every key).
    /// </summary>
    /// <remarks>
    /// A claim is one <c>SET ... NX</c> expiring after the claim lifetime, so two instances receiving the same delivery at
    /// once dispatch it once. When Redis cannot be reached the receiver's <c>StoreFailureMode</c> applies (503 by default).
    /// </remarks>
    /// <param name="builder">The builder returned by <c>services.AddTelnyxWebhooks&lt;THandler&gt;()</c>.</param>
    /// <param name="keyPrefix">Put after <c>InstanceName</c> and before each event id; <c>telnyx-webhook:</c> by default.</param>
    /// <returns>The same builder.</returns>
    public static global::Telnyx.Runtime.TelnyxWebhooksBuilder UseRedisDeduplication(this global::Telnyx.Runtime.TelnyxWebhooksBuilder builder, string? keyPrefix = null)
    {
        global::System.ArgumentNullException.ThrowIfNull(builder);
        return global::Telnyx.Runtime.TelnyxWebhookServiceCollectionExtensions.UseDeliveryStore(builder, provider => TelnyxRedisDeliveryStore.Create(provider, keyPrefix));
    }
}
""";

    private const string StoreTemplate = """
/// <summary>
/// A webhook delivery store on Redis. Each event id is one key: <c>claim:{token}</c> while a delivery handles it
/// (expiring after the claim lifetime, so a crashed instance never blocks the event), then <c>handled</c> for the
/// deduplication window.
/// </summary>
[global::System.CodeDom.Compiler.GeneratedCode("Telnyx.Generator", "0.1.0")]
internal sealed partial class TelnyxRedisDeliveryStore : global::Telnyx.Runtime.ITelnyxWebhookDeliveryStore, global::System.IAsyncDisposable, global::System.IDisposable
{
    private const string DefaultKeyPrefix = "telnyx-webhook:";
    private const string ClaimPrefix = "claim:";
    private const string Handled = "handled";

    private readonly global::System.Func<global::System.Threading.Tasks.Task<global::StackExchange.Redis.IConnectionMultiplexer>> _connect;
    private readonly bool _ownsConnection;
    private readonly string _keyPrefix;
    private readonly object _gate = new object();
    private global::System.Threading.Tasks.Task<global::StackExchange.Redis.IConnectionMultiplexer>? _connection;

    private TelnyxRedisDeliveryStore(global::System.Func<global::System.Threading.Tasks.Task<global::StackExchange.Redis.IConnectionMultiplexer>> connect, bool ownsConnection, string keyPrefix)
    {
        _connect = connect;
        _ownsConnection = ownsConnection;
        _keyPrefix = keyPrefix;
    }

    /// <summary>The registered multiplexer, else one made once, on first use, from <c>RedisCacheOptions</c>.</summary>
    internal static TelnyxRedisDeliveryStore Create(global::System.IServiceProvider provider, string? keyPrefix)
    {
        var prefix = keyPrefix ?? DefaultKeyPrefix;
        var shared = global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetService<global::StackExchange.Redis.IConnectionMultiplexer>(provider);
        var cache = global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetService<global::Microsoft.Extensions.Options.IOptions<global::Microsoft.Extensions.Caching.StackExchangeRedis.RedisCacheOptions>>(provider)?.Value;
        var instance = cache?.InstanceName ?? string.Empty;
        if (shared is not null)
        {
            return new TelnyxRedisDeliveryStore(() => global::System.Threading.Tasks.Task.FromResult(shared), ownsConnection: false, instance + prefix);
        }
        if (cache?.ConnectionMultiplexerFactory is { } factory)
        {
            return new TelnyxRedisDeliveryStore(factory, ownsConnection: true, instance + prefix);
        }
        if (cache?.ConfigurationOptions is { } options)
        {
            return new TelnyxRedisDeliveryStore(async () => await global::StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false), ownsConnection: true, instance + prefix);
        }
        if (!string.IsNullOrWhiteSpace(cache?.Configuration))
        {
            var configuration = cache!.Configuration!;
            return new TelnyxRedisDeliveryStore(async () => await global::StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false), ownsConnection: true, instance + prefix);
        }
        throw new global::System.InvalidOperationException("UseRedisDeduplication needs Redis: register an IConnectionMultiplexer, or call AddStackExchangeRedisCache(options => options.Configuration = \"host:6379\").");
    }

    public async global::System.Threading.Tasks.ValueTask<global::Telnyx.Runtime.TelnyxDeliveryClaim> TryClaimAsync(string eventId, global::System.TimeSpan claimLifetime, global::System.Threading.CancellationToken cancellationToken)
    {
        global::System.ArgumentNullException.ThrowIfNull(eventId);
        var database = await DatabaseAsync(cancellationToken).ConfigureAwait(false);
        var key = Key(eventId);
        var token = global::System.Guid.NewGuid().ToString("N");
        if (await database.StringSetAsync(key, ClaimPrefix + token, claimLifetime, global::StackExchange.Redis.When.NotExists).WaitAsync(cancellationToken).ConfigureAwait(false))
        {
            return new global::Telnyx.Runtime.TelnyxDeliveryClaim(eventId, global::Telnyx.Runtime.TelnyxDeliveryClaimStatus.Claimed, token);
        }
        var current = await database.StringGetAsync(key).WaitAsync(cancellationToken).ConfigureAwait(false);
        // A key that expired between the two calls reads as in progress: Telnyx tries again and the next claim wins.
        var status = current == Handled
            ? global::Telnyx.Runtime.TelnyxDeliveryClaimStatus.AlreadyHandled
            : global::Telnyx.Runtime.TelnyxDeliveryClaimStatus.InProgress;
        return new global::Telnyx.Runtime.TelnyxDeliveryClaim(eventId, status, string.Empty);
    }

    public async global::System.Threading.Tasks.ValueTask MarkHandledAsync(global::Telnyx.Runtime.TelnyxDeliveryClaim claim, global::System.TimeSpan window, global::System.Threading.CancellationToken cancellationToken)
    {
        var database = await DatabaseAsync(cancellationToken).ConfigureAwait(false);
        await database.StringSetAsync(Key(claim.EventId), Handled, window).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async global::System.Threading.Tasks.ValueTask ReleaseAsync(global::Telnyx.Runtime.TelnyxDeliveryClaim claim, global::System.Threading.CancellationToken cancellationToken)
    {
        var database = await DatabaseAsync(cancellationToken).ConfigureAwait(false);
        var key = Key(claim.EventId);
        // Deletes the key only while it still holds this claim: a claim that expired and was taken by another delivery stays.
        var transaction = database.CreateTransaction();
        transaction.AddCondition(global::StackExchange.Redis.Condition.StringEqual(key, ClaimPrefix + claim.Token));
        _ = transaction.KeyDeleteAsync(key);
        await transaction.ExecuteAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async global::System.Threading.Tasks.ValueTask DisposeAsync()
    {
        var connection = _connection;
        if (!_ownsConnection || connection is null || connection.Status != global::System.Threading.Tasks.TaskStatus.RanToCompletion) return;
        await connection.Result.DisposeAsync().ConfigureAwait(false);
    }

    public void Dispose()
    {
        var connection = _connection;
        if (!_ownsConnection || connection is null || connection.Status != global::System.Threading.Tasks.TaskStatus.RanToCompletion) return;
        connection.Result.Dispose();
    }

    private global::StackExchange.Redis.RedisKey Key(string eventId) => _keyPrefix + eventId;

    private async global::System.Threading.Tasks.Task<global::StackExchange.Redis.IDatabase> DatabaseAsync(global::System.Threading.CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        global::System.Threading.Tasks.Task<global::StackExchange.Redis.IConnectionMultiplexer> connection;
        lock (_gate)
        {
            // One connection for the store's lifetime; a failed attempt is dropped so that the next delivery tries again.
            if (_connection is null || _connection.IsFaulted || _connection.IsCanceled) _connection = _connect();
            connection = _connection;
        }
        var multiplexer = await connection.WaitAsync(cancellationToken).ConfigureAwait(false);
        return multiplexer.GetDatabase();
    }
}
""";

    public static void EmitExtensions(SourceWriter w) => Write(w, ExtensionsTemplate);

    public static void EmitStore(SourceWriter w) => Write(w, StoreTemplate);

    private static void Write(SourceWriter w, string template)
    {
        foreach (var line in template.Split('\n')) w.Line(line.TrimEnd('\r'));
    }
}
