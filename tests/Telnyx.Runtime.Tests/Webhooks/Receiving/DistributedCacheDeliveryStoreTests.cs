using System;
using System.Collections.Concurrent;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;

namespace Telnyx.Runtime.Tests.Webhooks.Receiving;

/// <summary>The default store: claim, mark, release on an <see cref="IDistributedCache"/>, single-flight in one instance.</summary>
public sealed class DistributedCacheDeliveryStoreTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan Window = TimeSpan.FromHours(24);

    [Fact]
    public async Task ClaimThenMarkAnswersAlreadyHandledAfterwards()
    {
        var store = new DistributedCacheDeliveryStore(WebhookHarness.NewCache());

        var claim = await store.TryClaimAsync("evt-a", Lifetime, CancellationToken.None);
        await store.MarkHandledAsync(claim, Window, CancellationToken.None);
        var later = await store.TryClaimAsync("evt-a", Lifetime, CancellationToken.None);

        Assert.Equal(TelnyxDeliveryClaimStatus.Claimed, claim.Status);
        Assert.Equal("evt-a", claim.EventId);
        Assert.False(string.IsNullOrEmpty(claim.Token));
        Assert.Equal(TelnyxDeliveryClaimStatus.AlreadyHandled, later.Status);
    }

    [Fact]
    public async Task SecondClaimWhileTheFirstIsHeldIsInProgressAndReleaseFreesTheEvent()
    {
        var store = new DistributedCacheDeliveryStore(WebhookHarness.NewCache());

        var first = await store.TryClaimAsync("evt-b", Lifetime, CancellationToken.None);
        var second = await store.TryClaimAsync("evt-b", Lifetime, CancellationToken.None);
        var other = await store.TryClaimAsync("evt-other", Lifetime, CancellationToken.None);
        await store.ReleaseAsync(first, CancellationToken.None);
        var third = await store.TryClaimAsync("evt-b", Lifetime, CancellationToken.None);

        Assert.Equal(TelnyxDeliveryClaimStatus.InProgress, second.Status);
        Assert.Equal(TelnyxDeliveryClaimStatus.Claimed, other.Status);
        Assert.Equal(TelnyxDeliveryClaimStatus.Claimed, third.Status);
        Assert.NotEqual(first.Token, third.Token);
    }

    [Fact]
    public async Task TwoInstancesSharingACacheDeduplicateSequentialDeliveries()
    {
        var cache = WebhookHarness.NewCache();
        var instanceA = new DistributedCacheDeliveryStore(cache);
        var instanceB = new DistributedCacheDeliveryStore(cache);

        var claimA = await instanceA.TryClaimAsync("evt-c", Lifetime, CancellationToken.None);
        var whileHeld = await instanceB.TryClaimAsync("evt-c", Lifetime, CancellationToken.None);
        await instanceA.MarkHandledAsync(claimA, Window, CancellationToken.None);
        var afterwards = await instanceB.TryClaimAsync("evt-c", Lifetime, CancellationToken.None);

        Assert.Equal(TelnyxDeliveryClaimStatus.Claimed, claimA.Status);
        Assert.Equal(TelnyxDeliveryClaimStatus.InProgress, whileHeld.Status);
        Assert.Equal(TelnyxDeliveryClaimStatus.AlreadyHandled, afterwards.Status);
    }

    [Fact]
    public async Task ReleaseWithAnotherTokenKeepsTheCurrentClaim()
    {
        var cache = WebhookHarness.NewCache();
        var instanceA = new DistributedCacheDeliveryStore(cache);
        var instanceB = new DistributedCacheDeliveryStore(cache);
        var claim = await instanceA.TryClaimAsync("evt-d", Lifetime, CancellationToken.None);

        // A late release from a claim that expired and was taken again elsewhere must not drop the new one.
        await instanceB.ReleaseAsync(claim with { Token = "stale-token" }, CancellationToken.None);

        Assert.NotNull(await cache.GetAsync(DistributedCacheDeliveryStore.KeyOf("evt-d")));
        Assert.Equal(TelnyxDeliveryClaimStatus.InProgress, (await instanceB.TryClaimAsync("evt-d", Lifetime, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task EntriesUseTheDocumentedKeyAndExpireAfterTheClaimLifetimeThenTheWindow()
    {
        var cache = new RecordingCache(WebhookHarness.NewCache());
        var store = new DistributedCacheDeliveryStore(cache);

        var claim = await store.TryClaimAsync("evt-e", TimeSpan.FromSeconds(45), CancellationToken.None);
        var (claimKey, claimValue, claimOptions) = cache.Sets[0];
        await store.MarkHandledAsync(claim, TimeSpan.FromHours(6), CancellationToken.None);
        var (markKey, markValue, markOptions) = cache.Sets[1];

        Assert.Equal("telnyx:webhook:evt-e", claimKey);
        Assert.Equal("claim:" + claim.Token, Encoding.ASCII.GetString(claimValue));
        Assert.Equal(TimeSpan.FromSeconds(45), claimOptions.AbsoluteExpirationRelativeToNow);
        Assert.Equal("telnyx:webhook:evt-e", markKey);
        Assert.Equal("handled", Encoding.ASCII.GetString(markValue));
        Assert.Equal(TimeSpan.FromHours(6), markOptions.AbsoluteExpirationRelativeToNow);
        Assert.Null(markOptions.SlidingExpiration);
    }

    [Fact]
    public async Task CacheFailurePropagatesAndLeavesNoClaimBehind()
    {
        var cache = new RecordingCache(WebhookHarness.NewCache()) { Fail = true };
        var store = new DistributedCacheDeliveryStore(cache);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.TryClaimAsync("evt-f", Lifetime, CancellationToken.None).AsTask());
        cache.Fail = false;
        var afterRecovery = await store.TryClaimAsync("evt-f", Lifetime, CancellationToken.None);

        Assert.Equal(TelnyxDeliveryClaimStatus.Claimed, afterRecovery.Status);
    }

    [Fact]
    public async Task MarkFailureStillEndsTheInMemoryClaim()
    {
        var cache = new RecordingCache(WebhookHarness.NewCache());
        var store = new DistributedCacheDeliveryStore(cache);
        var claim = await store.TryClaimAsync("evt-g", Lifetime, CancellationToken.None);
        cache.Fail = true;

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.MarkHandledAsync(claim, Window, CancellationToken.None).AsTask());
        cache.Fail = false;

        // The claim entry is still in the cache until it expires: the next delivery waits rather than running twice at once.
        Assert.Equal(TelnyxDeliveryClaimStatus.InProgress, (await store.TryClaimAsync("evt-g", Lifetime, CancellationToken.None)).Status);
        await cache.RemoveAsync(DistributedCacheDeliveryStore.KeyOf("evt-g"));
        Assert.Equal(TelnyxDeliveryClaimStatus.Claimed, (await store.TryClaimAsync("evt-g", Lifetime, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task ConcurrentClaimsOfOneEventInOneInstanceGiveExactlyOneClaim()
    {
        var store = new DistributedCacheDeliveryStore(new RecordingCache(WebhookHarness.NewCache()) { Delay = TimeSpan.FromMilliseconds(5) });
        var results = new ConcurrentBag<TelnyxDeliveryClaimStatus>();

        await Parallel.ForAsync(0, 64, async (_, ct) => results.Add((await store.TryClaimAsync("evt-h", Lifetime, ct)).Status));

        Assert.Single(results, s => s == TelnyxDeliveryClaimStatus.Claimed);
        Assert.Equal(63, results.Count - 1);
    }

    [Fact]
    public async Task ArgumentsAreChecked()
    {
        var store = new DistributedCacheDeliveryStore(WebhookHarness.NewCache());

        Assert.Throws<ArgumentNullException>(() => new DistributedCacheDeliveryStore(null!));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.TryClaimAsync("", Lifetime, CancellationToken.None).AsTask());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.TryClaimAsync("evt-i", TimeSpan.Zero, CancellationToken.None).AsTask());
    }

    /// <summary>Records writes; can fail or slow every call.</summary>
    private sealed class RecordingCache(IDistributedCache inner) : IDistributedCache
    {
        public bool Fail { get; set; }

        public TimeSpan Delay { get; set; }

        public System.Collections.Generic.List<(string Key, byte[] Value, DistributedCacheEntryOptions Options)> Sets { get; } = [];

        private async Task Before()
        {
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay);
            }
            if (Fail)
            {
                throw new InvalidOperationException("cache unreachable");
            }
        }

        public byte[]? Get(string key) => throw new NotSupportedException("the store is async");

        public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
        {
            await Before();
            return await inner.GetAsync(key, token);
        }

        public void Refresh(string key) => throw new NotSupportedException();

        public Task RefreshAsync(string key, CancellationToken token = default) => throw new NotSupportedException();

        public void Remove(string key) => throw new NotSupportedException("the store is async");

        public async Task RemoveAsync(string key, CancellationToken token = default)
        {
            await Before();
            await inner.RemoveAsync(key, token);
        }

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => throw new NotSupportedException("the store is async");

        public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
        {
            await Before();
            lock (Sets)
            {
                Sets.Add((key, value, options));
            }
            await inner.SetAsync(key, value, options, token);
        }
    }
}
