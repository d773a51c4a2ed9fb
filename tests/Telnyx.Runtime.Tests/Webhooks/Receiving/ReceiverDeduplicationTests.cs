using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Telnyx.Runtime.Primitives;

namespace Telnyx.Runtime.Tests.Webhooks.Receiving;

/// <summary>At-least-once delivery made exactly-once handling: replays, retries after failures, store outages.</summary>
public sealed class ReceiverDeduplicationTests
{
    private readonly WebhookHarness _harness = new();

    private static ValueTask<TelnyxWebhookResult> Receive(TelnyxWebhookReceiver<TestEvent> receiver, byte[] body, ITelnyxWebhookDispatcher<TestEvent> dispatcher, CancellationToken cancellationToken = default) =>
        receiver.ReceiveAsync(body, WebhookHarness.Json, WebhookHarness.Headers(body), dispatcher, cancellationToken);

    [Fact]
    public async Task ReplayedDeliveryIsAnswered200DuplicateWithoutDispatch()
    {
        var receiver = _harness.CreateReceiver();
        var dispatcher = new RecordingDispatcher();
        byte[] body = WebhookHarness.Body("evt-replay");

        var first = await Receive(receiver, body, dispatcher);
        var replay = await Receive(receiver, body, dispatcher);
        var again = await receiver.ReceiveAsync(new MemoryStream(body), body.Length, WebhookHarness.Json, WebhookHarness.Headers(body), dispatcher, CancellationToken.None);

        Assert.Equal(TelnyxWebhookOutcome.Handled, first.Outcome);
        Assert.Equal(new TelnyxWebhookResult(200, TelnyxWebhookOutcome.Duplicate, EventId: "evt-replay", EventType: "call.initiated"), replay);
        Assert.Equal(replay, again);
        Assert.Equal(1, dispatcher.Count);
    }

    [Fact]
    public async Task HandlerThatThrowsThenTheRetryIsHandledExactlyOnce()
    {
        var store = new RecordingStore(new DistributedCacheDeliveryStore(WebhookHarness.NewCache()));
        var receiver = _harness.CreateReceiver(store: store);
        int attempts = 0;
        var dispatcher = new RecordingDispatcher((_, _, _) =>
            Interlocked.Increment(ref attempts) == 1 ? throw new InvalidOperationException("first attempt fails") : ValueTask.CompletedTask);
        byte[] body = WebhookHarness.Body("evt-retry");

        var failed = await Receive(receiver, body, dispatcher);
        var retried = await Receive(receiver, body, dispatcher);
        var lateRetry = await Receive(receiver, body, dispatcher);

        Assert.Equal(TelnyxWebhookOutcome.HandlerFailed, failed.Outcome);
        Assert.Equal(TelnyxWebhookOutcome.Handled, retried.Outcome);
        Assert.Equal(TelnyxWebhookOutcome.Duplicate, lateRetry.Outcome);
        Assert.Equal(2, dispatcher.Count);
        Assert.Equal(["claim evt-retry", "release evt-retry", "claim evt-retry", "mark evt-retry", "claim evt-retry"], store.Calls);
        Assert.NotEqual(store.Released.Single().Token, store.Marked.Single().Token);
    }

    [Fact]
    public async Task ClaimLivesForTheHandlerTimeoutPlusTheMarginAndTheMarkForTheWindow()
    {
        var store = new RecordingStore(new DistributedCacheDeliveryStore(WebhookHarness.NewCache()));
        var receiver = _harness.CreateReceiver(o =>
        {
            o.HandlerTimeout = TimeSpan.FromSeconds(12);
            o.DeduplicationWindow = TimeSpan.FromHours(3);
        }, store);

        await Receive(receiver, WebhookHarness.Body("evt-lifetimes"), new RecordingDispatcher());

        Assert.Equal(TimeSpan.FromSeconds(12) + TelnyxWebhookReceiver<TestEvent>.ClaimMargin, store.LastClaimLifetime);
        Assert.Equal(TimeSpan.FromHours(3), store.LastWindow);
    }

    [Fact]
    public async Task DeliveryWhileAnotherOfTheSameEventRunsIsAnswered409InProgress()
    {
        var receiver = _harness.CreateReceiver();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var dispatcher = new RecordingDispatcher(async (_, _, _) =>
        {
            entered.TrySetResult();
            await release.Task;
        });
        byte[] body = WebhookHarness.Body("evt-concurrent");

        var first = Receive(receiver, body, dispatcher).AsTask();
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var concurrent = await Receive(receiver, body, dispatcher);
        release.SetResult();
        var firstResult = await first;
        var afterwards = await Receive(receiver, body, dispatcher);

        Assert.Equal(new TelnyxWebhookResult(409, TelnyxWebhookOutcome.InProgress, EventId: "evt-concurrent", EventType: "call.initiated"), concurrent);
        Assert.Equal(TelnyxWebhookOutcome.Handled, firstResult.Outcome);
        Assert.Equal(TelnyxWebhookOutcome.Duplicate, afterwards.Outcome);
        Assert.Equal(1, dispatcher.Count);
    }

    [Fact]
    public async Task StoreAnswersAreFollowedAlreadyHandledIs200AndInProgressIs409()
    {
        var dispatcher = new RecordingDispatcher();
        byte[] body = WebhookHarness.Body("evt-answers");

        var handled = await Receive(_harness.CreateReceiver(store: new FixedAnswerStore(TelnyxDeliveryClaimStatus.AlreadyHandled)), body, dispatcher);
        var inProgress = await Receive(_harness.CreateReceiver(store: new FixedAnswerStore(TelnyxDeliveryClaimStatus.InProgress)), body, dispatcher);

        Assert.Equal((200, TelnyxWebhookOutcome.Duplicate), (handled.StatusCode, handled.Outcome));
        Assert.Equal((409, TelnyxWebhookOutcome.InProgress), (inProgress.StatusCode, inProgress.Outcome));
        Assert.Equal(0, dispatcher.Count);
    }

    [Fact]
    public async Task StoreFailureWhenFailingClosedAnswers503WithoutDispatch()
    {
        var store = new RecordingStore(new DistributedCacheDeliveryStore(WebhookHarness.NewCache())) { ClaimError = new TimeoutException("redis timed out") };
        var receiver = _harness.CreateReceiver(store: store);
        var dispatcher = new RecordingDispatcher();

        var result = await Receive(receiver, WebhookHarness.Body("evt-closed"), dispatcher);

        Assert.Equal(new TelnyxWebhookResult(503, TelnyxWebhookOutcome.StoreUnavailable, EventId: "evt-closed", EventType: "call.initiated"), result);
        Assert.Equal(0, dispatcher.Count);
        var entry = Assert.Single(_harness.Logger.Entries);
        Assert.Equal(104, entry.EventId.Id);
        Assert.IsType<TimeoutException>(entry.Exception);
    }

    [Fact]
    public async Task StoreFailureWhenFailingOpenDispatchesWithoutDeduplication()
    {
        var store = new RecordingStore(new DistributedCacheDeliveryStore(WebhookHarness.NewCache())) { ClaimError = new IOException("connection refused") };
        var receiver = _harness.CreateReceiver(o => o.StoreFailureMode = TelnyxStoreFailureMode.FailOpen, store);
        var dispatcher = new RecordingDispatcher();
        byte[] body = WebhookHarness.Body("evt-open");

        var first = await Receive(receiver, body, dispatcher);
        var second = await Receive(receiver, body, dispatcher);

        Assert.Equal(TelnyxWebhookOutcome.Handled, first.Outcome);
        Assert.Equal(TelnyxWebhookOutcome.Handled, second.Outcome);
        Assert.Equal(2, dispatcher.Count);
        Assert.DoesNotContain(store.Calls, c => c.StartsWith("mark", StringComparison.Ordinal));
        Assert.Equal(2, _harness.Logger.Entries.Count(e => e.EventId.Id == 105 && e.Level == Microsoft.Extensions.Logging.LogLevel.Warning));
    }

    [Fact]
    public async Task MarkFailureStillAnswers200HandledAndIsLogged()
    {
        var store = new RecordingStore(new DistributedCacheDeliveryStore(WebhookHarness.NewCache())) { MarkError = new IOException("write failed") };
        var receiver = _harness.CreateReceiver(store: store);

        var result = await Receive(receiver, WebhookHarness.Body("evt-mark-fails"), new RecordingDispatcher());

        Assert.Equal(TelnyxWebhookOutcome.Handled, result.Outcome);
        var entry = Assert.Single(_harness.Logger.Entries, e => e.EventId.Id == 109);
        Assert.Equal("evt-mark-fails", entry["EventId"]);
    }

    [Fact]
    public async Task ReleaseFailureStillAnswers500AndIsLogged()
    {
        var store = new RecordingStore(new DistributedCacheDeliveryStore(WebhookHarness.NewCache())) { ReleaseError = new IOException("delete failed") };
        var receiver = _harness.CreateReceiver(store: store);

        var result = await Receive(receiver, WebhookHarness.Body("evt-release-fails"), new RecordingDispatcher((_, _, _) => throw new InvalidOperationException("boom")));

        Assert.Equal(TelnyxWebhookOutcome.HandlerFailed, result.Outcome);
        Assert.Single(_harness.Logger.Entries, e => e.EventId.Id == 110);
        Assert.Single(_harness.Logger.Entries, e => e.EventId.Id == 106);
    }

    [Fact]
    public async Task DeduplicationOffOrNoStoreDispatchesEveryDelivery()
    {
        byte[] body = WebhookHarness.Body("evt-no-dedupe");
        var off = new RecordingDispatcher();
        var noStore = new RecordingDispatcher();
        var store = new RecordingStore(new DistributedCacheDeliveryStore(WebhookHarness.NewCache()));
        var receiverOff = _harness.CreateReceiver(o => o.Deduplicate = false, store);
        var receiverNoStore = _harness.CreateReceiver(withStore: false);

        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(TelnyxWebhookOutcome.Handled, (await Receive(receiverOff, body, off)).Outcome);
            Assert.Equal(TelnyxWebhookOutcome.Handled, (await Receive(receiverNoStore, body, noStore)).Outcome);
        }

        Assert.Equal(3, off.Count);
        Assert.Equal(3, noStore.Count);
        Assert.Empty(store.Calls);
    }

    [Fact]
    public async Task AbortedRequestWhileClaimingAnswers503AndIsLoggedAsAborted()
    {
        var blocking = new BlockingClaimStore();
        var receiver = _harness.CreateReceiver(store: blocking);
        using var abort = new CancellationTokenSource();

        var pending = Receive(receiver, WebhookHarness.Body("evt-abort-claim"), new RecordingDispatcher(), abort.Token).AsTask();
        await blocking.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        abort.Cancel();
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(TelnyxWebhookOutcome.StoreUnavailable, result.Outcome);
        Assert.Equal(108, Assert.Single(_harness.Logger.Entries).EventId.Id);
    }

    private sealed class BlockingClaimStore : ITelnyxWebhookDeliveryStore
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async ValueTask<TelnyxDeliveryClaim> TryClaimAsync(string eventId, TimeSpan claimLifetime, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }

        public ValueTask MarkHandledAsync(TelnyxDeliveryClaim claim, TimeSpan window, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask ReleaseAsync(TelnyxDeliveryClaim claim, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
