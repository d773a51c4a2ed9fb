using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Telnyx.AspNetCore.Tests.Infrastructure;

namespace Telnyx.AspNetCore.Tests;

/// <summary>Each event of the spec reaches its own handler method, with its own typed event.</summary>
public sealed class EventDispatchTests : IDisposable
{
    private readonly WebhookSigner _signer = new();

    public void Dispose() => _signer.Dispose();

    [Fact]
    public void SpecDescribesSixteenEventsEachWithItsOwnHandlerMethod()
    {
        Assert.Equal(16, SpecWebhooks.All.Count);
        Assert.Equal(16, SpecWebhooks.All.Select(w => w.EventType).Distinct().Count());
        string[] overridden = typeof(RecordingHandler).GetMethods()
            .Where(m => m.DeclaringType == typeof(RecordingHandler) && m.Name.StartsWith("On", StringComparison.Ordinal))
            .Select(m => m.Name).ToArray();
        Assert.Equal(SpecWebhooks.All.Select(w => w.HandlerMethod).Append("OnUnknownAsync").Order(), overridden.Order());
    }

    [Theory]
    [MemberData(nameof(SpecWebhooks.EventTypes), MemberType = typeof(SpecWebhooks))]
    public async Task EventIsDispatchedToItsOwnMethod(string eventType)
    {
        SpecWebhook webhook = SpecWebhooks.Get(eventType);
        await using WebhookApp app = await WebhookApp.StartAsync(_signer);
        string id = Guid.NewGuid().ToString();

        var (status, _) = await app.PostAsync(_signer.Sign(webhook.Body(id)));

        Assert.Equal(HttpStatusCode.OK, status);
        HandlerCall call = app.Recorder.Single();
        Assert.Equal(webhook.HandlerMethod, call.Method);
        Assert.Equal(webhook.Name + "Event", call.Event.GetType().Name);
        Assert.Equal(eventType, call.Event.EventType);
        Assert.Equal(eventType, call.ContextEventType);
        Assert.Equal(id, call.Event.Id);
        Assert.Equal(id, call.DeliveryId);
        Assert.IsNotType<UnknownWebhookEvent>(call.Event);
    }

    [Fact]
    public async Task EventTypeTheSpecDoesNotKnowGoesToOnUnknownAsyncAndAnswers200()
    {
        await using WebhookApp app = await WebhookApp.StartAsync(_signer);
        string id = Guid.NewGuid().ToString();

        var (status, _) = await app.PostAsync(_signer.Sign(SpecWebhooks.UnknownEventBody(id)));

        Assert.Equal(HttpStatusCode.OK, status);
        HandlerCall call = app.Recorder.Single();
        Assert.Equal("OnUnknownAsync", call.Method);
        var unknown = Assert.IsType<UnknownWebhookEvent>(call.Event);
        Assert.Equal("conference.transcription.received", unknown.EventType);
        Assert.Equal(id, call.DeliveryId);

        // Unknown events are deduplicated like any other.
        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync(_signer.Sign(SpecWebhooks.UnknownEventBody(id)))).Status);
        Assert.Single(app.Recorder.Calls);
    }
}
