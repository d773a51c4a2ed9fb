using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Telnyx.Consumer.Tests;

/// <summary>What the README's conferencing selection must pick from the official document, read with System.Text.Json.</summary>
public static class OfficialSelection
{
    private static readonly string[] HttpMethods = { "get", "put", "post", "delete", "patch", "head", "options", "trace" };

    /// <summary>(METHOD, path) of every operation of a document, with its tags.</summary>
    public static List<(string Method, string Path, string[] Tags)> Operations(string document)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(document));
        var result = new List<(string, string, string[])>();
        foreach (var path in doc.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var member in path.Value.EnumerateObject().Where(m => HttpMethods.Contains(m.Name)))
            {
                var tags = member.Value.TryGetProperty("tags", out var t) ? t.EnumerateArray().Select(x => x.GetString() ?? "").ToArray() : Array.Empty<string>();
                result.Add((member.Name.ToUpperInvariant(), path.Name, tags));
            }
        }
        return result;
    }

    /// <summary>The 34 operations of the conferencing SDK: the two command tags and the two queue actions on calls.</summary>
    public static HashSet<(string Method, string Path)> Conferencing(string document) => Operations(document)
        .Where(o => o.Tags.Contains("Conference Commands") || o.Tags.Contains("Queue Commands")
            || o.Path == "/calls/{call_control_id}/actions/enqueue" || o.Path == "/calls/{call_control_id}/actions/leave_queue")
        .Select(o => (o.Method, o.Path))
        .ToHashSet();

    /// <summary>The webhook keys the README's selection names: callEnqueued, callLeftQueue and conference*.</summary>
    public static List<string> ConferencingWebhooks(string document)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(document));
        return doc.RootElement.GetProperty("webhooks").EnumerateObject().Select(w => w.Name)
            .Where(k => k == "callEnqueued" || k == "callLeftQueue" || k.StartsWith("conference", StringComparison.Ordinal))
            .ToList();
    }
}
