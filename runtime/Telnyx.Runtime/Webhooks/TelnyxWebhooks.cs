using System;
using System.Threading;
using Telnyx.Runtime.Primitives;

namespace Telnyx.Runtime;

/// <summary>
/// <c>client.Webhooks</c>: verifies a webhook (the Ed25519 signature over <c>"{telnyx-timestamp}|{raw body}"</c> and the
/// timestamp window), then parses it into the document's event union. The generated <c>TelnyxWebhooks</c> derives from
/// this and only supplies the parser of its <typeparamref name="TEvent"/>.
/// </summary>
/// <typeparam name="TEvent">The generated event union, <c>TelnyxWebhookEvent</c>.</typeparam>
/// <remarks>Pass the raw request body exactly as received: never re-serialized JSON.</remarks>
public abstract class TelnyxWebhooks<TEvent>
    where TEvent : class, ITelnyxWebhookEvent
{
    private readonly TelnyxWebhookParser<TEvent> _parse;
    private readonly Func<TelnyxWebhookVerifier> _verifierFactory;
    private TelnyxWebhookVerifier? _verifier;

    /// <summary>Verifies with <paramref name="verifier"/> and parses with <paramref name="parse"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    protected TelnyxWebhooks(TelnyxWebhookParser<TEvent> parse, TelnyxWebhookVerifier verifier)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(verifier);
        _parse = parse;
        _verifier = verifier;
        _verifierFactory = () => verifier;
    }

    /// <summary>Creates the verifier on first use (a client without a webhook key can still call the API).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    protected TelnyxWebhooks(TelnyxWebhookParser<TEvent> parse, Func<TelnyxWebhookVerifier> verifierFactory)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(verifierFactory);
        _parse = parse;
        _verifierFactory = verifierFactory;
    }

    /// <summary>The verifier (created on first use from the client's options).</summary>
    /// <exception cref="TelnyxConfigurationException">No usable webhook public key is configured.</exception>
    public TelnyxWebhookVerifier Verifier
    {
        get
        {
            TelnyxWebhookVerifier? verifier = Volatile.Read(ref _verifier);
            return verifier ?? Interlocked.CompareExchange(ref _verifier, _verifierFactory(), null) ?? _verifier;
        }
    }

    /// <summary>Verifies the signature and timestamp, then parses the event.</summary>
    /// <param name="rawBody">The request body exactly as received.</param>
    /// <param name="headers">The signature headers: <c>TelnyxWebhookHeaders.From(request.Headers)</c>.</param>
    /// <exception cref="WebhookVerificationException">A header is missing or malformed, the timestamp is outside the window, or the signature does not match.</exception>
    /// <exception cref="System.Text.Json.JsonException">The verified body is not a webhook event.</exception>
    public TEvent Unwrap(ReadOnlySpan<byte> rawBody, TelnyxWebhookHeaders headers)
    {
        Verifier.Verify(rawBody, headers);
        return _parse(rawBody);
    }

    /// <summary>Parses WITHOUT verifying: only for bodies you already trust (for example replayed from your own store).</summary>
    /// <exception cref="System.Text.Json.JsonException">The body is not a webhook event.</exception>
    public TEvent ParseUnverified(ReadOnlySpan<byte> rawBody) => _parse(rawBody);
}
