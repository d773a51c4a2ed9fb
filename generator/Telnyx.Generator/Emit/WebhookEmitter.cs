using Telnyx.Generator.Helpers;
using Telnyx.Generator.Modeling;

namespace Telnyx.Generator.Emit;

/// <summary>
/// Emits the webhook event union: <c>abstract record TelnyxWebhookEvent</c>, one sealed record per event of the
/// spec's <c>webhooks</c> section keyed by <c>event_type</c>, and <c>UnknownWebhookEvent</c> keeping the raw JSON.
/// </summary>
internal static class WebhookEmitter
{
    private const string Verifier = "global::Telnyx.Runtime.TelnyxWebhookVerifier";

    /// <summary>
    /// <c>client.Webhooks</c>: the runtime's <c>TelnyxWebhooks&lt;TEvent&gt;</c> does the verifying and unwrapping; the
    /// generated class only binds it to this document's parser.
    /// </summary>
    private static void EmitFacade(SourceWriter w)
    {
        w.Line();
        w.DocXml("Verifies and parses Telnyx webhooks into <see cref=\"TelnyxWebhookEvent\"/>: <c>Unwrap(rawBody, TelnyxWebhookHeaders.From(request.Headers))</c>.");
        w.Line(CSharpTypes.GeneratedCode);
        using (w.Block("public sealed partial class TelnyxWebhooks : global::Telnyx.Runtime.TelnyxWebhooks<TelnyxWebhookEvent>"))
        {
            w.DocXml("Uses an existing verifier.");
            w.Line("public TelnyxWebhooks(" + Verifier + " verifier)");
            w.Line("    : base(TelnyxWebhookEvent.ParseUnverified, verifier)");
            w.Line("{");
            w.Line("}");
            w.Line();
            w.DocXml("Verifies with a Telnyx public key (base64 of 32 bytes, or PEM / DER).");
            w.Line("public TelnyxWebhooks(string publicKey, global::System.TimeSpan? tolerance = null, global::System.TimeProvider? timeProvider = null)");
            w.Line("    : this(new " + Verifier + "(publicKey, tolerance, timeProvider))");
            w.Line("{");
            w.Line("}");
            w.Line();
            w.Line("internal TelnyxWebhooks(global::System.Func<" + Verifier + "> verifierFactory)");
            w.Line("    : base(TelnyxWebhookEvent.ParseUnverified, verifierFactory)");
            w.Line("{");
            w.Line("}");
        }
    }

    public static void Emit(SourceWriter w, EquatableArray<WebhookEventModel> events, string ns)
    {
        w.Doc("A Telnyx webhook event: pattern-match on the concrete type (one per event type), or read the common fields here.");
        w.Line("/// <remarks>Events this version of the spec does not list arrive as <see cref=\"UnknownWebhookEvent\"/> with their raw JSON.</remarks>");
        w.Line(CSharpTypes.GeneratedCode);
        using (w.Block("public abstract partial record TelnyxWebhookEvent : global::Telnyx.Runtime.Primitives.ITelnyxWebhookEvent"))
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
            w.DocXml("Parses a webhook body WITHOUT verifying its signature: use it only for bodies you already trust. "
                + "Accepts the delivery envelope <c>{ \"data\": event, \"meta\": ... }</c> and a bare event.");
            w.Line("/// <exception cref=\"global::System.Text.Json.JsonException\">The body is not a JSON object or is malformed.</exception>");
            using (w.Block("public static TelnyxWebhookEvent ParseUnverified(global::System.ReadOnlySpan<byte> utf8Json)"))
            {
                w.Line("var reader = new " + CSharpTypes.Reader + "(utf8Json, global::Telnyx.Runtime.TelnyxJson.DefaultReaderOptions);");
                using (w.Block("if (!reader.Read())"))
                {
                    w.Line("throw new global::System.Text.Json.JsonException(\"The webhook body is empty.\");");
                }
                w.Line("var header = global::Telnyx.Runtime.Primitives.WebhookEnvelope.Locate(ref reader);");
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
                    w.Line("var raw = new " + CSharpTypes.Reader + "(utf8Json, global::Telnyx.Runtime.TelnyxJson.DefaultReaderOptions);");
                    w.Line("raw.Read();");
                    w.Line("return new UnknownWebhookEvent { Raw = " + CSharpTypes.JsonElement + ".ParseValue(ref raw), Id = header.Id, EventType = header.EventType ?? string.Empty, OccurredAt = header.OccurredAt, RecordType = header.RecordType, Meta = header.Meta };");
                    w.Unindent();
                }
            }
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
                    w.Line("public " + CSharpTypes.Name(payload, ns) + "?" + " Payload => Data.Payload;");
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
