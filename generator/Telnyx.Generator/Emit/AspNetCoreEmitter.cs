namespace Telnyx.Generator.Emit;

/// <summary>
/// Emits <c>app.MapTelnyxWebhooks(...)</c>, only into compilations that reference ASP.NET Core routing. The endpoint is
/// a thin shell over the runtime's <c>TelnyxWebhookReceiver</c>; its text is fixed (it names only the union, which
/// every namespace has), so it is one template here rather than code spread over the emitter.
/// </summary>
internal static class AspNetCoreEmitter
{
    public const string ClassName = "TelnyxEndpointRouteBuilderExtensions";

    /// <summary>
    /// A <c>RequestDelegate</c>, so neither the Request Delegate Generator nor reflection is involved (clean under
    /// NativeAOT). The answer bodies are fixed per status and never say why a delivery was refused: the reason is the
    /// receiver's log, not the sender's business.
    /// </summary>
    private const string Template = """
/// <summary>Maps the Telnyx webhook endpoint of this document's events.</summary>
[global::System.CodeDom.Compiler.GeneratedCode("Telnyx.Generator", "0.1.0")]
public static partial class TelnyxEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c> to the webhook receiver registered by <c>services.AddTelnyxWebhooks&lt;THandler&gt;()</c>:
    /// it reads the body under the size limit, verifies the Ed25519 signature and the timestamp window, parses the event,
    /// deduplicates it by id, calls the handler, and answers with the status Telnyx acts on (a short plain-text body, never the reason).
    /// </summary>
    /// <param name="endpoints">The route builder (the <c>WebApplication</c>).</param>
    /// <param name="pattern">The route, <c>/webhooks/telnyx</c> by default.</param>
    /// <returns>The endpoint's convention builder (for example to add a rate limiter or host filter).</returns>
    public static global::Microsoft.AspNetCore.Builder.IEndpointConventionBuilder MapTelnyxWebhooks(this global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, string pattern = "/webhooks/telnyx")
    {
        global::System.ArgumentNullException.ThrowIfNull(endpoints);
        global::System.ArgumentNullException.ThrowIfNull(pattern);
        return global::Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapPost(endpoints, pattern, (global::Microsoft.AspNetCore.Http.RequestDelegate)ReceiveAsync);
    }

    private static async global::System.Threading.Tasks.Task ReceiveAsync(global::Microsoft.AspNetCore.Http.HttpContext context)
    {
        var services = context.RequestServices;
        var receiver = global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<global::Telnyx.Runtime.TelnyxWebhookReceiver<TelnyxWebhookEvent>>(services);
        // The handler is built from the request scope only if the delivery verifies, parses and is not a duplicate.
        var dispatcher = new global::Telnyx.Runtime.Primitives.ScopedWebhookDispatcher<TelnyxWebhookEvent>(services);
        var request = context.Request;
        var headers = new global::System.Collections.Generic.Dictionary<string, string>(request.Headers.Count, global::System.StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            // StringValues.ToString() joins repeated values with ','.
            headers[header.Key] = header.Value.ToString();
        }
        var result = await receiver.ReceiveAsync(request.Body, request.ContentLength, request.ContentType, headers, dispatcher, context.RequestAborted).ConfigureAwait(false);
        var response = context.Response;
        response.StatusCode = result.StatusCode;
        response.ContentType = "text/plain; charset=utf-8";
        await global::Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(response, AnswerText(result.StatusCode), context.RequestAborted).ConfigureAwait(false);
    }

    private static string AnswerText(int statusCode) => statusCode switch
    {
        200 => "ok",
        400 => "rejected",
        409 => "in progress",
        413 => "too large",
        415 => "unsupported media type",
        503 => "unavailable",
        _ => "error",
    };
}
""";

    public static void Emit(SourceWriter w)
    {
        foreach (var line in Template.Split('\n')) w.Line(line.TrimEnd('\r'));
    }
}
