using System;
using System.Threading;

namespace Telnyx.Runtime.Primitives;

/// <summary>
/// The cancellation of one attempt: the caller's token plus the per-attempt timeout. On the system clock the
/// timeout source comes from a per-core <see cref="AttemptTimeoutPool"/> and goes back after
/// <see cref="CancellationTokenSource.TryReset"/>, so a call does not allocate a new source (and timer) per attempt.
/// The caller's token is linked by a registration, not a linked source. Dispose exactly once.
/// </summary>
internal struct AttemptTimeout
{
    private readonly CancellationTokenSource? _cts;
    private readonly AttemptTimeoutPool? _pool;
    private CancellationTokenRegistration _link;

    public AttemptTimeout(AttemptTimeoutPool pool, TimeProvider timeProvider, TimeSpan timeout, CancellationToken cancellationToken)
    {
        _link = default;
        _pool = null;
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            _cts = null;
            Token = cancellationToken;
            return;
        }
        if (ReferenceEquals(timeProvider, TimeProvider.System))
        {
            _cts = pool.Rent() ?? new CancellationTokenSource();
            _pool = pool;
            _cts.CancelAfter(timeout);
        }
        else
        {
            // A test clock: its timers are not worth pooling.
            _cts = new CancellationTokenSource(timeout, timeProvider);
        }
        if (cancellationToken.CanBeCanceled)
        {
            _link = cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), _cts);
        }
        Token = _cts.Token;
    }

    public CancellationToken Token { get; }

    /// <summary>True when the attempt's source was cancelled (the timeout, or the caller: check the caller's token first).</summary>
    public readonly bool TimedOut => _cts is { IsCancellationRequested: true };

    public void Dispose()
    {
        // Unregistering waits for a running callback, so the source is never cancelled after it went back to the pool.
        _link.Dispose();
        if (_cts is null)
        {
            return;
        }
        if (_pool is not null)
        {
            _pool.Return(_cts);
        }
        else
        {
            _cts.Dispose();
        }
    }
}

/// <summary>A small lock-free pool of reset <see cref="CancellationTokenSource"/>s, one per core.</summary>
internal sealed class AttemptTimeoutPool
{
    private readonly CancellationTokenSource?[] _slots = new CancellationTokenSource?[Math.Clamp(Environment.ProcessorCount * 2, 4, 32)];

    public CancellationTokenSource? Rent()
    {
        for (int i = 0; i < _slots.Length; i++)
        {
            if (Volatile.Read(ref _slots[i]) is not null && Interlocked.Exchange(ref _slots[i], null) is { } cts)
            {
                return cts;
            }
        }
        return null;
    }

    public void Return(CancellationTokenSource cts)
    {
        // TryReset fails once the source was cancelled (a timeout fired): such a source cannot be reused.
        if (cts.TryReset())
        {
            for (int i = 0; i < _slots.Length; i++)
            {
                if (Interlocked.CompareExchange(ref _slots[i], cts, null) is null)
                {
                    return;
                }
            }
        }
        cts.Dispose();
    }
}
