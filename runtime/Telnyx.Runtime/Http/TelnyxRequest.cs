using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;

namespace Telnyx.Runtime.Primitives;

/// <summary>
/// One API call before it is sent: method, path, query, extra headers and an optional JSON body that is
/// serialized once, so every retry sends identical bytes.
/// </summary>
public sealed class TelnyxRequest
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private const int MaxCachedBufferSize = 64 * 1024;
    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true };

    private List<QueryParameter>? _query;
    private List<KeyValuePair<string, string>>? _headers;

    /// <summary>Creates a request.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">
    /// The path relative to the base URL, starting with <c>/</c>, whose parameters are already escaped with
    /// <see cref="TelnyxUrl.EscapePathSegment(string, string)"/>. It may carry a query (<c>/x?a=1</c>).
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="path"/> does not start with <c>/</c>.</exception>
    public TelnyxRequest(HttpMethod method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0 || path[0] != '/')
        {
            throw new ArgumentException("The request path must start with '/'.", nameof(path));
        }
        Method = method;
        Path = path;
    }

    /// <summary>Creates the request of a documented operation, which names its trace span and metrics.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The escaped path, as for <see cref="TelnyxRequest(HttpMethod, string)"/>.</param>
    /// <param name="operationId">The document's operation id, for example <c>CreateConference</c>.</param>
    /// <param name="routeTemplate">The path as the document writes it, for example <c>/conferences/{id}/actions/join</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> does not start with <c>/</c>.</exception>
    public TelnyxRequest(HttpMethod method, string path, string operationId, string routeTemplate)
        : this(method, path)
    {
        ArgumentNullException.ThrowIfNull(operationId);
        ArgumentNullException.ThrowIfNull(routeTemplate);
        OperationId = operationId;
        RouteTemplate = routeTemplate;
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The escaped path relative to the base URL.</summary>
    public string Path { get; }

    /// <summary>The document's operation id, or null for a request the document does not describe.</summary>
    public string? OperationId { get; }

    /// <summary>The route template (<c>/conferences/{id}</c>), or null for a request the document does not describe.</summary>
    public string? RouteTemplate { get; }

    /// <summary>
    /// The <c>command_id</c> the body carries, for call-control commands; reported on the trace span only (the body
    /// is what the server reads).
    /// </summary>
    public string? CommandId { get; set; }

    /// <summary>The page number a pager requested with this request; null outside a pager.</summary>
    internal int? PageNumber { get; set; }

    /// <summary>The serialized JSON body, or null when the request has none.</summary>
    public ReadOnlyMemory<byte>? Body => BodyBytes is null ? null : new ReadOnlyMemory<byte>(BodyBytes);

    internal byte[]? BodyBytes { get; private set; }

    internal List<QueryParameter>? Query => _query;

    internal List<KeyValuePair<string, string>>? Headers => _headers;

    /// <summary>
    /// Adds a query parameter; null skips it. The name is escaped keeping <c>[</c> and <c>]</c> literal (for
    /// example <c>page[number]=2</c>), the value is fully escaped.
    /// </summary>
    /// <param name="name">The parameter name, unescaped.</param>
    /// <param name="value">The value, unescaped; null adds nothing.</param>
    public void AddQuery(string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (value is null)
        {
            return;
        }
        (_query ??= new List<QueryParameter>(4)).Add(new QueryParameter(name, value, false));
    }

    /// <summary>Adds an integer query parameter (invariant culture); null skips it.</summary>
    /// <param name="name">The parameter name, unescaped.</param>
    /// <param name="value">The value; null adds nothing.</param>
    public void AddQuery(string name, long? value)
    {
        if (value is long v)
        {
            AddQuery(name, v.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Adds a number query parameter (invariant culture, round-trippable); null skips it.</summary>
    /// <param name="name">The parameter name, unescaped.</param>
    /// <param name="value">The value; null adds nothing.</param>
    public void AddQuery(string name, double? value)
    {
        if (value is double v)
        {
            AddQuery(name, v.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Adds a boolean query parameter as lowercase <c>true</c>/<c>false</c>; null skips it.</summary>
    /// <param name="name">The parameter name, unescaped.</param>
    /// <param name="value">The value; null adds nothing.</param>
    public void AddQuery(string name, bool? value)
    {
        if (value is bool v)
        {
            AddQuery(name, v ? "true" : "false");
        }
    }

    /// <summary>
    /// Adds an array query parameter. With <paramref name="explode"/> (OpenAPI's default for query arrays) each
    /// item is its own <c>name=item</c> pair; otherwise one <c>name=a,b,c</c> pair is added (items escaped, commas
    /// literal). Null or empty adds nothing; null items are skipped.
    /// </summary>
    /// <param name="name">The parameter name, unescaped.</param>
    /// <param name="values">The items, unescaped.</param>
    /// <param name="explode">Whether to repeat the name per item.</param>
    public void AddQuery(string name, IEnumerable<string?>? values, bool explode = true)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (values is null)
        {
            return;
        }
        if (explode)
        {
            foreach (var item in values)
            {
                AddQuery(name, item);
            }
            return;
        }
        var joined = new System.Text.StringBuilder();
        foreach (var item in values)
        {
            if (item is null)
            {
                continue;
            }
            if (joined.Length > 0)
            {
                joined.Append(',');
            }
            joined.Append(Uri.EscapeDataString(item));
        }
        if (joined.Length > 0)
        {
            (_query ??= new List<QueryParameter>(4)).Add(new QueryParameter(name, joined.ToString(), true));
        }
    }

    /// <summary>Adds a request header (for header parameters); null skips it.</summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The value; null adds nothing.</param>
    public void AddHeader(string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (value is null)
        {
            return;
        }
        (_headers ??= new List<KeyValuePair<string, string>>(2)).Add(new KeyValuePair<string, string>(name, value));
    }

    /// <summary>
    /// Serializes <paramref name="body"/> now, once, as the JSON request body (sent with
    /// <c>Content-Type: application/json</c>); every attempt sends these bytes.
    /// </summary>
    /// <typeparam name="T">The generated model type.</typeparam>
    /// <param name="body">The body model.</param>
    public void SetJsonBody<T>(T body) where T : ITelnyxJsonModel<T>
    {
        ArgumentNullException.ThrowIfNull(body);
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = t_writer;
        if (writer is null)
        {
            writer = t_writer = new Utf8JsonWriter(buffer, WriterOptions);
        }
        else
        {
            writer.Reset(buffer);
        }
        // Detach while in use, so a (pathological) re-entrant call cannot share the buffer.
        t_buffer = null;
        t_writer = null;
        try
        {
            body.WriteJson(writer);
            writer.Flush();
            BodyBytes = buffer.WrittenSpan.ToArray();
        }
        finally
        {
            writer.Reset();
            if (buffer.Capacity <= MaxCachedBufferSize)
            {
                t_buffer = buffer;
                t_writer = writer;
            }
            else
            {
                writer.Dispose();
            }
        }
    }

    /// <summary>Sets an already serialized JSON body; the bytes are copied.</summary>
    /// <param name="utf8Json">The UTF-8 JSON body.</param>
    public void SetJsonBody(ReadOnlySpan<byte> utf8Json)
    {
        BodyBytes = utf8Json.ToArray();
        ContentType = null;
    }

    /// <summary>
    /// Sets a body of any media type (for operations whose document body is not JSON, such as
    /// <c>multipart/form-data</c> uploads): the bytes are copied once and every attempt sends them.
    /// </summary>
    /// <param name="body">The encoded body.</param>
    /// <param name="contentType">The full <c>Content-Type</c> value, including any boundary or charset.</param>
    public void SetBody(ReadOnlySpan<byte> body, string contentType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        BodyBytes = body.ToArray();
        ContentType = contentType;
    }

    /// <summary>The body's media type when it is not JSON; null for JSON bodies.</summary>
    public string? ContentType { get; private set; }

    internal void SetJsonBodyNoCopy(byte[] utf8Json) => BodyBytes = utf8Json;
}

/// <summary>A query parameter; <paramref name="ValueEscaped"/> marks a value that is already escaped.</summary>
internal readonly record struct QueryParameter(string Name, string Value, bool ValueEscaped);
