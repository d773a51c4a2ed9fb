using System;
using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Telnyx.Runtime.Webhooks;

namespace Telnyx.WebhookReceiver;

/// <summary>The webhook endpoint: raw body in, signature and timestamp checked, typed event out.</summary>
public static class WebhookEndpoint
{
    public const string Path = "/webhooks/telnyx";

    /// <summary>Telnyx events are a few kilobytes; anything far larger is not one.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>
    /// 200 for an authentic, fresh, parseable webhook (unknown event types included: they are logged and acknowledged);
    /// 400 when verification or parsing fails; 413 for an oversized body.
    /// </summary>
    public static async Task HandleAsync(HttpContext context, TelnyxClient client, ILogger logger)
    {
        HttpRequest request = context.Request;

        // The signature covers the exact bytes sent: read them raw, never through model binding or a re-serialization.
        byte[]? body = await ReadBodyAsync(request.BodyReader, context.RequestAborted);
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        TelnyxWebhookEvent webhook;
        try
        {
            webhook = client.Webhooks.Unwrap(body, name => request.Headers[name].ToString() is { Length: > 0 } v ? v : null);
        }
        catch (WebhookVerificationException e)
        {
            logger.LogWarning("Rejected a webhook ({Reason}): {Message}", e.Reason, e.Message);
            await WriteTextAsync(context, StatusCodes.Status400BadRequest, $"webhook rejected: {e.Reason}");
            return;
        }
        catch (JsonException e)
        {
            // Authentic but unparseable: nothing a retry would fix.
            logger.LogWarning("Rejected a signed webhook whose body is not a webhook event: {Message}", e.Message);
            await WriteTextAsync(context, StatusCodes.Status400BadRequest, "webhook rejected: malformed body");
            return;
        }

        // Telnyx may deliver an event more than once: a real handler would deduplicate on webhook.Id.
        logger.LogInformation("{EventType} {Id} at {OccurredAt}: {Summary}", webhook.EventType, webhook.Id, webhook.OccurredAt, Describe(webhook));
        await WriteTextAsync(context, StatusCodes.Status200OK, "ok");
    }

    /// <summary>One line about the event, from its typed fields.</summary>
    public static string Describe(TelnyxWebhookEvent webhook) => webhook switch
    {
        CallEnqueuedEvent e => $"call {e.Payload?.CallControlId} queued in '{e.Payload?.Queue}' at position {e.Payload?.CurrentPosition} (average wait {e.Payload?.QueueAvgWaitTimeSecs} s)",
        CallLeftQueueEvent e => $"call {e.Payload?.CallControlId} left '{e.Payload?.Queue}' ({e.Payload?.Reason?.Value}) after {e.Payload?.WaitTimeSecs} s",
        ConferenceCreatedEvent e => $"conference {e.Payload?.ConferenceId} created by call {e.Payload?.CallControlId}",
        ConferenceEndedEvent e => $"conference {e.Payload?.ConferenceId} ended ({e.Payload?.Reason?.Value})",
        ConferenceFloorChangedEvent e => $"conference {e.Payload?.ConferenceId}: call {e.Payload?.CallControlId} has the floor",
        ConferenceParticipantJoinedEvent e => $"call {e.Payload?.CallControlId} joined conference {e.Payload?.ConferenceId}",
        ConferenceParticipantLeftEvent e => $"call {e.Payload?.CallControlId} left conference {e.Payload?.ConferenceId}",
        ConferenceParticipantPlaybackStartedEvent e => $"playback of {e.Payload?.MediaUrl ?? e.Payload?.MediaName} started for call {e.Payload?.CallControlId}",
        ConferenceParticipantPlaybackEndedEvent e => $"playback of {e.Payload?.MediaUrl ?? e.Payload?.MediaName} ended for call {e.Payload?.CallControlId}",
        ConferenceParticipantSpeakStartedEvent e => $"speech started for call {e.Payload?.CallControlId}",
        ConferenceParticipantSpeakEndedEvent e => $"speech ended for call {e.Payload?.CallControlId}",
        ConferencePlaybackStartedEvent e => $"playback of {e.Payload?.MediaUrl ?? e.Payload?.MediaName} started in conference {e.Payload?.ConferenceId}",
        ConferencePlaybackEndedEvent e => $"playback of {e.Payload?.MediaUrl ?? e.Payload?.MediaName} ended in conference {e.Payload?.ConferenceId}",
        ConferenceSpeakStartedEvent e => $"speech started in conference {e.Payload?.ConferenceId}",
        ConferenceSpeakEndedEvent e => $"speech ended in conference {e.Payload?.ConferenceId}",
        ConferenceRecordingSavedEvent e => $"recording {e.Payload?.RecordingId} of conference {e.Payload?.ConferenceId} saved ({e.Payload?.Format?.Value}, {e.Payload?.Channels?.Value}): {e.Payload?.RecordingUrls?.Mp3 ?? e.Payload?.RecordingUrls?.Wav}",
        UnknownWebhookEvent e => $"an event type this SDK does not know ({e.Raw.GetRawText().Length} bytes of JSON)",
        _ => "an event this receiver does not handle",
    };

    /// <summary>The whole body, or null when it exceeds <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            ReadResult result = await reader.ReadAsync(cancellationToken);
            ReadOnlySequence<byte> buffer = result.Buffer;
            if (buffer.Length > MaxBodyBytes)
            {
                reader.AdvanceTo(buffer.End);
                return null;
            }

            if (result.IsCompleted)
            {
                byte[] body = buffer.ToArray();
                reader.AdvanceTo(buffer.End);
                return body;
            }

            // Nothing consumed yet: ask for more.
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static Task WriteTextAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text + "\n", context.RequestAborted);
    }
}
