using System;
using System.Buffers;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Telnyx.Runtime.Primitives;

/// <summary>
/// Turns a <see cref="TelnyxRequest"/> plus per-call options into an <see cref="HttpRequestMessage"/>: URL and query,
/// authorization and default headers, body and extra body properties. One per core; thread-safe.
/// </summary>
internal sealed class HttpRequestFactory
{
    private const string JsonMediaType = "application/json";

    private static readonly UriCreationOptions s_uriOptions = new() { DangerousDisablePathAndQueryCanonicalization = true };
    private static readonly JsonWriterOptions s_mergeWriterOptions = new() { SkipValidation = true };
    private static readonly HashSet<string> s_contentHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Allow", "Content-Disposition", "Content-Encoding", "Content-Language", "Content-Length",
        "Content-Location", "Content-MD5", "Content-Range", "Content-Type", "Expires", "Last-Modified",
    };

    private readonly string _baseUrl;
    private readonly string? _authorization;

    public HttpRequestFactory(string baseUrl, string? authorization)
    {
        _baseUrl = baseUrl;
        _authorization = authorization;
    }

    private const int MaxCachedUris = 256;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Uri> _uriCache = new(StringComparer.Ordinal);

    public Uri BuildUri(TelnyxRequest request, Dictionary<string, string>? extraQuery)
    {
        var query = request.Query;
        if (query is null && extraQuery is null)
        {
            // Collection paths (/conferences, /queues) repeat on every call: reuse their Uri. The cache is per client
            // and bounded, so item paths full of ids cannot grow it without limit.
            if (_uriCache.TryGetValue(request.Path, out var cached))
            {
                return cached;
            }
            var uri = new Uri(string.Concat(_baseUrl, request.Path), in s_uriOptions);
            if (_uriCache.Count < MaxCachedUris)
            {
                _uriCache.TryAdd(request.Path, uri);
            }
            return uri;
        }
        var sb = new StringBuilder(_baseUrl.Length + request.Path.Length + 64);
        sb.Append(_baseUrl).Append(request.Path);
        char separator = request.Path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        if (query is not null)
        {
            foreach (var parameter in query)
            {
                if (extraQuery is not null && extraQuery.ContainsKey(parameter.Name))
                {
                    continue;
                }
                sb.Append(separator).Append(TelnyxUrl.EscapeQueryName(parameter.Name)).Append('=')
                  .Append(parameter.ValueEscaped ? parameter.Value : TelnyxUrl.EscapeQueryValue(parameter.Value));
                separator = '&';
            }
        }
        if (extraQuery is not null)
        {
            foreach (var pair in extraQuery)
            {
                sb.Append(separator).Append(TelnyxUrl.EscapeQueryName(pair.Key)).Append('=').Append(TelnyxUrl.EscapeQueryValue(pair.Value ?? string.Empty));
                separator = '&';
            }
        }
        return new Uri(sb.ToString(), in s_uriOptions);
    }

    public HttpRequestMessage BuildMessage(TelnyxRequest request, Uri uri, byte[]? body, Dictionary<string, string>? extraHeaders)
    {
        var message = new HttpRequestMessage(request.Method, uri);
        var headers = message.Headers;
        headers.TryAddWithoutValidation("Authorization", _authorization);
        headers.TryAddWithoutValidation("Accept", JsonMediaType);
        headers.TryAddWithoutValidation("User-Agent", TelnyxHttpCore.UserAgent);
        if (body is not null)
        {
            var content = new ByteArrayContent(body);
            content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType ?? JsonMediaType);
            message.Content = content;
        }
        if (request.Headers is { } requestHeaders)
        {
            foreach (var pair in requestHeaders)
            {
                SetHeader(message, pair.Key, pair.Value);
            }
        }
        if (extraHeaders is not null)
        {
            foreach (var pair in extraHeaders)
            {
                SetHeader(message, pair.Key, pair.Value);
            }
        }
        return message;
    }

    private static void SetHeader(HttpRequestMessage message, string name, string value)
    {
        if (s_contentHeaders.Contains(name))
        {
            if (message.Content is { } content)
            {
                content.Headers.Remove(name);
                content.Headers.TryAddWithoutValidation(name, value);
            }
            return;
        }
        message.Headers.Remove(name);
        message.Headers.TryAddWithoutValidation(name, value);
    }

    /// <summary>
    /// Rewrites a JSON object body with <paramref name="extra"/> merged in: the body's own properties first (those
    /// named in <paramref name="extra"/> dropped), then every extra property. No body means an object of the extras.
    /// </summary>
    internal static byte[] MergeBody(byte[]? body, Dictionary<string, JsonNode?> extra)
    {
        var buffer = new ArrayBufferWriter<byte>((body?.Length ?? 0) + 256);
        using (var writer = new Utf8JsonWriter(buffer, s_mergeWriterOptions))
        {
            writer.WriteStartObject();
            if (body is { Length: > 0 })
            {
                var reader = new Utf8JsonReader(body, TelnyxJson.DefaultReaderOptions);
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new InvalidOperationException("RequestOptions.ExtraBodyProperties can only be merged into a JSON object body.");
                }
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    string name = reader.GetString()!;
                    reader.Read();
                    if (extra.ContainsKey(name))
                    {
                        reader.Skip();
                        continue;
                    }
                    int start = checked((int)reader.TokenStartIndex);
                    reader.Skip();
                    int end = checked((int)reader.BytesConsumed);
                    writer.WritePropertyName(name);
                    writer.WriteRawValue(body.AsSpan(start, end - start), skipInputValidation: true);
                }
            }
            foreach (var pair in extra)
            {
                writer.WritePropertyName(pair.Key);
                if (pair.Value is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    pair.Value.WriteTo(writer);
                }
            }
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
