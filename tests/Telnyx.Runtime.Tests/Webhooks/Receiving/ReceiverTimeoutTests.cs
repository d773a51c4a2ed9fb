using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Telnyx.Runtime.Tests.Webhooks.Receiving;

/// <summary>The handler timeout and request aborts: answered on time whatever the handler does, claim released.</summary>
public sealed class ReceiverTimeoutTests
{
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(200);

    private readonly WebhookHarness _harness = new();

    [Fact]
    public async Task HangingHandlerThatIgnoresCancellationIsAnswered500AtTheTimeoutAndItsClaimReleased()
    {
        var store = new RecordingStore(new DistributedCacheDeliveryStore(WebhookHarness.NewCache()));
        var receiver = _harness.CreateReceiver(o => o.HandlerTimeout = ShortTimeout, store);
        var never = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hanging = new RecordingDispatcher((_, _, _) => new ValueTask(never.Task)); // never looks at its token
        byte[] body = WebhookHarness.Body("evt-hangs");

        var watch = Stopwatch.StartNew();
        var result = await receiver.ReceiveAsync(new MemoryStream(body), body.Length, WebhookHarness.Json, WebhookHarness.Headers(body), hanging, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        watch.Stop();

        Assert.Equal(new TelnyxWebhookResult(500, TelnyxWebhookOutcome.HandlerTimedOut, EventId: "evt-hangs", EventType: "call.initiated"), result);
        Assert.InRange(watch.Elapsed, ShortTimeout - TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(20));
        Assert.Equal("release evt-hangs", store.Calls[^1]);
        Assert.Equal(107, Assert.Single(_harness.Logger.Entries).EventId.Id);

        // The released claim lets Telnyx's retry through while the abandoned handler still hangs.
        var retry = await receiver.ReceiveAsync(body, WebhookHarness.Json, WebhookHarness.Headers(body), new RecordingDispatcher(), CancellationToken.None);
        Assert.Equal(TelnyxWebhookOutcome.Handled, retry.Outcome);

        // When the abandoned handler finally fails, that is logged too.
        never.SetException(new InvalidOperationException("woke up broken"));
        await WaitUntil(() => _harness.Logger.Entries.Any(e => e.EventId.Id == 112));
        Assert.Equal("evt-hangs", _harness.Logger.Entries.Single(e => e.EventId.Id == 112)["EventId"]);
    }

    [Fact]
    public async Task HandlerThatHonoursCancellationSeesItsTokenCancelledAtTheTimeout()
    {
        var receiver = _harness.CreateReceiver(o => o.HandlerTimeout = ShortTimeout);
        var observed = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var dispatcher = new RecordingDispatcher(async (_, _, token) =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            finally
            {
                observed.TrySetResult(token.IsCancellationRequested);
            }
        });
        byte[] body = WebhookHarness.Body("evt-cooperative");

        var result = await receiver.ReceiveAsync(body, WebhookHarness.Json, WebhookHarness.Headers(body), dispatcher, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(TelnyxWebhookOutcome.HandlerTimedOut, result.Outcome);
        Assert.True(await observed.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task HandlerFinishingWithinTheTimeoutIsHandled()
    {
        var receiver = _harness.CreateReceiver(o => o.HandlerTimeout = TimeSpan.FromSeconds(20));
        var dispatcher = new RecordingDispatcher(async (_, _, token) => await Task.Delay(50, token));
        byte[] body = WebhookHarness.Body("evt-quick");

        var result = await receiver.ReceiveAsync(body, WebhookHarness.Json, WebhookHarness.Headers(body), dispatcher, CancellationToken.None);

        Assert.Equal(TelnyxWebhookOutcome.Handled, result.Outcome);
    }

    [Fact]
    public async Task RequestAbortedWhileTheHandlerRunsReleasesTheClaimAndIsLoggedAsAborted()
    {
        var store = new RecordingStore(new DistributedCacheDeliveryStore(WebhookHarness.NewCache()));
        var receiver = _harness.CreateReceiver(store: store);
        using var abort = new CancellationTokenSource();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource();
        var dispatcher = new RecordingDispatcher((_, _, _) =>
        {
            entered.TrySetResult();
            return new ValueTask(never.Task);
        });
        byte[] body = WebhookHarness.Body("evt-aborted");

        var pending = receiver.ReceiveAsync(new MemoryStream(body), body.Length, WebhookHarness.Json, WebhookHarness.Headers(body), dispatcher, abort.Token).AsTask();
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        abort.Cancel();
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(new TelnyxWebhookResult(500, TelnyxWebhookOutcome.HandlerFailed, EventId: "evt-aborted", EventType: "call.initiated"), result);
        Assert.Equal("release evt-aborted", store.Calls[^1]);
        var entry = Assert.Single(_harness.Logger.Entries);
        Assert.Equal(108, entry.EventId.Id);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, entry.Level);
        never.SetResult();
    }

    [Fact]
    public async Task RawBodyOfAPooledBufferStaysIntactWhileAnAbandonedHandlerStillReadsIt()
    {
        var receiver = _harness.CreateReceiver(o => o.HandlerTimeout = ShortTimeout);
        var resume = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        byte[]? seenLater = null;
        var dispatcher = new RecordingDispatcher(async (_, context, _) =>
        {
            await resume.Task; // ignores the timeout
            seenLater = context.RawBody.ToArray();
        });
        byte[] body = WebhookHarness.Body("evt-late-reader");

        var result = await receiver.ReceiveAsync(new CountingStream(body), null, WebhookHarness.Json, WebhookHarness.Headers(body), dispatcher, CancellationToken.None);
        // Other deliveries rent and clear buffers meanwhile; none of them may be the abandoned handler's.
        for (int i = 0; i < 20; i++)
        {
            byte[] other = WebhookHarness.Body("evt-other-" + i);
            await receiver.ReceiveAsync(new CountingStream(other), null, WebhookHarness.Json, WebhookHarness.Headers(other), new RecordingDispatcher(), CancellationToken.None);
        }

        resume.SetResult();
        await WaitUntil(() => Volatile.Read(ref seenLater) is not null);

        Assert.Equal(TelnyxWebhookOutcome.HandlerTimedOut, result.Outcome);
        Assert.Equal(body, seenLater);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(10), "condition not met within 10 s");
            await Task.Delay(10);
        }
    }
}
