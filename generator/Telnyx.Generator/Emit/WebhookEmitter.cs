using Telnyx.Generator.Model;

namespace Telnyx.Generator.Emit;

/// <summary>
/// Emits the webhook event union: <c>abstract record TelnyxWebhookEvent</c>, one sealed record per event of the
/// spec's <c>webhooks</c> section keyed by <c>event_type</c>, and <c>UnknownWebhookEvent</c> keeping the raw JSON.
/// </summary>
internal static class WebhookEmitter
{
    private const string Header = "global::Telnyx.Runtime.Webhooks.WebhookEventHeader";

    private const string Verifier = "global::Telnyx.Runtime.Webhooks.TelnyxWebhookVerifier";

    /// <summary><c>client.Webhooks</c>: verify (Ed25519 + timestamp window) then parse, or parse trusted bodies.</summary>
    private static void EmitFacade(SourceWriter w)
    {
        w.Line();
        w.DocXml("Verifies and parses Telnyx webhooks: <see cref=\"Unwrap(global::System.ReadOnlySpan{byte}, global::System.Collections.Generic.IEnumerable{global::System.Collections.Generic.KeyValuePair{string, string}})\"/>\n"
            + "checks the Ed25519 signature over <c>\"{telnyx-timestamp}|{raw body}\"</c> and the timestamp window, then returns the typed event.");
        w.Line("/// <remarks>Pass the raw request body exactly as received: never re-serialized JSON. Verification failures throw <see cref=\"global::Telnyx.Runtime.Webhooks.WebhookVerificationException\"/> with a <c>Reason</c>.</remarks>");
        w.Line(CSharpTypes.GeneratedCode);
        using (w.Block("public sealed partial class TelnyxWebhooks"))
        {
            w.Line("private readonly global::System.Func<" + Verifier + "> _verifierFactory;");
            w.Line("private " + Verifier + "? _verifier;");
            w.Line();
            w.DocXml("Uses an existing verifier.");
            using (w.Block("public TelnyxWebhooks(" + Verifier + " verifier)"))
            {
                w.Line("global::System.ArgumentNullException.ThrowIfNull(verifier);");
                w.Line("_verifier = verifier;");
                w.Line("_verifierFactory = () => verifier;");
            }
            w.Line();
            w.DocXml("Verifies with a Telnyx public key (base64 of 32 bytes, or PEM / DER).");
            w.Line("public TelnyxWebhooks(string publicKey, global::System.TimeSpan? tolerance = null, global::System.TimeProvider? timeProvider = null)");
            w.Line("    : this(new " + Verifier + "(publicKey, tolerance, timeProvider))");
            w.Line("{");
            w.Line("}");
            w.Line();
            w.Line("internal TelnyxWebhooks(global::System.Func<" + Verifier + "> verifierFactory) => _verifierFactory = verifierFactory;");
            w.Line();
            w.DocXml("The verifier (created on first use from the client's options).");
            w.Line("public " + Verifier + " Verifier => _verifier ??= _verifierFactory();");
            w.Line();
            w.DocXml("Verifies the signature and timestamp, then parses the event.");
            w.Line("/// <exception cref=\"global::Telnyx.Runtime.Webhooks.WebhookVerificationException\">A header is missing or malformed, the timestamp is outside the window, or the signature does not match.</exception>");
            w.Line("/// <exception cref=\"global::System.Text.Json.JsonException\">The verified body is not a JSON object.</exception>");
            using (w.Block("public TelnyxWebhookEvent Unwrap(global::System.ReadOnlySpan<byte> rawBody, global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, string>> headers)"))
            {
                w.Line("Verifier.Verify(rawBody, headers);");
                w.Line("return TelnyxWebhookEvent.ParseUnverified(rawBody);");
            }
            w.Line();
            w.DocXml("Verifies and parses, reading the headers from <see cref=\"global::System.Net.Http.Headers.HttpHeaders\"/>.");
            using (w.Block("public TelnyxWebhookEvent Unwrap(global::System.ReadOnlySpan<byte> rawBody, global::System.Net.Http.Headers.HttpHeaders headers)"))
            {
                w.Line("Verifier.Verify(rawBody, headers);");
                w.Line("return TelnyxWebhookEvent.ParseUnverified(rawBody);");
            }
            w.Line();
            w.DocXml("Verifies and parses, reading each header through <paramref name=\"getHeader\"/> (for example <c>name => request.Headers[name]</c> in ASP.NET Core).");
            using (w.Block("public TelnyxWebhookEvent Unwrap(global::System.ReadOnlySpan<byte> rawBody, global::System.Func<string, string?> getHeader)"))
            {
                w.Line("Verifier.Verify(rawBody, getHeader);");
                w.Line("return TelnyxWebhookEvent.ParseUnverified(rawBody);");
            }
            w.Line();
            w.DocXml("Verifies and parses a body held as a string (its UTF-8 bytes are what Telnyx signed).");
            w.Line("public TelnyxWebhookEvent Unwrap(string rawBody, global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, string>> headers)");
            w.Line("    => Unwrap(global::System.Text.Encoding.UTF8.GetBytes(rawBody ?? throw new global::System.ArgumentNullException(nameof(rawBody))), headers);");
            w.Line();
            w.DocXml("Parses WITHOUT verifying: only for bodies you already trust (for example replayed from your own store).");
            w.Line("public TelnyxWebhookEvent ParseUnverified(global::System.ReadOnlySpan<byte> rawBody) => TelnyxWebhookEvent.ParseUnverified(rawBody);");
        }
    }

    public static void Emit(SourceWriter w, EquatableArray<WebhookEventModel> events, string ns)
    {
        w.Doc("A Telnyx webhook event: pattern-match on the concrete type (one per event type), or read the common fields here.");
        w.Line("/// <remarks>Events this version of the spec does not list arrive as <see cref=\"UnknownWebhookEvent\"/> with their raw JSON.</remarks>");
        w.Line(CSharpTypes.GeneratedCode);
        using (w.Block("public abstract partial record TelnyxWebhookEvent : global::Telnyx.Runtime.Webhooks.Receiving.ITelnyxWebhookEvent"))
        {
            w.Line("private protected TelnyxWebhookEvent()");
            w.Line("{");
            w.Line("}");
            w.Line();
            w.DocXml("The event's <c>id</c>.");
            w.Line("public string? Id { get; init; }");
            w.Line();
            w.DocXml("The event's <c>event_type</c>, for example <c>conference.created</c>.");
            w.Line("public string EventType { get; init; } = string.Empty;");
            w.Line();
            w.DocXml("When the event occurred (<c>occurred_at</c> of the event, or of its payload).");
            w.Line("public global::System.DateTimeOffset? OccurredAt { get; init; }");
            w.Line();
            w.DocXml("The event's <c>record_type</c> (usually <c>event</c>).");
            w.Line("public string? RecordType { get; init; }");
            w.Line();
            w.DocXml("The delivery envelope's <c>meta</c> object, when the event came wrapped in one.");
            w.Line("public " + CSharpTypes.JsonElement + "? Meta { get; init; }");
            w.Line();
            w.Doc("Parses a webhook body WITHOUT verifying its signature: use it only for bodies you already trust. "
                + "Accepts the delivery envelope <c>{ \"data\": event, \"meta\": ... }</c> and a bare event.");
            w.Line("/// <exception cref=\"global::System.Text.Json.JsonException\">The body is not a JSON object or is malformed.</exception>");
            using (w.Block("public static TelnyxWebhookEvent ParseUnverified(global::System.ReadOnlySpan<byte> utf8Json)"))
            {
                w.Line("var reader = new " + CSharpTypes.Reader + "(utf8Json, global::Telnyx.Runtime.Json.TelnyxJson.DefaultReaderOptions);");
                using (w.Block("if (!reader.Read())"))
                {
                    w.Line("throw new global::System.Text.Json.JsonException(\"The webhook body is empty.\");");
                }
                w.Line("var header = global::Telnyx.Runtime.Webhooks.WebhookEnvelope.Locate(ref reader);");
                using (w.Block("switch (header.EventType)"))
                {
                    foreach (var e in events)
                    {
                        w.Line("case " + SourceWriter.Literal(e.EventType) + ":");
                        w.Indent();
                        w.Line("return new " + e.ClassName + " { Data = global::" + ns + "." + e.DataTypeName + ".ReadJson(ref reader), Id = header.Id, EventType = header.EventType!, OccurredAt = header.OccurredAt, RecordType = header.RecordType, Meta = header.Meta };");
                        w.Unindent();
                    }
                    w.Line("default:");
                    w.Indent();
                    w.Line("var raw = new " + CSharpTypes.Reader + "(utf8Json, global::Telnyx.Runtime.Json.TelnyxJson.DefaultReaderOptions);");
                    w.Line("raw.Read();");
                    w.Line("return new UnknownWebhookEvent { Raw = " + CSharpTypes.JsonElement + ".ParseValue(ref raw), Id = header.Id, EventType = header.EventType ?? string.Empty, OccurredAt = header.OccurredAt, RecordType = header.RecordType, Meta = header.Meta };");
                    w.Unindent();
                }
            }
            w.Line();
            w.Doc("Parses a webhook body WITHOUT verifying its signature.");
            w.Line("/// <exception cref=\"global::System.Text.Json.JsonException\">The body is not a JSON object or is malformed.</exception>");
            w.Line("public static TelnyxWebhookEvent ParseUnverified(string json) => ParseUnverified(global::System.Text.Encoding.UTF8.GetBytes(json ?? throw new global::System.ArgumentNullException(nameof(json))));");
        }

        foreach (var e in events)
        {
            w.Line();
            w.Doc(e.Doc ?? e.EventType);
            w.Line("/// <remarks>Delivered with <c>event_type</c> <c>" + SourceWriter.EscapeXml(e.EventType) + "</c> (webhook <c>" + SourceWriter.EscapeXml(e.Key) + "</c>).</remarks>");
            w.Line(CSharpTypes.GeneratedCode);
            using (w.Block("public sealed partial record " + e.ClassName + " : TelnyxWebhookEvent"))
            {
                w.DocXml("The <c>event_type</c> that selects this event.");
                w.Line("public const string Type = " + SourceWriter.Literal(e.EventType) + ";");
                w.Line();
                w.Doc("The whole event object, with every field the spec describes.");
                w.Line("public required global::" + ns + "." + e.DataTypeName + " Data { get; init; }");
                if (e.PayloadType is { } payload)
                {
                    w.Line();
                    w.DocXml("The event's payload (<c>Data.Payload</c>).");
                    w.Line("public " + CSharpTypes.Name(payload, ns) + (payload.IsValueType ? "?" : "?") + " Payload => Data.Payload;");
                }
            }
        }

        EmitFacade(w);

        w.Line();
        w.DocXml("An event whose <c>event_type</c> this version of the spec does not list; <see cref=\"Raw\"/> holds the whole body.");
        w.Line(CSharpTypes.GeneratedCode);
        using (w.Block("public sealed partial record UnknownWebhookEvent : TelnyxWebhookEvent"))
        {
            w.Doc("The webhook body as received.");
            w.Line("public required " + CSharpTypes.JsonElement + " Raw { get; init; }");
        }
    }
}
