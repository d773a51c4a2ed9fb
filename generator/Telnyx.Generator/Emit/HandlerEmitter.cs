using System;
using System.Collections.Generic;
using Telnyx.Generator.Helpers;
using Telnyx.Generator.Modeling;
using Telnyx.Generator.Naming;

namespace Telnyx.Generator.Emit;

/// <summary>
/// Emits <c>TelnyxWebhookHandler</c>: the receiver's dispatcher, with one overridable <c>On{Event}Async</c> per event
/// record of the union, <c>OnUnknownAsync</c>, and <c>DispatchAsync</c> switching on the event's type.
/// </summary>
internal static class HandlerEmitter
{
    public const string ClassName = "TelnyxWebhookHandler";

    private const string Context = "global::Telnyx.Runtime.TelnyxWebhookContext";
    private const string Token = "global::System.Threading.CancellationToken";
    private const string ValueTask = "global::System.Threading.Tasks.ValueTask";
    private const string Parameters = "TelnyxWebhookEvent webhookEvent, " + Context + " context, " + Token + " cancellationToken";

    /// <summary>The members the class declares besides the per-event methods, and those it inherits from object.</summary>
    private static readonly string[] FixedMembers =
    {
        ClassName, "DispatchAsync", "OnUnknownAsync",
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    /// <summary>The method name for each event record, in the union's order; never one of <see cref="FixedMembers"/>, never twice.</summary>
    public static IReadOnlyList<string> MethodNames(EquatableArray<WebhookEventModel> events)
    {
        var scope = new NameScope(FixedMembers);
        var names = new List<string>(events.Count);
        foreach (var e in events)
        {
            var stem = e.ClassName.EndsWith("Event", StringComparison.Ordinal) && e.ClassName.Length > 5
                ? e.ClassName.Substring(0, e.ClassName.Length - 5)
                : e.ClassName;
            names.Add(scope.Claim("On" + stem + "Async", "On" + e.ClassName + "Async"));
        }
        return names;
    }

    public static void Emit(SourceWriter w, EquatableArray<WebhookEventModel> events)
    {
        var methods = MethodNames(events);
        w.Doc("Handles verified webhook events: derive from it, override the methods of the events you need, and register it with "
            + "AddTelnyxWebhooks. Every method the class does not override completes at once.");
        w.Line("/// <remarks>One instance serves one delivery (it is registered as a scoped service), so constructor injection of scoped services works. "
            + "Throwing from a method answers 500, so Telnyx delivers the event again; with deduplication on (the default), a delivery of an event already handled is answered without calling it again.</remarks>");
        w.Line(CSharpTypes.GeneratedCode);
        using (w.Block("public abstract partial class " + ClassName + " : global::Telnyx.Runtime.Primitives.ITelnyxWebhookDispatcher<TelnyxWebhookEvent>"))
        {
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i];
                w.DocXml("Called for each <c>" + SourceWriter.EscapeXml(e.EventType) + "</c> event (<see cref=\"" + e.ClassName + "\"/>). The default does nothing.");
                w.Line("/// <param name=\"webhookEvent\">The typed event.</param>");
                w.Line("/// <param name=\"context\">The delivery: id, time, raw body and headers.</param>");
                w.Line("/// <param name=\"cancellationToken\">Cancelled when the handler timeout elapses or the request is aborted.</param>");
                w.Line("/// <returns>A task that completes when the event is handled.</returns>");
                w.Line("public virtual " + ValueTask + " " + methods[i] + "(" + e.ClassName + " webhookEvent, " + Context + " context, " + Token + " cancellationToken) => default;");
                w.Line();
            }
            w.DocXml("Called for an event whose <c>event_type</c> this version of the document does not list. The default does nothing.");
            w.Line("/// <param name=\"webhookEvent\">The event, with its raw JSON.</param>");
            w.Line("/// <param name=\"context\">The delivery: id, time, raw body and headers.</param>");
            w.Line("/// <param name=\"cancellationToken\">Cancelled when the handler timeout elapses or the request is aborted.</param>");
            w.Line("/// <returns>A task that completes when the event is handled.</returns>");
            w.Line("public virtual " + ValueTask + " OnUnknownAsync(UnknownWebhookEvent webhookEvent, " + Context + " context, " + Token + " cancellationToken) => default;");
            w.Line();
            w.DocXml("Calls the method of the event's type.");
            w.Line("/// <param name=\"webhookEvent\">The typed event.</param>");
            w.Line("/// <param name=\"context\">The delivery: id, time, raw body and headers.</param>");
            w.Line("/// <param name=\"cancellationToken\">Cancelled when the handler timeout elapses or the request is aborted.</param>");
            w.Line("/// <returns>The task of the method called.</returns>");
            using (w.Block("public virtual " + ValueTask + " DispatchAsync(" + Parameters + ")"))
            {
                w.Line("global::System.ArgumentNullException.ThrowIfNull(webhookEvent);");
                using (w.Block("switch (webhookEvent)"))
                {
                    for (var i = 0; i < events.Count; i++)
                    {
                        w.Line("case " + events[i].ClassName + " typed:");
                        w.Indent();
                        w.Line("return " + methods[i] + "(typed, context, cancellationToken);");
                        w.Unindent();
                    }
                    w.Line("case UnknownWebhookEvent unknown:");
                    w.Indent();
                    w.Line("return OnUnknownAsync(unknown, context, cancellationToken);");
                    w.Unindent();
                    w.Line("default:");
                    w.Indent();
                    // Unreachable: the union's constructor is private protected, so every event is one of the records above.
                    w.Line("throw new global::System.ArgumentException(\"Not an event of this document: \" + webhookEvent.GetType().Name, nameof(webhookEvent));");
                    w.Unindent();
                }
            }
        }
    }
}
