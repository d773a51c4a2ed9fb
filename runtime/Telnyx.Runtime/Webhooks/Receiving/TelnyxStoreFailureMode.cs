namespace Telnyx.Runtime;

/// <summary>What the receiver does when the deduplication store cannot be reached.</summary>
public enum TelnyxStoreFailureMode
{
    /// <summary>Answer 503 without dispatching, so Telnyx delivers again later (the default: no event is handled twice).</summary>
    FailClosed = 0,

    /// <summary>Dispatch without deduplication (an event may be handled twice while the store is down).</summary>
    FailOpen,
}
