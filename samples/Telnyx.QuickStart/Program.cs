using System;
using System.Linq;
using Telnyx;
using Telnyx.Runtime;
using Telnyx.Testing;

// The five most common calls. By default against the fake Telnyx API on 127.0.0.1; with --live against the real API
// (TELNYX_API_KEY, and TELNYX_CALL_CONTROL_ID: the call control id of a call in progress).
bool live = args.Contains("--live");
await using FakeTelnyxServer? fake = live ? null : await FakeTelnyxServer.StartAsync("KEY_quickstart");
using var client = fake is null ? new TelnyxClient() : new TelnyxClient(new TelnyxClientOptions { ApiKey = "KEY_quickstart", BaseUrl = fake.BaseUrl });
string call = live ? Environment.GetEnvironmentVariable("TELNYX_CALL_CONTROL_ID") ?? "" : "v3:quickstart-caller";

// 1. Create a conference from a call in progress.
Conference conference = await client.Conferences.CreateAsync(new CreateConferenceRequest { CallControlId = call, Name = "quickstart" });
Console.WriteLine($"created conference {conference.Name} ({conference.Status})");

// 2. List conferences: the pager asks for the next page as you iterate.
await foreach (Conference c in client.Conferences.ListAsync(new ListConferencesParameters { PageSize = 50 }))
    Console.WriteLine($"  listed {c.Name} {c.Status}");

// 3. Mute every participant, then play audio to the conference.
await client.Conferences.Actions.MuteAsync(conference.Id!);
await client.Conferences.Actions.PlayAsync(conference.Id!, new ConferencePlayRequest { AudioUrl = "https://example.com/hold.mp3", Loop = 3 });

// 4. Put the call in a queue (Telnyx creates the queue on first use).
CallControlCommandResult queued = await client.Calls.Actions.EnqueueAsync(call, new EnqueueRequest { QueueName = "support" });
Console.WriteLine($"enqueued: {queued.Result}");

// 5. Verify and parse a webhook: here one signed locally, exactly as Telnyx signs them.
using var signer = new WebhookSigner();
SignedWebhook delivery = signer.Sign("""{"data":{"event_type":"conference.created","id":"e-1","payload":{"conference_id":"c-1"}}}"""u8.ToArray());
var webhooks = new TelnyxWebhooks(signer.PublicKey);
TelnyxWebhookEvent received = webhooks.Unwrap(delivery.Body, TelnyxWebhookHeaders.From(delivery.Headers()));
Console.WriteLine(received is ConferenceCreatedEvent created ? $"webhook: conference {created.Payload?.ConferenceId} created" : received.EventType);
