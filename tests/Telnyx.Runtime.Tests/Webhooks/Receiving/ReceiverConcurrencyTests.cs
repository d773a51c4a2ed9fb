using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace Telnyx.Runtime.Tests.Webhooks.Receiving;

/// <summary>
/// Runs alone, after the parallel tests: a burst of a thousand signature checks would otherwise eat into the
/// sub-second timeouts other tests measure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CpuBurstCollection
{
    public const string Name = "CPU burst";
}

/// <summary>Many deliveries of the same events at once, through two receivers sharing one store.</summary>
[Collection(CpuBurstCollection.Name)]
public sealed class ReceiverConcurrencyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ThousandConcurrentDeliveriesOf100EventsAreEachHandledExactlyOnceAfterRetries()
    {
        const int events = 100;
        const int deliveriesPerEvent = 10;
        var harness = new WebhookHarness();
        var store = new DistributedCacheDeliveryStore(WebhookHarness.NewCache());
        var receivers = new[] { harness.CreateReceiver(store: store), harness.CreateReceiver(store: store) };

        var dispatches = new ConcurrentDictionary<string, int>();
        var successes = new ConcurrentDictionary<string, int>();
        var dispatcher = new RecordingDispatcher(async (webhookEvent, _, token) =>
        {
            int attempt = dispatches.AddOrUpdate(webhookEvent.Id!, 1, (_, n) => n + 1);
            await Task.Delay(1, token); // long enough for other deliveries of the event to arrive meanwhile
            if (attempt == 1 && int.Parse(webhookEvent.Id!.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture) % 5 == 0)
            {
                throw new InvalidOperationException("first attempt of every fifth event fails");
            }
            successes.AddOrUpdate(webhookEvent.Id!, 1, (_, n) => n + 1);
        });

        var bodies = Enumerable.Range(0, events).Select(i => WebhookHarness.Body("evt-" + i)).ToArray();
        var outcomes = new ConcurrentBag<TelnyxWebhookOutcome>();
        int attempts = 0;

        // Each delivery is retried, as Telnyx would, until it gets a 2xx.
        var deliveries = Enumerable.Range(0, events * deliveriesPerEvent).Select(n => Task.Run(async () =>
        {
            byte[] body = bodies[n % events];
            var receiver = receivers[n / events % 2];
            for (int retry = 0; ; retry++)
            {
                Assert.True(retry < 10_000, "a delivery never got a 2xx");
                Interlocked.Increment(ref attempts);
                var result = await receiver.ReceiveAsync(body, WebhookHarness.Json, WebhookHarness.Headers(body), dispatcher, CancellationToken.None);
                outcomes.Add(result.Outcome);
                if (result.StatusCode == 200)
                {
                    return result.Outcome;
                }

                Assert.True(result.Outcome is TelnyxWebhookOutcome.InProgress or TelnyxWebhookOutcome.HandlerFailed, result.Outcome.ToString());
                await Task.Delay(1);
            }
        })).ToArray();
        var final = await Task.WhenAll(deliveries).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(events, successes.Count);
        Assert.All(successes, kv => Assert.Equal(1, kv.Value));
        Assert.All(dispatches, kv => Assert.Equal(int.Parse(kv.Key.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture) % 5 == 0 ? 2 : 1, kv.Value));
        Assert.Equal(events, final.Count(o => o == TelnyxWebhookOutcome.Handled));
        Assert.Equal(events * (deliveriesPerEvent - 1), final.Count(o => o == TelnyxWebhookOutcome.Duplicate));
        Assert.Equal(events / 5, outcomes.Count(o => o == TelnyxWebhookOutcome.HandlerFailed));
        Assert.Contains(TelnyxWebhookOutcome.InProgress, outcomes); // the deliveries really overlapped
        output.WriteLine($"{attempts} attempts for {events * deliveriesPerEvent} deliveries: {outcomes.Count(o => o == TelnyxWebhookOutcome.InProgress)} answered 409, {outcomes.Count(o => o == TelnyxWebhookOutcome.HandlerFailed)} answered 500");
    }
}
