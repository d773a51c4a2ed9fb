using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Telnyx.Runtime.Tests.Infrastructure;
using Telnyx.Runtime.Primitives;

namespace Telnyx.Runtime.Tests.Webhooks.Receiving;

/// <summary>Signed deliveries, a receiver on a fixed clock, and what it logged.</summary>
internal sealed class WebhookHarness
{
    public static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_717_000_000);

    public static readonly (byte[] PublicKey, byte[] SecretKey) Key =
        TestSigner.KeyPairFromSeed(SHA256.HashData("telnyx webhook receiver test key"u8));

    public static readonly (byte[] PublicKey, byte[] SecretKey) OtherKey =
        TestSigner.KeyPairFromSeed(SHA256.HashData("not the telnyx key"u8));

    public static string PublicKeyBase64 => Convert.ToBase64String(Key.PublicKey);

    /// <summary>The clock stands still for the timestamp check; timers (the handler timeout) run on real time.</summary>
    public FixedTimeProvider Time { get; } = new(Now);

    public RecordingLogger Logger { get; } = new();

    public TelnyxWebhookReceiver<TestEvent> CreateReceiver(Action<TelnyxWebhookReceiverOptions>? configure = null, ITelnyxWebhookDeliveryStore? store = null, bool withStore = true)
    {
        var options = new TelnyxWebhookReceiverOptions { TimeProvider = Time };
        configure?.Invoke(options);
        var verifier = new TelnyxWebhookVerifier(PublicKeyBase64, options.Tolerance, options.TimeProvider);
        store ??= withStore ? new DistributedCacheDeliveryStore(NewCache()) : null;
        return new TelnyxWebhookReceiver<TestEvent>(verifier, TestEvent.Parse, store, options, Logger);
    }

    public static Microsoft.Extensions.Caching.Distributed.MemoryDistributedCache NewCache() =>
        new(Microsoft.Extensions.Options.Options.Create(new Microsoft.Extensions.Caching.Memory.MemoryDistributedCacheOptions()));

    public static byte[] Body(string id, string eventType = "call.initiated") => Encoding.UTF8.GetBytes(
        $$$"""{"data":{"event_type":"{{{eventType}}}","id":"{{{id}}}","occurred_at":"2024-05-29T16:26:40.000Z","payload":{"to":"+13129457420"},"record_type":"event"},"meta":{"attempt":1}}""");

    public static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static string Sign(string timestamp, byte[] body, byte[]? secretKey = null) =>
        Convert.ToBase64String(TestSigner.Sign([.. Encoding.UTF8.GetBytes(timestamp + "|"), .. body], secretKey ?? Key.SecretKey));

    /// <summary>The headers Telnyx sends, signed now (or at <paramref name="at"/>), names in the case Telnyx uses.</summary>
    public static Dictionary<string, string> Headers(byte[] body, DateTimeOffset? at = null, byte[]? secretKey = null)
    {
        string timestamp = Timestamp(at ?? Now);
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Telnyx-Signature-Ed25519"] = Sign(timestamp, body, secretKey),
            ["Telnyx-Timestamp"] = timestamp,
            ["Content-Type"] = Json,
        };
    }

    public const string Json = "application/json";
}

/// <summary>A handler that records each event it was given and runs an optional behaviour.</summary>
internal sealed class RecordingDispatcher(Func<TestEvent, TelnyxWebhookContext, CancellationToken, ValueTask>? behaviour = null) : ITelnyxWebhookDispatcher<TestEvent>
{
    private readonly ConcurrentQueue<(TestEvent Event, TelnyxWebhookContext Context)> _calls = new();

    public IReadOnlyList<(TestEvent Event, TelnyxWebhookContext Context)> Calls => _calls.ToArray();

    public int Count => _calls.Count;

    public ValueTask DispatchAsync(TestEvent webhookEvent, TelnyxWebhookContext context, CancellationToken cancellationToken)
    {
        _calls.Enqueue((webhookEvent, context));
        return behaviour is null ? ValueTask.CompletedTask : behaviour(webhookEvent, context, cancellationToken);
    }
}

/// <summary>Keeps every log entry with its formatted message and structured values.</summary>
internal sealed class RecordingLogger : ILogger
{
    private readonly ConcurrentQueue<Entry> _entries = new();

    public sealed record Entry(LogLevel Level, EventId EventId, string Message, Exception? Exception, IReadOnlyList<KeyValuePair<string, object?>> State)
    {
        public object? this[string name] => State.FirstOrDefault(kv => kv.Key == name).Value;
    }

    public IReadOnlyList<Entry> Entries => _entries.ToArray();

    /// <summary>Everything written, messages and exception texts, to search for what must never appear.</summary>
    public string AllText => string.Join("\n", Entries.Select(e => e.Message + " " + e.Exception + " " + string.Join(";", e.State.Select(kv => kv.Key + "=" + kv.Value))));

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        _entries.Enqueue(new Entry(logLevel, eventId, formatter(state, exception), exception, values.ToArray()));
    }
}
