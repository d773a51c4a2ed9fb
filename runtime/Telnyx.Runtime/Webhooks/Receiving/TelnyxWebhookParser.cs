using System;

namespace Telnyx.Runtime.Primitives;

/// <summary>Parses a verified webhook body into the typed event (the generated <c>TelnyxWebhookEvent.ParseUnverified</c>).</summary>
/// <typeparam name="TEvent">The event union.</typeparam>
/// <param name="utf8Json">The raw body.</param>
/// <returns>The typed event.</returns>
/// <exception cref="System.Text.Json.JsonException">The body is not a webhook event.</exception>
public delegate TEvent TelnyxWebhookParser<out TEvent>(ReadOnlySpan<byte> utf8Json)
    where TEvent : class, ITelnyxWebhookEvent;
