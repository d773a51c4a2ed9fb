using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Telnyx.Runtime;

namespace Telnyx.AspNetCore.Tests.Infrastructure;

/// <summary>One call into the handler: which method, with which typed event.</summary>
/// <param name="Attempt">The test's own <c>x-test-attempt</c> header, read from the context: which request this was.</param>
public sealed record HandlerCall(string Method, TelnyxWebhookEvent Event, string? DeliveryId, string ContextEventType, string? Attempt);

/// <summary>
/// What the handlers of one app saw (a singleton, so it outlives the per-request handler), and what they should do:
/// <see cref="Behaviour"/> runs inside every call (throw, hang, fail once ...).
/// </summary>
public sealed class DeliveryRecorder
{
    private readonly ConcurrentQueue<HandlerCall> _calls = new();

    public const string AttemptHeader = "x-test-attempt";

    public Func<HandlerCall, CancellationToken, ValueTask>? Behaviour { get; set; }

    public IReadOnlyList<HandlerCall> Calls => _calls.ToArray();

    private int _constructed;

    /// <summary>How many handler instances the app built (one per dispatched delivery: never for a refused one).</summary>
    public int Constructed => Volatile.Read(ref _constructed);

    public int NoteConstructed() => Interlocked.Increment(ref _constructed);

    /// <summary>Calls that returned without throwing.</summary>
    public ConcurrentQueue<HandlerCall> Completed { get; } = new();

    public async ValueTask RecordAsync(string method, TelnyxWebhookEvent e, TelnyxWebhookContext context, CancellationToken cancellationToken)
    {
        var call = new HandlerCall(method, e, context.DeliveryId, context.EventType, context.Headers.TryGetValue(AttemptHeader, out string? attempt) ? attempt : null);
        _calls.Enqueue(call);
        if (Behaviour is { } behaviour)
        {
            await behaviour(call, cancellationToken);
        }

        Completed.Enqueue(call);
    }

    public HandlerCall Single() => Assert.Single(Calls);

    public int CountFor(string eventId) => Calls.Count(c => c.DeliveryId == eventId);
}

/// <summary>The generated handler with every method overridden to record which one ran.</summary>
public sealed class RecordingHandler : TelnyxWebhookHandler
{
    private readonly DeliveryRecorder recorder;

    public RecordingHandler(DeliveryRecorder recorder)
    {
        this.recorder = recorder;
        recorder.NoteConstructed();
    }

    public override ValueTask OnCallEnqueuedAsync(CallEnqueuedEvent e, TelnyxWebhookContext context, CancellationToken cancellationToken)
        => recorder.RecordAsync(nameof(OnCallEnqueuedAsync), e, context, cancellationToken);

    public override ValueTask OnCallLeftQueueAsync(CallLeftQueueEvent e, TelnyxWebhookContext context, CancellationToken cancellationToken)
        => recorder.RecordAsync(nameof(OnCallLeftQueueAsync), e, context, cancellationToken);

    public override ValueTask OnConferenceCreatedAsync(ConferenceCreatedEvent e, TelnyxWebhookContext context, CancellationToken cancellationToken)
        => recorder.RecordAsync(nameof(OnConferenceCreatedAsync), e, context, cancellationToken);

    public override ValueTask OnConferenceEndedAsync(ConferenceEndedEvent e, TelnyxWebhookContext context, CancellationToken cancellationToken)
        => recorder.RecordAsync(nameof(OnConferenceEndedAsync), e, context, cancellationToken);

    public override ValueTask OnConferenceFloorChangedAsync(ConferenceFloorChangedEvent e, TelnyxWebhookContext context, CancellationToken cancellationToken)
        => recorder.RecordAsync(nameof(OnConferenceFloorChangedAsync), e, context, cancellationToken);

    public override ValueTask OnConferenceParticipantJoinedAsync(ConferenceParticipantJoinedEvent e, TelnyxWebhookContext context, CancellationToken cancellationToken)
        => recorder.RecordAsync(nameof(OnConferenceParticipantJoinedAsync), e, context, cancellationToken);

    public override ValueTask OnConferenceParticipantLeftAsync(ConferenceParticipantLeftEvent e, TelnyxWebhookContext context, CancellationToken cancellationToken)
        => recorder.RecordAsync(nameof(OnConferenceParticipantLeftAsync), e, context, cancellationToken);

    public override ValueTask OnConferenceParticipantPlaybackEndedAsync(ConferenceParticipantPlaybackEndedEvent e, TelnyxWebhookContext context, CancellationToken cancellationToken)
        => recorder.RecordAsync(nameof(OnConferenceParticipantPlaybackEndedAsync), e, context, cancellationToken);

    public override ValueTask OnConferenceParticipantPlaybackStartedAsync(ConferenceParticipantPlaybackStartedEvent e, TelnyxWebhookContext context, CancellationToken cancellationToken)
        => recorder.RecordAsync(nameof(OnConferenceParticipantPlaybackStartedAsync), e, context, cancellationToken);

    public override ValueTask OnConferenceParticipantSpeakEndedAsync(ConferenceParticipantSpeakEndedEvent e, TelnyxWebhookContext context, CancellationToken cancellationToken)
        => recorder.RecordAsync(nameof(OnConferenceParticipantSpeakEndedAsync), e, context, cancellationToken);

    public override ValueTask OnConferenceParticipantSpeakStartedAsync(ConferenceParticipantSpeakStartedEvent e, TelnyxWebhookContext context, CancellationToken cancellationToken)
        => recorder.RecordAsync(nameof(OnConferenceParticipantSpeakStartedAsync), e, context, cancellationToken);

    public override ValueTask OnConferencePlaybackEndedAsync(ConferencePlaybackEndedEvent e, TelnyxWebhookContext context, CancellationToken cancellationToken)
        => recorder.RecordAsync(nameof(OnConferencePlaybackEndedAsync), e, context, cancellationToken);

    public override ValueTask OnConferencePlaybackStartedAsync(ConferencePlaybackStartedEvent e, TelnyxWebhookContext context, CancellationToken cancellationToken)
        => recorder.RecordAsync(nameof(OnConferencePlaybackStartedAsync), e, context, cancellationToken);

    public override ValueTask OnConferenceRecordingSavedAsync(ConferenceRecordingSavedEvent e, TelnyxWebhookContext context, CancellationToken cancellationToken)
        => recorder.RecordAsync(nameof(OnConferenceRecordingSavedAsync), e, context, cancellationToken);

    public override ValueTask OnConferenceSpeakEndedAsync(ConferenceSpeakEndedEvent e, TelnyxWebhookContext context, CancellationToken cancellationToken)
        => recorder.RecordAsync(nameof(OnConferenceSpeakEndedAsync), e, context, cancellationToken);

    public override ValueTask OnConferenceSpeakStartedAsync(ConferenceSpeakStartedEvent e, TelnyxWebhookContext context, CancellationToken cancellationToken)
        => recorder.RecordAsync(nameof(OnConferenceSpeakStartedAsync), e, context, cancellationToken);

    public override ValueTask OnUnknownAsync(UnknownWebhookEvent e, TelnyxWebhookContext context, CancellationToken cancellationToken)
        => recorder.RecordAsync(nameof(OnUnknownAsync), e, context, cancellationToken);
}
