using System.Threading;
using System.Threading.Tasks;

namespace Telnyx.Runtime.Primitives;

/// <summary>
/// Hands a verified, parsed event to user code: the generated <c>TelnyxWebhookHandler</c> implements it with one
/// overridable method per event type.
/// </summary>
/// <typeparam name="TEvent">The event union, usually the generated <c>TelnyxWebhookEvent</c>.</typeparam>
public interface ITelnyxWebhookDispatcher<in TEvent>
    where TEvent : class, ITelnyxWebhookEvent
{
    /// <summary>Handles one event. Throwing (or exceeding the handler timeout) answers 500, so Telnyx delivers it again.</summary>
    /// <param name="webhookEvent">The typed event.</param>
    /// <param name="context">The delivery: id, time, raw body and headers.</param>
    /// <param name="cancellationToken">Cancelled when the handler timeout elapses or the request is aborted.</param>
    /// <returns>A task that completes when the event is handled.</returns>
    ValueTask DispatchAsync(TEvent webhookEvent, TelnyxWebhookContext context, CancellationToken cancellationToken);
}
