using System;

namespace Telnyx.Runtime.Tests.Infrastructure;

/// <summary>A clock stuck at a fixed instant; timers still run on real time.</summary>
public sealed class FixedTimeProvider : TimeProvider
{
    public FixedTimeProvider(DateTimeOffset now) => Now = now;

    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;
}
