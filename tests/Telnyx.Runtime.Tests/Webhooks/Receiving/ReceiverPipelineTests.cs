using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Telnyx.Runtime.Webhooks;
using Telnyx.Runtime.Webhooks.Receiving;

namespace Telnyx.Runtime.Tests.Webhooks.Receiving;

/// <summary>The receiver's checks in order, each outcome with its status code, the body reading under the limit.</summary>
public sealed class ReceiverPipelineTests
{
    private readonly WebhookHarness _harness = new();

    [Fact]
    public async Task Receive_a_signed_delivery_dispatches_it_and_answers_200_handled()
    {
        var receiver = _harness.CreateReceiver();
        var dispatcher = new RecordingDispatcher();
        byte[] body = WebhookHarness.Body("evt-1", "conference.created");

        var result = await receiver.ReceiveAsync(new MemoryStream(body), body.Length, "application/json; charset=utf-8", WebhookHarness.Headers(body), dispatcher, CancellationToken.None);

        Assert.Equal(new TelnyxWebhookResult(200, TelnyxWebhookOutcome.Handled, EventId: "evt-1", EventType: "conference.created"), result);
        var (webhookEvent, context) = Assert.Single(dispatcher.Calls);
        Assert.Equal("evt-1", webhookEvent.Id);
        Assert.Equal("evt-1", context.DeliveryId);
        Assert.Equal("conference.created", context.EventType);
        Assert.Equal(DateTimeOffset.Parse("2024-05-29T16:26:40Z", System.Globalization.CultureInfo.InvariantCulture), context.OccurredAt);
        Assert.Equal(WebhookHarness.Timestamp(WebhookHarness.Now), context.Headers["telnyx-timestamp"]);
    }
}
