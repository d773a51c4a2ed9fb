namespace Telnyx.WebhookReceiver;

/// <summary>One log line about an event, from its typed fields.</summary>
public static class EventSummary
{
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
}
