using System;

namespace Telnyx.Runtime;

/// <summary>Options of the webhook receiver (<c>services.AddTelnyxWebhooks&lt;THandler&gt;(options =&gt; ...)</c>).</summary>
public sealed class TelnyxWebhookReceiverOptions
{
    /// <summary>
    /// The Telnyx public key (base64 of 32 bytes, or PEM / DER). When null, <c>TelnyxClientOptions.WebhookPublicKey</c>
    /// (configuration <c>Telnyx:WebhookPublicKey</c>) and then the <c>TELNYX_PUBLIC_KEY</c> environment variable are used.
    /// </summary>
    public string? PublicKey { get; set; }

    /// <summary>How far the <c>telnyx-timestamp</c> may be from now (default 5 minutes).</summary>
    public TimeSpan Tolerance { get; set; } = TelnyxWebhookVerifier.DefaultTolerance;

    /// <summary>The largest body read (default 256 KiB); a larger one is answered 413 without being read whole.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Whether deliveries are deduplicated by event id (default true).</summary>
    public bool Deduplicate { get; set; } = true;

    /// <summary>How long a handled event's id is remembered (default 24 hours).</summary>
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a handler may run before it is cancelled and the delivery answered 500 (default 30 seconds).</summary>
    public TimeSpan HandlerTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>What to do when the deduplication store cannot be reached (default <see cref="TelnyxStoreFailureMode.FailClosed"/>: 503).</summary>
    public TelnyxStoreFailureMode StoreFailureMode { get; set; } = TelnyxStoreFailureMode.FailClosed;

    /// <summary>
    /// The clock of the timestamp check and of the handler timeout (tests pass a fake one). Store entries expire on the
    /// cache's own clock.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
