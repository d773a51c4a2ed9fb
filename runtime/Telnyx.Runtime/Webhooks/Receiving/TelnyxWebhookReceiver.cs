using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Telnyx.Runtime.Primitives;

namespace Telnyx.Runtime;

/// <summary>
/// Receives webhook deliveries, framework-neutral: reads the body under a size limit, verifies the signature and
/// timestamp, parses the typed event, deduplicates by event id, dispatches with a timeout, and says which HTTP status
/// to answer. The generated ASP.NET Core endpoint (<c>app.MapTelnyxWebhooks(...)</c>) is a thin shell over it.
/// </summary>
/// <remarks>
/// <para>
/// Order of the checks: content type (415), declared length (413), body read under the limit (413), empty body (400),
/// signature and timestamp (400), parse (400), deduplication (200 duplicate, 409 in progress, 503 store down), then the
/// handler (200, or 500 when it throws or exceeds <see cref="TelnyxWebhookReceiverOptions.HandlerTimeout"/>).
/// Every delivery that is not handled is logged once with its outcome; signatures, the timestamp header and bodies
/// are never logged. Counters: <see cref="TelnyxTelemetry.WebhookAcceptedInstrument"/>,
/// <see cref="TelnyxTelemetry.WebhookRejectedInstrument"/> and <see cref="TelnyxTelemetry.WebhookDuplicateInstrument"/>.
/// </para>
/// <para>Instances are thread-safe; one serves every request.</para>
/// </remarks>
/// <typeparam name="TEvent">The event union, usually the generated <c>TelnyxWebhookEvent</c>.</typeparam>
public sealed class TelnyxWebhookReceiver<TEvent>
    where TEvent : class, ITelnyxWebhookEvent
{
    /// <summary>
    /// How much longer than the handler timeout a claim lives: room for the mark or release after the handler, so a
    /// claim expires on its own only when the instance holding it died.
    /// </summary>
    public static TimeSpan ClaimMargin { get; } = TimeSpan.FromSeconds(30);

    /// <summary>The first buffer for a body of unknown length; it doubles up to the limit.</summary>
    private const int InitialBufferSize = 16 * 1024;

    private readonly ILogger _log;

    /// <summary>Creates a receiver.</summary>
    /// <param name="verifier">Checks the signature and the timestamp window.</param>
    /// <param name="parser">Parses a verified body.</param>
    /// <param name="store">The deduplication store; null when <see cref="TelnyxWebhookReceiverOptions.Deduplicate"/> is off.</param>
    /// <param name="options">Limits, window and timeouts.</param>
    /// <param name="logger">Where each refused or failed delivery is logged (never with the signature).</param>
    /// <exception cref="ArgumentOutOfRangeException">A size, window or timeout of <paramref name="options"/> is not positive.</exception>
    public TelnyxWebhookReceiver(TelnyxWebhookVerifier verifier, TelnyxWebhookParser<TEvent> parser, ITelnyxWebhookDeliveryStore? store, TelnyxWebhookReceiverOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options) + "." + nameof(options.TimeProvider));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxBodyBytes, nameof(options) + "." + nameof(options.MaxBodyBytes));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MaxBodyBytes, Array.MaxLength - 1, nameof(options) + "." + nameof(options.MaxBodyBytes));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.HandlerTimeout, TimeSpan.Zero, nameof(options) + "." + nameof(options.HandlerTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.DeduplicationWindow, TimeSpan.Zero, nameof(options) + "." + nameof(options.DeduplicationWindow));
        Verifier = verifier;
        Parser = parser;
        Store = store;
        Options = options;
        Logger = logger;
        _log = logger ?? NullLogger.Instance;
    }

    /// <summary>The verifier.</summary>
    public TelnyxWebhookVerifier Verifier { get; }

    /// <summary>The options.</summary>
    public TelnyxWebhookReceiverOptions Options { get; }

    internal TelnyxWebhookParser<TEvent> Parser { get; }

    internal ITelnyxWebhookDeliveryStore? Store { get; }

    internal ILogger? Logger { get; }

    /// <summary>How long a claim holds: the handler timeout plus <see cref="ClaimMargin"/>.</summary>
    internal TimeSpan ClaimLifetime => Options.HandlerTimeout + ClaimMargin;

    /// <summary>Reads the body from <paramref name="body"/> (at most <see cref="TelnyxWebhookReceiverOptions.MaxBodyBytes"/>), then receives it.</summary>
    /// <param name="body">The request body stream.</param>
    /// <param name="contentLength">The declared length, when known: a larger one is refused before reading.</param>
    /// <param name="contentType">The request's content type.</param>
    /// <param name="headers">The request headers, names case-insensitive.</param>
    /// <param name="dispatcher">Handles the event.</param>
    /// <param name="cancellationToken">The request's abort token.</param>
    /// <returns>The status to answer and what became of the delivery.</returns>
    /// <exception cref="OperationCanceledException">The request was aborted while its body was read.</exception>
    /// <exception cref="IOException">The body stream failed (the failure is logged, then rethrown for the host to answer).</exception>
    public async ValueTask<TelnyxWebhookResult> ReceiveAsync(Stream body, long? contentLength, string? contentType, IReadOnlyDictionary<string, string> headers, ITelnyxWebhookDispatcher<TEvent> dispatcher, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(dispatcher);

        if (!IsJsonContentType(contentType))
        {
            return Refuse(TelnyxWebhookOutcome.UnsupportedMediaType);
        }

        int max = Options.MaxBodyBytes;
        if (contentLength > max)
        {
            return Refuse(TelnyxWebhookOutcome.BodyTooLarge);
        }

        if (contentLength == 0)
        {
            return Refuse(TelnyxWebhookOutcome.EmptyBody);
        }

        if (contentLength < 0)
        {
            contentLength = null; // nonsense: read as if undeclared
        }

        // One byte past the limit is read at most: that byte is how a body without a declared length is found too large.
        int cap = max + 1;
        byte[]? buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(contentLength + 1 ?? InitialBufferSize, cap));
        int length = 0;
        try
        {
            try
            {
                while (length < cap)
                {
                    if (length == buffer.Length)
                    {
                        byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * buffer.Length, cap));
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ReturnBuffer(buffer, length);
                        buffer = larger;
                    }

                    int read = await body.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, cap) - length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                }
            }
            catch (Exception ex) when (LogReadFailure(ex, cancellationToken))
            {
                throw; // never reached: the filter logs and declines
            }

            if (length > max)
            {
                return Refuse(TelnyxWebhookOutcome.BodyTooLarge);
            }

            if (length == 0)
            {
                return Refuse(TelnyxWebhookOutcome.EmptyBody);
            }

            // The core returns the buffer once no handler can read it any more.
            byte[] lease = buffer;
            buffer = null;
            return await ReceiveCoreAsync(lease.AsMemory(0, length), headers, dispatcher, lease, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (buffer is not null)
            {
                ReturnBuffer(buffer, length);
            }
        }
    }

    /// <summary>Receives a body already read.</summary>
    /// <param name="body">The raw body.</param>
    /// <param name="contentType">The request's content type.</param>
    /// <param name="headers">The request headers, names case-insensitive.</param>
    /// <param name="dispatcher">Handles the event.</param>
    /// <param name="cancellationToken">The request's abort token.</param>
    /// <returns>The status to answer and what became of the delivery.</returns>
    public ValueTask<TelnyxWebhookResult> ReceiveAsync(ReadOnlyMemory<byte> body, string? contentType, IReadOnlyDictionary<string, string> headers, ITelnyxWebhookDispatcher<TEvent> dispatcher, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(dispatcher);

        if (!IsJsonContentType(contentType))
        {
            return ValueTask.FromResult(Refuse(TelnyxWebhookOutcome.UnsupportedMediaType));
        }

        if (body.Length > Options.MaxBodyBytes)
        {
            return ValueTask.FromResult(Refuse(TelnyxWebhookOutcome.BodyTooLarge));
        }

        if (body.IsEmpty)
        {
            return ValueTask.FromResult(Refuse(TelnyxWebhookOutcome.EmptyBody));
        }

        return ReceiveCoreAsync(body, headers, dispatcher, lease: null, cancellationToken);
    }

    /// <summary>
    /// Whether <paramref name="contentType"/> is JSON: <c>application/json</c> or any <c>type/subtype+json</c>, in any case,
    /// with or without parameters such as <c>charset</c>.
    /// </summary>
    /// <param name="contentType">The <c>Content-Type</c> header value.</param>
    /// <returns><see langword="true"/> for a JSON media type.</returns>
    public static bool IsJsonContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return false;
        }

        ReadOnlySpan<char> mediaType = contentType.AsSpan();
        int parameters = mediaType.IndexOf(';');
        if (parameters >= 0)
        {
            mediaType = mediaType.Slice(0, parameters);
        }

        mediaType = mediaType.Trim();
        int slash = mediaType.IndexOf('/');
        if (slash <= 0 || slash == mediaType.Length - 1)
        {
            return false;
        }

        ReadOnlySpan<char> type = mediaType.Slice(0, slash);
        ReadOnlySpan<char> subtype = mediaType.Slice(slash + 1);
        if (type.ContainsAny(" \t/") || subtype.ContainsAny(" \t/"))
        {
            return false;
        }

        return (type.Equals("application", StringComparison.OrdinalIgnoreCase) && subtype.Equals("json", StringComparison.OrdinalIgnoreCase))
            || (subtype.Length > "+json".Length && subtype.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    private async ValueTask<TelnyxWebhookResult> ReceiveCoreAsync(ReadOnlyMemory<byte> body, IReadOnlyDictionary<string, string> headers, ITelnyxWebhookDispatcher<TEvent> dispatcher, byte[]? lease, CancellationToken cancellationToken)
    {
        // Set when a handler was abandoned (timed out or aborted) while it may still read the body.
        Task? abandoned = null;
        string? eventId = null;
        string eventType = string.Empty;
        try
        {
            if (!Verifier.TryVerify(body.Span, TelnyxWebhookHeaders.From(headers), out WebhookVerificationFailure failure))
            {
                string reason = TelnyxWebhookReasons.Of(failure);
                CountRejected(reason, eventType: null);
                TelnyxWebhookLog.Refused(_log, 400, TelnyxWebhookOutcome.VerificationFailed, reason, null, null);
                return new(400, TelnyxWebhookOutcome.VerificationFailed, failure);
            }

            TEvent? webhookEvent;
            try
            {
                webhookEvent = Parser(body.Span);
            }
            catch (Exception ex)
            {
                return Refuse(TelnyxWebhookOutcome.MalformedBody, DescribeParseFailure(ex));
            }

            if (webhookEvent is null)
            {
                return Refuse(TelnyxWebhookOutcome.MalformedBody, "the parser returned no event");
            }

            eventId = webhookEvent.Id;
            eventType = webhookEvent.EventType ?? string.Empty;

            TelnyxDeliveryClaim claim = default;
            bool claimed = false;
            if (Options.Deduplicate && Store is { } store && !string.IsNullOrEmpty(eventId))
            {
                TelnyxDeliveryClaim? answer = null;
                try
                {
                    answer = await store.TryClaimAsync(eventId, ClaimLifetime, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // Nobody hears the answer; the claim, if the store took it, expires with its lifetime.
                    CountRejected(TelnyxWebhookReasons.RequestAborted, eventType);
                    TelnyxWebhookLog.Aborted(_log, eventId, eventType, 503, TelnyxWebhookOutcome.StoreUnavailable);
                    return new(503, TelnyxWebhookOutcome.StoreUnavailable, EventId: eventId, EventType: eventType);
                }
                catch (Exception ex) when (Options.StoreFailureMode == TelnyxStoreFailureMode.FailClosed)
                {
                    CountRejected(TelnyxWebhookReasons.Of(TelnyxWebhookOutcome.StoreUnavailable), eventType);
                    TelnyxWebhookLog.StoreUnavailable(_log, ex, eventId, eventType, ex.GetType().Name, 503, TelnyxWebhookOutcome.StoreUnavailable);
                    return new(503, TelnyxWebhookOutcome.StoreUnavailable, EventId: eventId, EventType: eventType);
                }
                catch (Exception ex)
                {
                    // Fail open: dispatched below without a claim.
                    TelnyxWebhookLog.StoreFailedOpen(_log, ex, eventId, eventType, ex.GetType().Name);
                }

                switch (answer?.Status)
                {
                    case null:
                        break;
                    case TelnyxDeliveryClaimStatus.Claimed:
                        claim = answer.Value;
                        claimed = true;
                        break;
                    case TelnyxDeliveryClaimStatus.AlreadyHandled:
                        CountDuplicate(eventType);
                        TelnyxWebhookLog.Duplicate(_log, eventId, eventType, 200, TelnyxWebhookOutcome.Duplicate);
                        return new(200, TelnyxWebhookOutcome.Duplicate, EventId: eventId, EventType: eventType);
                    default:
                        CountRejected(TelnyxWebhookReasons.Of(TelnyxWebhookOutcome.InProgress), eventType);
                        TelnyxWebhookLog.InProgress(_log, eventId, eventType, 409, TelnyxWebhookOutcome.InProgress);
                        return new(409, TelnyxWebhookOutcome.InProgress, EventId: eventId, EventType: eventType);
                }
            }

            var context = new TelnyxWebhookContext(eventId, eventType, webhookEvent.OccurredAt, body, headers);
            TimeProvider time = Options.TimeProvider;
            long started = time.GetTimestamp();
            using var timeout = new CancellationTokenSource(Options.HandlerTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);

            Task handler;
            try
            {
                handler = dispatcher.DispatchAsync(webhookEvent, context, linked.Token).AsTask();
            }
            catch (Exception ex)
            {
                handler = Task.FromException(ex);
            }

            Exception? error = null;
            try
            {
                // Returns at the timeout or abort even when the handler ignores its token.
                await handler.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                error = ex;
            }

            if (error is null)
            {
                if (claimed)
                {
                    try
                    {
                        await Store!.MarkHandledAsync(claim, Options.DeduplicationWindow, CancellationToken.None).ConfigureAwait(false);
                    }
                    catch (Exception ex)
                    {
                        TelnyxWebhookLog.MarkFailed(_log, ex, eventId!, eventType, ex.GetType().Name);
                    }
                }

                CountAccepted(eventType);
                TelnyxWebhookLog.Handled(_log, eventId, eventType, time.GetElapsedTime(started).TotalMilliseconds, 200, TelnyxWebhookOutcome.Handled);
                return new(200, TelnyxWebhookOutcome.Handled, EventId: eventId, EventType: eventType);
            }

            if (!handler.IsCompleted)
            {
                abandoned = handler;
            }
            else if (handler.IsFaulted)
            {
                _ = handler.Exception; // observed here, reported below
            }

            if (claimed)
            {
                await ReleaseAsync(claim, eventType).ConfigureAwait(false);
            }

            TelnyxWebhookResult result;
            if (cancellationToken.IsCancellationRequested)
            {
                result = new(500, TelnyxWebhookOutcome.HandlerFailed, EventId: eventId, EventType: eventType);
                CountRejected(TelnyxWebhookReasons.RequestAborted, eventType);
                TelnyxWebhookLog.Aborted(_log, eventId, eventType, result.StatusCode, result.Outcome);
            }
            else if (timeout.IsCancellationRequested)
            {
                result = new(500, TelnyxWebhookOutcome.HandlerTimedOut, EventId: eventId, EventType: eventType);
                CountRejected(TelnyxWebhookReasons.Of(result.Outcome), eventType);
                TelnyxWebhookLog.HandlerTimedOut(_log, eventId, eventType, Options.HandlerTimeout.TotalMilliseconds, result.StatusCode, result.Outcome);
            }
            else
            {
                result = new(500, TelnyxWebhookOutcome.HandlerFailed, EventId: eventId, EventType: eventType);
                CountRejected(TelnyxWebhookReasons.Of(result.Outcome), eventType);
                TelnyxWebhookLog.HandlerFailed(_log, error, error.GetType().Name, eventId, eventType, result.StatusCode, result.Outcome);
            }

            return result;
        }
        finally
        {
            if (abandoned is not null)
            {
                // The handler may still read RawBody: the buffer goes back to the pool only when it is done.
                _ = abandoned.ContinueWith(
                    static (task, state) => ((AbandonedHandler)state!).Finish(task),
                    new AbandonedHandler(_log, eventId, eventType, lease, body.Length),
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
            }
            else if (lease is not null)
            {
                ReturnBuffer(lease, body.Length);
            }
        }
    }

    private async ValueTask ReleaseAsync(TelnyxDeliveryClaim claim, string eventType)
    {
        try
        {
            await Store!.ReleaseAsync(claim, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            TelnyxWebhookLog.ReleaseFailed(_log, ex, claim.EventId, eventType, ex.GetType().Name);
        }
    }

    private TelnyxWebhookResult Refuse(TelnyxWebhookOutcome outcome, string? detail = null)
    {
        int status = outcome switch
        {
            TelnyxWebhookOutcome.UnsupportedMediaType => 415,
            TelnyxWebhookOutcome.BodyTooLarge => 413,
            _ => 400,
        };
        string reason = TelnyxWebhookReasons.Of(outcome);
        CountRejected(reason, eventType: null);
        TelnyxWebhookLog.Refused(_log, status, outcome, detail is null ? reason : reason + ": " + detail, null, null);
        return new(status, outcome);
    }

    /// <summary>The exception's type and, for JSON, where it stopped: never its message, which may quote the body.</summary>
    private static string DescribeParseFailure(Exception ex) => ex is JsonException json
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{nameof(JsonException)} at {json.Path ?? "$"}, line {json.LineNumber}, byte {json.BytePositionInLine}")
        : ex.GetType().Name;

    private bool LogReadFailure(Exception ex, CancellationToken cancellationToken)
    {
        TelnyxWebhookLog.BodyReadFailed(_log, ex is OperationCanceledException && cancellationToken.IsCancellationRequested ? "request aborted" : ex.GetType().Name);
        return false;
    }

    /// <summary>Clears what the body left in the buffer (it may hold personal data) and returns it to the pool.</summary>
    private static void ReturnBuffer(byte[] buffer, int used)
    {
        buffer.AsSpan(0, Math.Min(used, buffer.Length)).Clear();
        ArrayPool<byte>.Shared.Return(buffer);
    }

    private static void CountAccepted(string eventType) =>
        TelnyxTelemetry.WebhooksAccepted.Add(1, new KeyValuePair<string, object?>(TelnyxTelemetry.WebhookEventTypeAttribute, eventType));

    private static void CountDuplicate(string eventType) =>
        TelnyxTelemetry.WebhooksDuplicate.Add(1, new KeyValuePair<string, object?>(TelnyxTelemetry.WebhookEventTypeAttribute, eventType));

    private static void CountRejected(string reason, string? eventType)
    {
        var reasonTag = new KeyValuePair<string, object?>(TelnyxTelemetry.WebhookReasonAttribute, reason);
        if (eventType is null)
        {
            TelnyxTelemetry.WebhooksRejected.Add(1, reasonTag);
        }
        else
        {
            TelnyxTelemetry.WebhooksRejected.Add(1, reasonTag, new KeyValuePair<string, object?>(TelnyxTelemetry.WebhookEventTypeAttribute, eventType));
        }
    }

    /// <summary>What is left to do when an abandoned handler finally completes.</summary>
    private sealed class AbandonedHandler(ILogger log, string? eventId, string eventType, byte[]? lease, int used)
    {
        public void Finish(Task handler)
        {
            if (handler.IsFaulted && handler.Exception is { } aggregate)
            {
                Exception error = aggregate.InnerExceptions.Count == 1 ? aggregate.InnerExceptions[0] : aggregate;
                TelnyxWebhookLog.AbandonedHandlerFailed(log, error, eventId, eventType, error.GetType().Name);
            }

            if (lease is not null)
            {
                ReturnBuffer(lease, used);
            }
        }
    }
}
