using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telnyx.AspNetCore.Tests.Infrastructure;
using Telnyx.Runtime;
using Xunit.Abstractions;

namespace Telnyx.AspNetCore.Tests;

/// <summary>The Redis tests run alone, so their wall time is theirs.</summary>
[CollectionDefinition(nameof(RedisCollection), DisableParallelization = true)]
public sealed class RedisCollection;

/// <summary>
/// Two app instances (two Kestrel apps in this process) share one real redis-server through
/// <c>AddStackExchangeRedisCache</c> + <c>UseRedisDeduplication()</c>: every delivery goes to both at once, as when Telnyx
/// retries while a load balancer spreads the attempts.
/// </summary>
[Collection(nameof(RedisCollection))]
public sealed class RedisDeduplicationTests(ITestOutputHelper output) : IDisposable
{
    private const int Events = 1000;
    private const int FailEvery = 10;
    private const int MaxAttempts = 50;

    private readonly WebhookSigner _signer = new();

    public void Dispose() => _signer.Dispose();

    [Fact]
    public async Task SameDeliveriesToTwoInstancesSharingRedisAreHandledExactlyOnce()
    {
        await using RedisServer redis = await RedisServer.StartAsync();
        var recorder = new DeliveryRecorder();
        string[] ids = Enumerable.Range(0, Events).Select(_ => Guid.NewGuid().ToString()).ToArray();
        var failing = new HashSet<string>(ids.Where((_, i) => i % FailEvery == 0));
        var failedOnce = new ConcurrentDictionary<string, bool>();
        // The first attempt at every 10th event fails, on whichever instance gets it first.
        recorder.Behaviour = (call, _) => failing.Contains(call.DeliveryId!) && failedOnce.TryAdd(call.DeliveryId!, true)
            ? throw new InvalidOperationException("first attempt fails")
            : ValueTask.CompletedTask;

        string prefix = "telnyx-test-" + Guid.NewGuid().ToString("N") + ":";
        void Setup(WebhookAppOptions o)
        {
            o.Recorder = recorder;
            o.Services = (services, webhooks) =>
            {
                services.AddStackExchangeRedisCache(r => r.Configuration = redis.Configuration);
                webhooks.UseRedisDeduplication(prefix);
            };
        }

        await using WebhookApp a = await WebhookApp.StartAsync(_signer, Setup);
        await using WebhookApp b = await WebhookApp.StartAsync(_signer, Setup);

        var stats = new SenderStats();
        var answers = new ConcurrentBag<(string Id, string Attempt)>();
        var lost = new ConcurrentBag<string>();
        using var gate = new SemaphoreSlim(48);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(ids.Select(async (id, i) =>
        {
            byte[] body = SpecWebhooks.All[i % SpecWebhooks.All.Count].Body(id);
            await gate.WaitAsync();
            try
            {
                await Task.WhenAll(SendUntilAcceptedAsync(a, "A", id, body), SendUntilAcceptedAsync(b, "B", id, body));
            }
            finally
            {
                gate.Release();
            }
        }));
        watch.Stop();

        async Task SendUntilAcceptedAsync(WebhookApp app, string instance, string id, byte[] body)
        {
            for (int attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                string attemptId = instance + "-" + attempt.ToString(CultureInfo.InvariantCulture);
                using HttpRequestMessage request = _signer.Sign(body).ToRequest(app.Url);
                request.Headers.TryAddWithoutValidation(DeliveryRecorder.AttemptHeader, attemptId);
                using HttpResponseMessage response = await app.Client.SendAsync(request);
                stats.Count(response.StatusCode, attempt > 1);
                if (response.IsSuccessStatusCode)
                {
                    answers.Add((id, attemptId));
                    return;
                }

                await Task.Delay(Math.Min(5 * attempt, 50));
            }

            lost.Add(id);
        }

        // Which attempt of each event ran the handler to completion, and which 2xx answers were duplicates.
        var completed = recorder.Completed.GroupBy(c => c.DeliveryId!).ToDictionary(g => g.Key, g => g.ToList());
        var accepted = answers.GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.Select(x => x.Attempt).ToList());
        int duplicates = answers.Count(x => completed.TryGetValue(x.Id, out var c) && c.All(call => call.Attempt != x.Attempt));

        string figures = string.Create(CultureInfo.InvariantCulture,
            $"redis-dedupe: 2 instances, 1 redis-server, {Events} events: deliveries sent {stats.Sent} (incl. {stats.Retries} retries), " +
            $"handled {recorder.Completed.Count}, duplicates suppressed {duplicates} (200 duplicate), in progress {stats.Conflict} (409), " +
            $"failures retried {stats.ServerError} (500), store unavailable {stats.Unavailable} (503), other {stats.Other}, lost {lost.Count}, wall {watch.ElapsedMilliseconds} ms");
        output.WriteLine(figures);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "redis-dedupe-figures.txt"), figures + Environment.NewLine);
        Console.WriteLine(figures);

        Assert.Empty(lost);
        Assert.Equal(0, stats.Other);
        // Every event handled successfully exactly once, none missing.
        Assert.Equal(ids.Order(), completed.Keys.Order());
        Assert.All(completed, kv => Assert.Single(kv.Value));
        // The handler ran once per event, plus the one failed attempt of every 10th: nothing else reached it.
        var dispatched = recorder.Calls.GroupBy(c => c.DeliveryId!).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(ids, id => Assert.Equal(failing.Contains(id) ? 2 : 1, dispatched[id]));
        Assert.Equal(Events / FailEvery, stats.ServerError);
        // Each sender got its 2xx; the attempt that was handled is one of them, the other sender's is a duplicate.
        Assert.All(ids, id =>
        {
            Assert.Equal(2, accepted[id].Count);
            Assert.Contains(completed[id][0].Attempt, accepted[id]);
        });
        Assert.Equal(Events, duplicates);
    }

    [Fact]
    public async Task UnreachableRedisAnswers503AndLogsIt()
    {
        await using WebhookApp app = await WebhookApp.StartAsync(_signer, o => o.Services = (services, webhooks) =>
        {
            services.AddStackExchangeRedisCache(r => r.Configuration = ClosedPortConfiguration());
            webhooks.UseRedisDeduplication();
        });
        (string id, byte[] body) = Deliveries.Joined();
        SignedWebhook delivery = _signer.Sign(body);

        var (status, text) = await app.PostAsync(delivery);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Empty(app.Recorder.Calls);
        Deliveries.AssertOpaque(status, text, delivery, _signer);
        Assert.Contains(app.Logs.Logs, l => l.Level >= LogLevel.Warning && l.AllText.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnreachableRedisWithFailOpenDispatches()
    {
        await using WebhookApp app = await WebhookApp.StartAsync(_signer, o =>
        {
            o.Configure = r => r.StoreFailureMode = TelnyxStoreFailureMode.FailOpen;
            o.Services = (services, webhooks) =>
            {
                services.AddStackExchangeRedisCache(r => r.Configuration = ClosedPortConfiguration());
                webhooks.UseRedisDeduplication();
            };
        });
        (string id, byte[] body) = Deliveries.Joined();

        var (status, _) = await app.PostAsync(_signer.Sign(body));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(id, app.Recorder.Single().DeliveryId);
        Assert.Contains(app.Logs.Logs, l => l.Level >= LogLevel.Warning && l.AllText.Contains(id, StringComparison.Ordinal));
    }

    /// <summary>A loopback port nothing listens on, with a short connect timeout so the refusal is quick.</summary>
    private static string ClosedPortConfiguration() => "127.0.0.1:" + RedisServer.FreePort().ToString(CultureInfo.InvariantCulture) + ",connectTimeout=1000";

    private sealed class SenderStats
    {
        private int _sent, _retries, _ok, _conflict, _serverError, _unavailable, _other;

        public int Sent => _sent;
        public int Retries => _retries;
        public int Ok => _ok;
        public int Conflict => _conflict;
        public int ServerError => _serverError;
        public int Unavailable => _unavailable;
        public int Other => _other;

        public void Count(HttpStatusCode status, bool retry)
        {
            Interlocked.Increment(ref _sent);
            if (retry)
            {
                Interlocked.Increment(ref _retries);
            }

            switch ((int)status)
            {
                case >= 200 and < 300: Interlocked.Increment(ref _ok); break;
                case 409: Interlocked.Increment(ref _conflict); break;
                case 500: Interlocked.Increment(ref _serverError); break;
                case 503: Interlocked.Increment(ref _unavailable); break; // Redis slower than its timeout on a loaded machine: retried like Telnyx would
                default: Interlocked.Increment(ref _other); break;
            }
        }
    }
}
