using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;

namespace Telnyx.Runtime;

/// <summary>
/// The default deduplication store, on any <see cref="IDistributedCache"/>: one entry per event under
/// <c>telnyx:webhook:{id}</c>, holding the claim's token while a delivery is handled (expiring after the claim lifetime)
/// and then a "handled" marker that expires after the deduplication window.
/// </summary>
/// <remarks>
/// <para>
/// Within one instance, claims are also single-flight in memory: one store never lets two deliveries of the same
/// event be dispatched at once, whatever the cache.
/// </para>
/// <para>
/// <see cref="IDistributedCache"/> has no add-if-absent: a claim is a read followed by a write. With a cache shared by
/// several instances this deduplicates sequential retries (Telnyx's retries come seconds apart), but two instances
/// receiving the same delivery at the same instant may both claim it. When that matters, use a store whose claim is
/// atomic, such as the Redis store (<c>SET key token NX PX lifetime</c>) registered with <c>UseDeliveryStore</c>.
/// </para>
/// </remarks>
public sealed class DistributedCacheDeliveryStore : ITelnyxWebhookDeliveryStore
{
    /// <summary>The prefix of every key: <c>telnyx:webhook:</c>, followed by the event id.</summary>
    public const string KeyPrefix = "telnyx:webhook:";

    private const string ClaimPrefix = "claim:";

    private static readonly byte[] s_handled = "handled"u8.ToArray();

    private readonly IDistributedCache _cache;

    /// <summary>Event id to the token of the claim this instance holds on it.</summary>
    private readonly ConcurrentDictionary<string, string> _inFlight = new(StringComparer.Ordinal);

    /// <summary>Creates the store.</summary>
    /// <param name="cache">The cache, shared by every instance of the app for deduplication across them.</param>
    public DistributedCacheDeliveryStore(IDistributedCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        _cache = cache;
    }

    /// <summary>The cache key of an event.</summary>
    /// <param name="eventId">The event's <c>id</c>.</param>
    /// <returns><c>telnyx:webhook:{eventId}</c>.</returns>
    public static string KeyOf(string eventId) => KeyPrefix + eventId;

    /// <inheritdoc />
    public async ValueTask<TelnyxDeliveryClaim> TryClaimAsync(string eventId, TimeSpan claimLifetime, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(claimLifetime, TimeSpan.Zero);

        string token = Guid.NewGuid().ToString("N");
        if (!_inFlight.TryAdd(eventId, token))
        {
            return new(eventId, TelnyxDeliveryClaimStatus.InProgress, string.Empty);
        }

        try
        {
            string key = KeyOf(eventId);
            byte[]? existing = await _cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                Forget(eventId, token);
                return new(eventId, IsHandled(existing) ? TelnyxDeliveryClaimStatus.AlreadyHandled : TelnyxDeliveryClaimStatus.InProgress, string.Empty);
            }

            await _cache.SetAsync(key, ClaimValue(token), Expiring(claimLifetime), cancellationToken).ConfigureAwait(false);
            return new(eventId, TelnyxDeliveryClaimStatus.Claimed, token);
        }
        catch
        {
            Forget(eventId, token);
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask MarkHandledAsync(TelnyxDeliveryClaim claim, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(claim.EventId, nameof(claim));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        try
        {
            // Written before the in-memory claim goes, so a delivery that gets past single-flight sees the marker.
            await _cache.SetAsync(KeyOf(claim.EventId), s_handled, Expiring(window), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Forget(claim.EventId, claim.Token);
        }
    }

    /// <inheritdoc />
    public async ValueTask ReleaseAsync(TelnyxDeliveryClaim claim, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(claim.EventId, nameof(claim));
        try
        {
            // Only this claim's own entry goes: a release after the claim expired and was retaken keeps the new one.
            string key = KeyOf(claim.EventId);
            byte[]? existing = await _cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
            if (existing is not null && existing.AsSpan().SequenceEqual(ClaimValue(claim.Token)))
            {
                await _cache.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            Forget(claim.EventId, claim.Token);
        }
    }

    private void Forget(string eventId, string token) => _inFlight.TryRemove(new KeyValuePair<string, string>(eventId, token));

    private static bool IsHandled(byte[] value) => value.AsSpan().SequenceEqual(s_handled);

    private static byte[] ClaimValue(string token) => Encoding.ASCII.GetBytes(ClaimPrefix + token);

    private static DistributedCacheEntryOptions Expiring(TimeSpan after) => new() { AbsoluteExpirationRelativeToNow = after };
}
