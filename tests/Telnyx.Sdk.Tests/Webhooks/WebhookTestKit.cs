using System;
using Telnyx.Runtime;

namespace Telnyx.Sdk.Tests.Webhooks;

/// <summary>A clock that stands still at a chosen instant.</summary>
internal sealed class FakeTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>The shared signer on a stopped clock, and clients that trust it.</summary>
internal static class TestWebhooks
{
    /// <summary>The instant every test's clock shows: a whole number of seconds, so the tolerance edges are exact.</summary>
    public static readonly DateTimeOffset Now = new(2024, 5, 14, 9, 30, 0, TimeSpan.Zero);

    /// <summary>A fresh key pair whose timestamps are <see cref="Now"/> plus the offset asked for.</summary>
    public static WebhookSigner NewSigner() => new(new FakeTimeProvider(Now));

    /// <summary>A client whose webhooks trust <paramref name="signer"/>, with the clock stopped at <see cref="Now"/>.</summary>
    public static TelnyxClient CreateClient(WebhookSigner signer, TimeProvider? timeProvider = null) => CreateClient(signer.PublicKey, timeProvider);

    public static TelnyxClient CreateClient(string? publicKey, TimeProvider? timeProvider = null) => new(new TelnyxClientOptions
    {
        ApiKey = "KEY_test",
        Retry = { MaxRetries = 0 },
        WebhookPublicKey = publicKey,
        TimeProvider = timeProvider ?? new FakeTimeProvider(Now),
    });
}
