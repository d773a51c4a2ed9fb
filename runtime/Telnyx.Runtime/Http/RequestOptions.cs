using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace Telnyx.Runtime;

/// <summary>Per-call overrides and additions; every member is optional.</summary>
public sealed class RequestOptions
{
    private Dictionary<string, string>? _extraHeaders;
    private Dictionary<string, string>? _extraQuery;
    private Dictionary<string, JsonNode?>? _extraBody;

    /// <summary>Overrides <see cref="TelnyxRetryPolicy.MaxRetries"/> of <see cref="TelnyxClientOptions.Retry"/> for this call (0 disables retries).</summary>
    public int? MaxRetries { get; set; }

    /// <summary>Overrides <see cref="TelnyxClientOptions.Timeout"/> (per attempt) for this call.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>
    /// Headers added to every attempt of this call (names case-insensitive). A header of the same name set by the
    /// client (for example <c>User-Agent</c> or <c>Accept</c>) is replaced.
    /// </summary>
    public IDictionary<string, string> ExtraHeaders => _extraHeaders ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Query parameters appended to the URL (names case-sensitive). A parameter of the same name that the request
    /// already has is replaced.
    /// </summary>
    public IDictionary<string, string> ExtraQueryParameters => _extraQuery ??= new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Properties merged into the top-level JSON object body: written after the model's own properties, replacing
    /// a property of the same name. When the request has no body, the body becomes an object of just these.
    /// A null value writes JSON <c>null</c>.
    /// </summary>
    public IDictionary<string, JsonNode?> ExtraBodyProperties => _extraBody ??= new Dictionary<string, JsonNode?>(StringComparer.Ordinal);

    internal Dictionary<string, string>? ExtraHeadersOrNull => _extraHeaders is { Count: > 0 } ? _extraHeaders : null;

    internal Dictionary<string, string>? ExtraQueryOrNull => _extraQuery is { Count: > 0 } ? _extraQuery : null;

    internal Dictionary<string, JsonNode?>? ExtraBodyOrNull => _extraBody is { Count: > 0 } ? _extraBody : null;
}
