namespace Telnyx.Generator.Emit;

/// <summary>
/// Emits <c>TelnyxClientServiceCollectionExtensions</c>: <c>services.AddTelnyxClient()</c> without a lambda, and
/// <c>services.AddTelnyxWebhooks&lt;THandler&gt;()</c> when the document has webhooks. Both call the runtime's generic
/// registrations with this document's client, event union and parser.
/// </summary>
internal static class DependencyInjectionEmitter
{
    public const string ClassName = ClientName + "ServiceCollectionExtensions";

    private const string ClientName = "TelnyxClient";
    private const string Services = "global::Microsoft.Extensions.DependencyInjection.IServiceCollection";
    private const string HttpClientBuilder = "global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder";
    private const string Configuration = "global::Microsoft.Extensions.Configuration.IConfiguration";
    private const string Core = "global::Telnyx.Runtime.Primitives.TelnyxHttpCore";
    private const string ClientOptions = "global::Telnyx.Runtime.TelnyxClientOptions";
    private const string ReceiverOptions = "global::Telnyx.Runtime.TelnyxWebhookReceiverOptions";
    private const string Registrations = "global::Telnyx.Runtime.TelnyxServiceCollectionExtensions";
    private const string WebhookRegistrations = "global::Telnyx.Runtime.TelnyxWebhookServiceCollectionExtensions";
    private const string WebhooksBuilder = "global::Telnyx.Runtime.TelnyxWebhooksBuilder";

    public static void Emit(SourceWriter w, bool hasWebhooks)
    {
        w.DocXml("Registers this document's <see cref=\"" + ClientName + "\"/>" + (hasWebhooks ? " and webhook receiver" : "") + " with dependency injection.");
        w.Line(CSharpTypes.GeneratedCode);
        using (w.Block("public static partial class " + ClassName))
        {
            w.DocXml("Registers <see cref=\"" + ClientName + "\"/> as a typed client of <c>IHttpClientFactory</c>, with <see cref=\"" + ClientOptions + "\"/>\n"
                + "bound from the <c>Telnyx</c> configuration section (when an <c>IConfiguration</c> is registered), validated at start-up, then <paramref name=\"configure\"/>.");
            w.Line("/// <param name=\"services\">The service collection.</param>");
            w.Line("/// <param name=\"configure\">Adjusts the options after configuration binding.</param>");
            w.Line("/// <returns>The builder of the underlying HTTP client, to add handlers (then call <c>DisableTelnyxBuiltInRetries()</c> when one of them retries).</returns>");
            w.Line("public static " + HttpClientBuilder + " AddTelnyxClient(this " + Services + " services, global::System.Action<" + ClientOptions + ">? configure = null)");
            w.Line("    => " + Registrations + ".AddTelnyxClient<" + ClientName + ">(services, static core => new " + ClientName + "(core), configure);");
            w.Line();
            w.DocXml("Registers <see cref=\"" + ClientName + "\"/> like <see cref=\"AddTelnyxClient(" + Services + ", global::System.Action{" + ClientOptions + "}?)\"/>,\n"
                + "with the options bound from <paramref name=\"configuration\"/> (a section such as <c>configuration.GetSection(\"Telnyx\")</c>).");
            w.Line("/// <param name=\"services\">The service collection.</param>");
            w.Line("/// <param name=\"configuration\">The section holding <c>ApiKey</c>, <c>BaseUrl</c>, <c>Timeout</c>, <c>MaxRetries</c>, ...</param>");
            w.Line("/// <param name=\"configure\">Adjusts the options after configuration binding.</param>");
            w.Line("/// <returns>The builder of the underlying HTTP client.</returns>");
            w.Line("public static " + HttpClientBuilder + " AddTelnyxClient(this " + Services + " services, " + Configuration + " configuration, global::System.Action<" + ClientOptions + ">? configure = null)");
            w.Line("    => " + Registrations + ".AddTelnyxClient<" + ClientName + ">(services, configuration, static core => new " + ClientName + "(core), configure);");
            // With a factory, as the runtime's generic overloads take it. Without these, code inside this namespace, which
            // finds the overloads above before any using directive, would bind core => new TelnyxClient(core) to the
            // options callback (TelnyxClient has a constructor taking the options); elsewhere, non-generic wins the tie.
            w.Line();
            w.DocXml("Registers the client that <paramref name=\"create\"/> makes around the HTTP core, like the runtime's generic <c>AddTelnyxClient</c>.");
            w.Line("/// <param name=\"services\">The service collection.</param>");
            w.Line("/// <param name=\"create\">Creates the client around a core, e.g. <c>core =&gt; new " + ClientName + "(core)</c>.</param>");
            w.Line("/// <param name=\"configure\">Adjusts the options after configuration binding.</param>");
            w.Line("/// <returns>The builder of the underlying HTTP client.</returns>");
            w.Line("public static " + HttpClientBuilder + " AddTelnyxClient(this " + Services + " services, global::System.Func<" + Core + ", " + ClientName + "> create, global::System.Action<" + ClientOptions + ">? configure = null)");
            w.Line("    => " + Registrations + ".AddTelnyxClient<" + ClientName + ">(services, create, configure);");
            w.Line();
            w.DocXml("Registers the client that <paramref name=\"create\"/> makes, with the options bound from <paramref name=\"configuration\"/>.");
            w.Line("/// <param name=\"services\">The service collection.</param>");
            w.Line("/// <param name=\"configuration\">The section holding <c>ApiKey</c>, <c>BaseUrl</c>, <c>Timeout</c>, <c>MaxRetries</c>, ...</param>");
            w.Line("/// <param name=\"create\">Creates the client around a core.</param>");
            w.Line("/// <param name=\"configure\">Adjusts the options after configuration binding.</param>");
            w.Line("/// <returns>The builder of the underlying HTTP client.</returns>");
            w.Line("public static " + HttpClientBuilder + " AddTelnyxClient(this " + Services + " services, " + Configuration + " configuration, global::System.Func<" + Core + ", " + ClientName + "> create, global::System.Action<" + ClientOptions + ">? configure = null)");
            w.Line("    => " + Registrations + ".AddTelnyxClient<" + ClientName + ">(services, configuration, create, configure);");
            if (!hasWebhooks) return;
            w.Line();
            w.DocXml("Registers the webhook receiver for this document's events, with <typeparamref name=\"THandler\"/> as the scoped handler\n"
                + "and deduplication by event id (on <c>IDistributedCache</c> unless another store is chosen on the returned builder).\n"
                + "Map the endpoint with <c>app.MapTelnyxWebhooks(\"/webhooks/telnyx\")</c> (ASP.NET Core).");
            w.Line("/// <typeparam name=\"THandler\">The handler: a <see cref=\"" + HandlerEmitter.ClassName + "\"/> overriding the methods of the events it needs.</typeparam>");
            w.Line("/// <param name=\"services\">The service collection.</param>");
            w.Line("/// <param name=\"configure\">Adjusts the receiver options (public key, body limit, deduplication window, handler timeout) after configuration binding.</param>");
            w.Line("/// <returns>A builder to choose another deduplication store.</returns>");
            // The runtime creates the handler through the container, which needs its constructors kept under trimming.
            w.Line("public static " + WebhooksBuilder + " AddTelnyxWebhooks<[global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(this " + Services + " services, global::System.Action<" + ReceiverOptions + ">? configure = null)");
            w.Line("    where THandler : " + HandlerEmitter.ClassName);
            w.Line("    => " + WebhookRegistrations + ".AddTelnyxWebhookReceiver<TelnyxWebhookEvent, THandler>(services, TelnyxWebhookEvent.ParseUnverified, configure);");
        }
    }
}
