using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Telnyx.Runtime;

namespace Telnyx.WebhookReceiver;

/// <summary>
/// Greets each participant who joins a conference by speaking to their leg only, and logs every other event. The
/// endpoint has verified the signature and skipped redeliveries of events already handled before any method here runs.
/// </summary>
public sealed class GreetingHandler(TelnyxClient client, ILogger<GreetingHandler> logger) : TelnyxWebhookHandler
{
    public const string Greeting = "Welcome to the conference. You are now connected.";

    public override async ValueTask OnConferenceParticipantJoinedAsync(ConferenceParticipantJoinedEvent e, TelnyxWebhookContext context, CancellationToken cancellationToken)
    {
        string? conferenceId = e.Payload?.ConferenceId;
        string? callControlId = e.Payload?.CallControlId;
        if (conferenceId is null || callControlId is null)
        {
            logger.LogWarning("{EventType} {Id} has no conference or call control id: nobody to greet", e.EventType, e.Id);
            return;
        }

        try
        {
            await client.Conferences.Actions.SpeakAsync(conferenceId, new ConferenceSpeakRequest
            {
                Payload = Greeting,
                Voice = "female",
                CallControlIds = [callControlId],
                // Derived from the event: if this handler fails after Telnyx accepted the command, the redelivery's
                // greeting carries the same command_id and Telnyx ignores it, so nobody is greeted twice.
                CommandId = "greet-" + context.DeliveryId,
            }, cancellationToken: cancellationToken);
            logger.LogInformation("Greeted call {CallControlId} in conference {ConferenceId}", callControlId, conferenceId);
        }
        catch (TelnyxApiException error) when (error.StatusCode is >= 400 and < 500 and not 429)
        {
            // Telnyx refused the command (the caller already left, ...): a redelivery would be refused too, so log and
            // acknowledge. Anything else (5xx, timeout, network) propagates: the endpoint answers 500 and Telnyx retries.
            logger.LogError("Could not greet call {CallControlId} in conference {ConferenceId}: {Status} {Message}", callControlId, conferenceId, error.StatusCode, error.Message);
        }
    }

    /// <summary>Every event passes here on its way to its typed method: log the ones this handler does not act on.</summary>
    public override ValueTask DispatchAsync(TelnyxWebhookEvent webhookEvent, TelnyxWebhookContext context, CancellationToken cancellationToken)
    {
        if (webhookEvent is not ConferenceParticipantJoinedEvent)
        {
            logger.LogInformation("{EventType} {Id} at {OccurredAt}: {Summary}", webhookEvent.EventType, webhookEvent.Id, webhookEvent.OccurredAt, EventSummary.Describe(webhookEvent));
        }

        return base.DispatchAsync(webhookEvent, context, cancellationToken);
    }
}
