using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;

namespace Telnyx.Generator.OpenApi;

/// <summary>
/// The <c>TelnyxInclude</c> option: which operations and webhooks to generate. Selectors are separated by
/// <c>;</c> or <c>,</c>: <c>tag:Conference Commands</c> (an operation tag), <c>path:/queues</c> (a path prefix;
/// a bare <c>/queues</c> works too), <c>webhook:conference*</c> (a webhook key, <c>*</c> at the end for a prefix).
/// Only the schemas the selected operations and webhooks reach are generated. Empty means everything.
/// </summary>
internal sealed class SpecFilter
{
    private readonly List<string> _tags = new();
    private readonly List<string> _paths = new();
    private readonly List<string> _webhooks = new();

    // Selectors with nothing after the kind ("path:"): they select nothing and are reported (an empty path
    // prefix would otherwise select every operation).
    private readonly List<string> _empty = new();

    private SpecFilter()
    {
    }

    public static SpecFilter? Parse(string? include)
    {
        if (string.IsNullOrWhiteSpace(include)) return null;
        var filter = new SpecFilter();
        foreach (var raw in include!.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var selector = raw.Trim();
            if (selector.Length == 0) continue;
            if (selector.EndsWith(":", StringComparison.Ordinal) && IsKind(selector.Substring(0, selector.Length - 1)))
            {
                filter._empty.Add(selector);
                continue;
            }
            if (selector.StartsWith("tag:", StringComparison.OrdinalIgnoreCase)) filter._tags.Add(selector.Substring(4).Trim());
            else if (selector.StartsWith("path:", StringComparison.OrdinalIgnoreCase)) filter._paths.Add(selector.Substring(5).Trim());
            else if (selector.StartsWith("webhook:", StringComparison.OrdinalIgnoreCase)) filter._webhooks.Add(selector.Substring(8).Trim());
            else if (selector.StartsWith("/", StringComparison.Ordinal)) filter._paths.Add(selector);
            else filter._tags.Add(selector);
        }
        return filter;
    }

    public IEnumerable<string> Selectors
        => _tags.Select(t => "tag:" + t).Concat(_paths.Select(p => "path:" + p)).Concat(_webhooks.Select(w => "webhook:" + w));

    public bool IncludesOperation(string path, OpenApiOperation operation)
    {
        foreach (var prefix in _paths)
        {
            if (path == prefix || path.StartsWith(prefix.TrimEnd('/') + "/", StringComparison.Ordinal)) return true;
        }
        if (operation.Tags is { } tags)
        {
            foreach (var tag in tags)
            {
                var name = tag?.Name;
                if (name is not null && _tags.Contains(name, StringComparer.Ordinal)) return true;
            }
        }
        return false;
    }

    public bool IncludesWebhook(string key) => _webhooks.Any(w => Matches(w, key));

    /// <summary>Selectors that matched nothing in the document, for a diagnostic.</summary>
    public IEnumerable<string> Unmatched(OpenApiDocument document)
    {
        var operations = (document.Paths ?? new OpenApiPaths())
            .SelectMany(p => (p.Value?.Operations ?? new Dictionary<System.Net.Http.HttpMethod, OpenApiOperation>()).Select(o => (Path: p.Key, Operation: o.Value)))
            .ToList();
        foreach (var empty in _empty) yield return empty;
        foreach (var tag in _tags)
        {
            if (!operations.Any(o => o.Operation.Tags?.Any(t => t?.Name == tag) == true)) yield return "tag:" + tag;
        }
        foreach (var prefix in _paths)
        {
            if (!operations.Any(o => o.Path == prefix || o.Path.StartsWith(prefix.TrimEnd('/') + "/", StringComparison.Ordinal))) yield return "path:" + prefix;
        }
        foreach (var webhook in _webhooks)
        {
            if (!(document.Webhooks?.Keys.Any(k => Matches(webhook, k)) ?? false)) yield return "webhook:" + webhook;
        }
    }

    private static bool IsKind(string kind)
        => kind.Equals("tag", StringComparison.OrdinalIgnoreCase) || kind.Equals("path", StringComparison.OrdinalIgnoreCase) || kind.Equals("webhook", StringComparison.OrdinalIgnoreCase);

    private static bool Matches(string pattern, string key)
        => pattern.EndsWith("*", StringComparison.Ordinal)
            ? key.StartsWith(pattern.Substring(0, pattern.Length - 1), StringComparison.Ordinal)
            : string.Equals(pattern, key, StringComparison.Ordinal);
}
