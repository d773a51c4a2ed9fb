using Telnyx.Generator.Helpers;
using Telnyx.Generator.Modeling;

namespace Telnyx.Generator.Emit;

/// <summary>One unit of output, emitted to its own file so a change re-emits only that file.</summary>
internal abstract record EmitUnit(string Namespace)
{
    /// <summary>What the unit is about, for an internal-error diagnostic.</summary>
    public abstract string Subject { get; }
}

/// <summary>A model type.</summary>
internal sealed record TypeUnit(string Namespace, TypeModel Type) : EmitUnit(Namespace)
{
    public override string Subject => Type.Pointer;
}

/// <summary>The JSON half of an object model (its own file, so the shape file holds only what a person would write).</summary>
internal sealed record ObjectJsonUnit(string Namespace, ObjectModel Type) : EmitUnit(Namespace)
{
    public override string Subject => Type.Pointer;
}

/// <summary>
/// One resource group of the client (<c>Conferences.Actions</c>) with its operations, and the request bodies among
/// them that have a <c>ThrowIfInvalid</c> to call.
/// </summary>
internal sealed record ResourceUnit(string Namespace, ResourceModel Resource, EquatableArray<string> ValidatedBodies) : EmitUnit(Namespace)
{
    public override string Subject => Resource.ClassName;
}

/// <summary>The webhook event union.</summary>
internal sealed record WebhooksUnit(string Namespace, EquatableArray<WebhookEventModel> Events) : EmitUnit(Namespace)
{
    public override string Subject => "#/webhooks";
}

/// <summary>The <c>TelnyxClient</c> entry point.</summary>
internal sealed record ClientUnit(string Namespace, EquatableArray<ResourceChild> Roots, bool HasWebhooks) : EmitUnit(Namespace)
{
    public override string Subject => "TelnyxClient";
}

/// <summary>The <c>TelnyxWebhookHandler</c> dispatcher over the event union.</summary>
internal sealed record HandlerUnit(string Namespace, EquatableArray<WebhookEventModel> Events) : EmitUnit(Namespace)
{
    public override string Subject => HandlerEmitter.ClassName;
}

/// <summary>The <c>AddTelnyxClient()</c> / <c>AddTelnyxWebhooks&lt;THandler&gt;()</c> registrations.</summary>
internal sealed record DependencyInjectionUnit(string Namespace, bool HasWebhooks) : EmitUnit(Namespace)
{
    public override string Subject => DependencyInjectionEmitter.ClassName;
}

internal enum TemplateKind
{
    AspNetCoreEndpoint,
    RedisExtensions,
    RedisStore,
}

/// <summary>A file whose text is fixed but for its namespace.</summary>
internal sealed record TemplateUnit(string Namespace, TemplateKind Kind) : EmitUnit(Namespace)
{
    public override string Subject => Kind.ToString();
}

/// <summary>A generated file.</summary>
internal sealed record GeneratedSource(string HintName, string Text);

/// <summary>Model -> text: pure functions, one per output kind.</summary>
internal static class SourceFile
{
    public static GeneratedSource Emit(EmitUnit unit)
    {
        var w = Header(unit.Namespace);
        string name;
        switch (unit)
        {
            case TypeUnit { Type: ObjectModel o }:
                ObjectEmitter.EmitShape(w, o, unit.Namespace);
                name = o.Name;
                break;
            case ObjectJsonUnit j:
                ObjectEmitter.EmitJson(w, j.Type, unit.Namespace);
                name = j.Type.Name + ".Json";
                break;
            case TypeUnit { Type: EnumModel e }:
                EnumEmitter.Emit(w, e);
                name = e.Name;
                break;
            case TypeUnit { Type: UnionModel u }:
                UnionEmitter.Emit(w, u, unit.Namespace);
                name = u.Name;
                break;
            case ResourceUnit r:
                ClientEmitter.EmitResource(w, r.Resource, r.ValidatedBodies, unit.Namespace);
                name = r.Resource.ClassName;
                break;
            case WebhooksUnit h:
                WebhookEmitter.Emit(w, h.Events, unit.Namespace);
                name = "TelnyxWebhookEvent";
                break;
            case ClientUnit c:
                ClientEmitter.EmitClient(w, c.Roots, c.HasWebhooks);
                name = "TelnyxClient";
                break;
            case HandlerUnit h:
                HandlerEmitter.Emit(w, h.Events);
                name = HandlerEmitter.ClassName;
                break;
            case DependencyInjectionUnit d:
                DependencyInjectionEmitter.Emit(w, d.HasWebhooks);
                name = DependencyInjectionEmitter.ClassName;
                break;
            case TemplateUnit { Kind: TemplateKind.AspNetCoreEndpoint }:
                AspNetCoreEmitter.Emit(w);
                name = AspNetCoreEmitter.ClassName;
                break;
            case TemplateUnit { Kind: TemplateKind.RedisExtensions }:
                RedisEmitter.EmitExtensions(w);
                name = RedisEmitter.ExtensionsClassName;
                break;
            case TemplateUnit { Kind: TemplateKind.RedisStore }:
                RedisEmitter.EmitStore(w);
                name = RedisEmitter.StoreClassName;
                break;
            default:
                throw new System.InvalidOperationException("Unknown unit " + unit.GetType().Name);
        }
        return new GeneratedSource(HintName(unit.Namespace, name), w.Finish());
    }

    public static string HintName(string ns, string name) => ns + "." + name + ".g.cs";

    public static SourceWriter Header(string ns)
    {
        var w = new SourceWriter();
        w.Line("// <auto-generated/>");
        w.Line("// Generated by Telnyx.Generator from the Telnyx OpenAPI document. Do not edit: rebuild instead.");
        w.Line("#nullable enable");
        w.Line();
        w.Line("namespace " + ns + ";");
        w.Line();
        return w;
    }
}
