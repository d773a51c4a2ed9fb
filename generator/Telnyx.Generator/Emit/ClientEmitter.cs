using System.Collections.Generic;
using System.Linq;
using Telnyx.Generator.Helpers;
using Telnyx.Generator.Modeling;

namespace Telnyx.Generator.Emit;

/// <summary>Emits <c>TelnyxClient</c> and one class per resource group, with one async method per operation.</summary>
internal static class ClientEmitter
{
    private const string Core = "global::Telnyx.Runtime.Primitives.TelnyxHttpCore";
    private const string Request = "global::Telnyx.Runtime.Primitives.TelnyxRequest";
    private const string Options = "global::Telnyx.Runtime.RequestOptions";
    private const string ClientOptions = "global::Telnyx.Runtime.TelnyxClientOptions";
    private const string Token = "global::System.Threading.CancellationToken";
    private const string Url = "global::Telnyx.Runtime.Primitives.TelnyxUrl";

    public static void EmitClient(SourceWriter w, EquatableArray<ResourceChild> roots, bool hasWebhooks)
    {
        w.Doc("The Telnyx API client: one property per resource group, one async method per operation.");
        w.Line("/// <remarks>Thread-safe; create one and reuse it. Disposing it releases the HTTP client it created (never one you supplied).</remarks>");
        w.Line(CSharpTypes.GeneratedCode);
        using (w.Block("public sealed partial class TelnyxClient : global::System.IDisposable"))
        {
            w.Line("private readonly " + Core + " _core;");
            w.Line();
            w.DocXml("Creates a client that reads its API key from <c>TELNYX_API_KEY</c> and its base URL from <c>TELNYX_BASE_URL</c> (else the public API).");
            w.Line("public TelnyxClient()");
            w.Line("    : this(new " + ClientOptions + "())");
            w.Line("{");
            w.Line("}");
            w.Line();
            w.Doc("Creates a client with explicit options.");
            w.Line("public TelnyxClient(" + ClientOptions + " options)");
            w.Line("    : this(new " + Core + "(options ?? throw new global::System.ArgumentNullException(nameof(options))))");
            w.Line("{");
            w.Line("}");
            w.Line();
            w.Doc("Creates a client over an existing HTTP core (used by dependency injection).");
            using (w.Block("public TelnyxClient(" + Core + " core)"))
            {
                w.Line("_core = core ?? throw new global::System.ArgumentNullException(nameof(core));");
                foreach (var root in roots)
                {
                    w.Line(root.PropertyName + " = new " + root.ClassName + "(_core);");
                }
                if (hasWebhooks) w.Line("Webhooks = new TelnyxWebhooks(() => global::Telnyx.Runtime.TelnyxWebhookVerifier.FromOptions(core.Options));");
            }
            if (hasWebhooks)
            {
                w.Line();
                w.DocXml("Webhook verification and parsing, with the key from <c>TelnyxClientOptions.WebhookPublicKey</c> or <c>TELNYX_PUBLIC_KEY</c>.");
                w.Line("public TelnyxWebhooks Webhooks { get; }");
            }
            foreach (var root in roots)
            {
                w.Line();
                w.DocXml("Operations under <c>/" + Snake(root.PropertyName) + "</c>.");
                w.Line("public " + root.ClassName + " " + root.PropertyName + " { get; }");
            }
            w.Line();
            w.Doc("The HTTP core: options, and raw access for endpoints this document does not describe.");
            w.Line("public " + Core + " Core => _core;");
            w.Line();
            w.Doc("Sends a request to an endpoint the document does not describe, with the same authentication, retries and errors.");
            w.Line("/// <param name=\"method\">The HTTP method.</param>");
            w.Line("/// <param name=\"path\">The path relative to the base URL, starting with <c>/</c>; escape parameters with <see cref=\"global::Telnyx.Runtime.Primitives.TelnyxUrl.EscapePathSegment(string, string)\"/>.</param>");
            w.Line("/// <param name=\"jsonBody\">The UTF-8 JSON body, or null for none.</param>");
            w.Line("/// <param name=\"options\">Per-request overrides.</param>");
            w.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
            w.Line("public global::System.Threading.Tasks.Task<global::Telnyx.Runtime.TelnyxRawResponse> SendRawAsync(global::System.Net.Http.HttpMethod method, string path, global::System.ReadOnlyMemory<byte>? jsonBody = null, " + Options + "? options = null, " + Token + " cancellationToken = default)");
            w.Line("    => _core.SendRawAsync(method, path, jsonBody, options, cancellationToken);");
            w.Line();
            w.Line("/// <inheritdoc />");
            w.Line("public void Dispose() => _core.Dispose();");
        }
    }

    public static void EmitResource(SourceWriter w, ResourceModel resource, EquatableArray<string> validatedBodies, string ns)
    {
        foreach (var op in resource.Operations)
        {
            if (op.QueryTypeName is not null)
            {
                EmitQueryParameters(w, op, ns);
                w.Line();
            }
        }

        w.DocXml("Operations under <c>" + string.Join("/", resource.Path.Select(Snake)) + "</c>.");
        w.Line(CSharpTypes.GeneratedCode);
        using (w.Block("public sealed partial class " + resource.ClassName))
        {
            w.Line("private readonly " + Core + " _core;");
            w.Line();
            using (w.Block("internal " + resource.ClassName + "(" + Core + " core)"))
            {
                w.Line("_core = core;");
                foreach (var child in resource.Children)
                {
                    w.Line(child.PropertyName + " = new " + child.ClassName + "(core);");
                }
            }
            foreach (var child in resource.Children)
            {
                w.Line();
                w.DocXml("Operations under <c>" + Snake(child.PropertyName) + "</c>.");
                w.Line("public " + child.ClassName + " " + child.PropertyName + " { get; }");
            }
            foreach (var op in resource.Operations)
            {
                w.Line();
                EmitOperation(w, op, validatedBodies, ns);
            }
        }
    }

    private static void EmitOperation(SourceWriter w, OperationModel op, EquatableArray<string> validatedBodies, string ns)
    {
        var summary = op.Summary ?? op.OperationId;
        w.Doc(summary);
        // One <remarks>: the spec's description (when it says more than the summary), then the route.
        var route = "<c>" + op.HttpMethod + " " + SourceWriter.EscapeXml(op.Path) + "</c> (operation <c>" + SourceWriter.EscapeXml(op.OperationId) + "</c>).";
        if (!string.IsNullOrWhiteSpace(op.Description) && op.Description != op.Summary)
        {
            w.Line("/// <remarks>");
            w.DocLines(op.Description!);
            w.Line("/// <para>" + route + "</para>");
            w.Line("/// </remarks>");
        }
        else
        {
            w.Line("/// <remarks>" + route + "</remarks>");
        }
        foreach (var p in op.PathParameters)
        {
            w.Line("/// <param name=\"" + p.Name.TrimStart('@') + "\">" + SourceWriter.Prose(OneLine(p.Doc ?? "The " + p.JsonName + " path parameter.")) + "</param>");
        }
        var hasBody = op.Body is not null;
        var hasQuery = op.QueryTypeName is not null;
        if (hasBody) w.Line("/// <param name=\"request\">The request body.</param>");
        var hasRawBody = op.RawBodyMediaType is not null;
        if (hasRawBody)
        {
            w.Line("/// <param name=\"body\">The encoded request body (the document describes it as <c>" + SourceWriter.EscapeXml(op.RawBodyMediaType!) + "</c>, not JSON).</param>");
            w.Line("/// <param name=\"contentType\">The body's full <c>Content-Type</c>, including any multipart boundary.</param>");
        }
        if (hasQuery) w.Line("/// <param name=\"parameters\">Query parameters" + (op.ResponseShape == ResponseShape.Paged ? " and the page size" : "") + ".</param>");
        w.Line("/// <param name=\"options\">Per-request overrides: retries, timeout, extra headers, query parameters and body fields.</param>");
        w.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");

        var args = new List<string>();
        foreach (var p in op.PathParameters) args.Add("string " + p.Name);
        var bodyType = hasBody ? CSharpTypes.Name(op.Body!, ns) : null;
        var bodyOptional = hasBody && (!op.BodyIsRequired || op.BodyCanBeEmpty);
        if (hasBody) args.Add(bodyType + (bodyOptional ? "? request = null" : " request"));
        if (hasRawBody)
        {
            args.Add("global::System.ReadOnlyMemory<byte> body");
            args.Add("string contentType = " + SourceWriter.Literal(op.RawBodyMediaType!));
        }
        if (hasQuery) args.Add(op.QueryTypeName + "? parameters = null");
        args.Add(Options + "? options = null");
        args.Add(Token + " cancellationToken = default");

        string returnType;
        switch (op.ResponseShape)
        {
            case ResponseShape.Paged:
                returnType = "global::Telnyx.Runtime.TelnyxPager<" + CSharpTypes.Name(op.ResponseType!, ns) + ">";
                break;
            case ResponseShape.None:
                returnType = "global::System.Threading.Tasks.Task";
                break;
            case ResponseShape.Raw:
                returnType = "global::System.Threading.Tasks.Task<global::Telnyx.Runtime.TelnyxRawResponse>";
                break;
            default:
                returnType = "global::System.Threading.Tasks.Task<" + CSharpTypes.Name(op.ResponseType!, ns) + ">";
                break;
        }

        w.Line("[global::Telnyx.Runtime.Primitives.TelnyxOperation(" + SourceWriter.Literal(op.OperationId) + ", " + SourceWriter.Literal(op.HttpMethod) + ", " + SourceWriter.Literal(op.Path) + ")]");
        using (w.Block("public " + returnType + " " + op.MethodName + "Async(" + string.Join(", ", args) + ")"))
        {
            var path = PathExpression(op);
            // The operation id and route template name the call's trace span and metrics (literals: nothing allocated).
            var operation = SourceWriter.Literal(op.OperationId) + ", " + SourceWriter.Literal(op.Path);
            if (hasBody)
            {
                if (!bodyOptional && !op.Body!.IsValueType) w.Line("global::System.ArgumentNullException.ThrowIfNull(request);");
                // A body the spec requires is always sent, even when the caller has nothing to put in it.
                var alwaysSend = op.HasCommandId || op.BodyIsRequired;
                if (bodyOptional && alwaysSend && op.Body!.Kind == TypeKind.Object) w.Line("request ??= new " + bodyType + "();");
                if (op.HasCommandId)
                {
                    // One command_id per call, reused by every retry, so a retried command never runs twice.
                    w.Line("if (string.IsNullOrEmpty(request.CommandId)) request = request with { CommandId = global::System.Guid.NewGuid().ToString() };");
                }
                if (op.Body!.Kind == TypeKind.Object && validatedBodies.AsImmutableArray().Contains(op.Body.Name!)) w.Line("request" + (bodyOptional && !alwaysSend ? "?" : "") + ".ThrowIfInvalid(nameof(request));");
            }

            if (op.ResponseShape == ResponseShape.Paged)
            {
                w.Line("var path = " + path + ";");
                w.Line("return new global::Telnyx.Runtime.TelnyxPager<" + CSharpTypes.Name(op.ResponseType!, ns) + ">(");
                w.Indent();
                w.Line("_core,");
                w.Line("(pageNumber, pageSize) =>");
                w.Line("{");
                w.Indent();
                w.Line("var message = new " + Request + "(global::System.Net.Http.HttpMethod.Get, path, " + operation + ");");
                if (hasQuery) w.Line("parameters?.AddTo(message);");
                w.Line("message.AddQuery(\"page[number]\", pageNumber);");
                w.Line("message.AddQuery(\"page[size]\", pageSize);");
                w.Line("return message;");
                w.Unindent();
                w.Line("},");
                w.Line(ReaderLambda(op.ResponseType!, ns) + ",");
                w.Line("parameters?.PageSize,");
                w.Line("options,");
                w.Line("cancellationToken);");
                w.Unindent();
                return;
            }

            w.Line("var message = new " + Request + "(" + HttpMethod(op.HttpMethod) + ", " + path + ", " + operation + ");");
            if (op.HasCommandId) w.Line("message.CommandId = request.CommandId;");
            if (hasQuery) w.Line("parameters?.AddTo(message);");
            if (hasBody)
            {
                var isModel = op.Body!.Kind is TypeKind.Object or TypeKind.Union or TypeKind.Enum;
                var guard = bodyOptional && !(op.HasCommandId || op.BodyIsRequired) ? "if (request is not null) " : "";
                if (isModel)
                {
                    w.Line(guard + "message.SetJsonBody(request);");
                }
                else
                {
                    using (w.Block(guard.Length > 0 ? "if (request is not null)" : "// The body is written directly."))
                    {
                        w.Line("var buffer = new global::System.Buffers.ArrayBufferWriter<byte>();");
                        using (w.Block("using (var writer = new " + CSharpTypes.Writer + "(buffer))"))
                        {
                            CSharpTypes.WriteValue(w, op.Body!, ns, op.Body!.IsValueType && bodyOptional ? "request.Value" : "request");
                        }
                        w.Line("message.SetJsonBody(buffer.WrittenSpan);");
                    }
                }
            }
            if (hasRawBody) w.Line("message.SetBody(body.Span, contentType);");
            switch (op.ResponseShape)
            {
                case ResponseShape.None:
                    w.Line("return _core.SendNoContentAsync(message, options, cancellationToken);");
                    break;
                case ResponseShape.Raw:
                    w.Line("return _core.SendRawAsync(message, options, cancellationToken);");
                    break;
                case ResponseShape.DataEnvelope:
                    w.Line("return _core.SendForDataAsync(message, " + ReaderLambda(op.ResponseType!, ns) + ", options, cancellationToken);");
                    break;
                default:
                    w.Line("return _core.SendAsync(message, " + ReaderLambda(op.ResponseType!, ns) + ", options, cancellationToken);");
                    break;
            }
        }
    }

    /// <summary>A cached static lambda that reads one value, failing with a JsonException when the JSON does not fit.</summary>
    private static string ReaderLambda(TypeRef type, string ns)
    {
        var name = CSharpTypes.Name(type, ns);
        if (type.Kind == TypeKind.Object)
        {
            // A runtime method group, not a lambda: one less method body per operation for the compiler and analyzers.
            return CSharpTypes.JsonRead + ".Model<" + name + ">";
        }
        return "static (ref " + CSharpTypes.Reader + " reader) => " + CSharpTypes.TryRead(type, ns, "var value") + " ? value : throw " + CSharpTypes.JsonRead + ".Unexpected(ref reader, " + SourceWriter.Literal(name.Replace("global::", "")) + ")";
    }

    private static string PathExpression(OperationModel op)
    {
        var parts = new List<string>();
        var path = op.Path;
        var last = 0;
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] != '{') continue;
            var end = path.IndexOf('}', i);
            if (end < 0) break;
            var name = path.Substring(i + 1, end - i - 1);
            var parameter = op.PathParameters.FirstOrDefault(p => p.JsonName == name);
            if (parameter is null) continue;
            if (i > last) parts.Add(SourceWriter.Literal(path.Substring(last, i - last)));
            // nameof(@class) is "class"; nameof(class) does not parse.
            parts.Add(Url + ".EscapePathSegment(" + parameter.Name + ", nameof(" + parameter.Name + "))");
            last = end + 1;
            i = end;
        }
        if (last < path.Length) parts.Add(SourceWriter.Literal(path.Substring(last)));
        return parts.Count == 0 ? "\"/\"" : string.Join(" + ", parts);
    }

    private static string HttpMethod(string method) => method switch
    {
        "GET" => "global::System.Net.Http.HttpMethod.Get",
        "POST" => "global::System.Net.Http.HttpMethod.Post",
        "PUT" => "global::System.Net.Http.HttpMethod.Put",
        "PATCH" => "global::System.Net.Http.HttpMethod.Patch",
        "DELETE" => "global::System.Net.Http.HttpMethod.Delete",
        _ => "new global::System.Net.Http.HttpMethod(" + SourceWriter.Literal(method) + ")",
    };

    private static void EmitQueryParameters(SourceWriter w, OperationModel op, string ns)
    {
        w.DocXml("Query parameters of <c>" + op.HttpMethod + " " + SourceWriter.EscapeXml(op.Path) + "</c>.");
        w.Line(CSharpTypes.GeneratedCode);
        using (w.Block("public sealed partial record " + op.QueryTypeName))
        {
            foreach (var p in op.QueryParameters)
            {
                w.Doc(p.Doc ?? p.JsonName);
                w.Line("public " + CSharpTypes.Name(p.Type, ns) + "? " + p.Name + " { get; init; }");
                w.Line();
            }
            if (op.ResponseShape == ResponseShape.Paged)
            {
                w.DocXml("Items per page, 1 to 250 (<c>page[size]</c>); the server's default when null. Every page is fetched as it is enumerated.");
                w.Line("public int? PageSize { get; init; }");
                w.Line();
            }
            using (w.Block("internal void AddTo(" + Request + " message)"))
            {
                foreach (var p in op.QueryParameters)
                {
                    var name = SourceWriter.Literal(p.JsonName);
                    switch (p.Type.Kind)
                    {
                        case TypeKind.String:
                        case TypeKind.Int64:
                        case TypeKind.Boolean:
                        case TypeKind.Double:
                            w.Line("message.AddQuery(" + name + ", " + p.Name + ");");
                            break;
                        case TypeKind.Int32:
                            w.Line("message.AddQuery(" + name + ", (long?)" + p.Name + ");");
                            break;
                        case TypeKind.Enum:
                            w.Line("message.AddQuery(" + name + ", " + p.Name + "?.Value);");
                            break;
                        case TypeKind.DateTimeOffset:
                            w.Line("message.AddQuery(" + name + ", " + p.Name + "?.ToString(\"O\", global::System.Globalization.CultureInfo.InvariantCulture));");
                            break;
                        case TypeKind.Array when p.Type.Element!.Kind is TypeKind.String:
                            w.Line("message.AddQuery(" + name + ", " + p.Name + ");");
                            break;
                        case TypeKind.Array when p.Type.Element!.Kind is not (TypeKind.Object or TypeKind.Union or TypeKind.Array or TypeKind.Map or TypeKind.Json):
                            w.Line("global::Telnyx.Runtime.Primitives.DeepObjectQuery.AddValues(message, " + name + ", " + p.Name + ");");
                            break;
                        case TypeKind.Object:
                        case TypeKind.Union:
                        case TypeKind.Json:
                        case TypeKind.Map:
                        case TypeKind.Array:
                            // deepObject: name[key]=value (nested keys bracketed); other styles: the value's JSON text.
                            w.Line("global::Telnyx.Runtime.Primitives.DeepObjectQuery." + (p.Style == "deepObject" ? "Add" : "AddJson") + "(message, " + name + ", " + p.Name + ");");
                            break;
                    }
                }
            }
        }
    }

    private static string OneLine(string text) => string.Join(" ", text.Split(new[] { '\n', '\r' }, System.StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));

    private static string Snake(string pascal)
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(pascal[i]));
        }
        return sb.ToString();
    }
}
