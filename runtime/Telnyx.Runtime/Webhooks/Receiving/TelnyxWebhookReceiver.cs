using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Telnyx.Runtime.Webhooks.Receiving;

/// <summary>
/// Receives webhook deliveries, framework-neutral: reads the body under a size limit, verifies the signature and
/// timestamp, parses the typed event, deduplicates by event id, dispatches with a timeout, and says which HTTP status
/// to answer. The generated ASP.NET Core endpoint (<c>app.MapTelnyxWebhooks(...)</c>) is a thin shell over it.
/// </summary>
/// <typeparam name="TEvent">The event union, usually the generated <c>TelnyxWebhookEvent</c>.</typeparam>
public sealed class TelnyxWebhookReceiver<TEvent>
    where TEvent : class, ITelnyxWebhookEvent
{
    /// <summary>Creates a receiver.</summary>
    /// <param name="verifier">Checks the signature and the timestamp window.</param>
    /// <param name="parser">Parses a verified body.</param>
    /// <param name="store">The deduplication store; null when <see cref="TelnyxWebhookReceiverOptions.Deduplicate"/> is off.</param>
    /// <param name="options">Limits, window and timeouts.</param>
    /// <param name="logger">Where each refused or failed delivery is logged (never with the signature).</param>
    public TelnyxWebhookReceiver(TelnyxWebhookVerifier verifier, TelnyxWebhookParser<TEvent> parser, ITelnyxWebhookDeliveryStore? store, TelnyxWebhookReceiverOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(options);
        Verifier = verifier;
        Parser = parser;
        Store = store;
        Options = options;
        Logger = logger;
    }

    /// <summary>The verifier.</summary>
    public TelnyxWebhookVerifier Verifier { get; }

    /// <summary>The options.</summary>
    public TelnyxWebhookReceiverOptions Options { get; }

    internal TelnyxWebhookParser<TEvent> Parser { get; }

    internal ITelnyxWebhookDeliveryStore? Store { get; }

    internal ILogger? Logger { get; }

    /// <summary>Reads the body from <paramref name="body"/> (at most <see cref="TelnyxWebhookReceiverOptions.MaxBodyBytes"/>), then receives it.</summary>
    /// <param name="body">The request body stream.</param>
    /// <param name="contentLength">The declared length, when known: a larger one is refused before reading.</param>
    /// <param name="contentType">The request's content type.</param>
    /// <param name="headers">The request headers, names case-insensitive.</param>
    /// <param name="dispatcher">Handles the event.</param>
    /// <param name="cancellationToken">The request's abort token.</param>
    /// <returns>The status to answer and what became of the delivery.</returns>
    public ValueTask<TelnyxWebhookResult> ReceiveAsync(Stream body, long? contentLength, string? contentType, IReadOnlyDictionary<string, string> headers, ITelnyxWebhookDispatcher<TEvent> dispatcher, CancellationToken cancellationToken)
        => throw new NotImplementedException("issue 14: receiver pipeline");

    /// <summary>Receives a body already read.</summary>
    /// <param name="body">The raw body.</param>
    /// <param name="contentType">The request's content type.</param>
    /// <param name="headers">The request headers, names case-insensitive.</param>
    /// <param name="dispatcher">Handles the event.</param>
    /// <param name="cancellationToken">The request's abort token.</param>
    /// <returns>The status to answer and what became of the delivery.</returns>
    public ValueTask<TelnyxWebhookResult> ReceiveAsync(ReadOnlyMemory<byte> body, string? contentType, IReadOnlyDictionary<string, string> headers, ITelnyxWebhookDispatcher<TEvent> dispatcher, CancellationToken cancellationToken)
        => throw new NotImplementedException("issue 14: receiver pipeline");
}
