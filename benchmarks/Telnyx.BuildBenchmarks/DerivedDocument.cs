using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace Telnyx.BuildBenchmarks;

/// <summary>
/// A smaller document cut from the official one at run time (never checked in): a deterministic, evenly spread
/// share of its paths and webhooks (path i is kept when floor((i+1)·f) > floor(i·f)), and only the components they
/// reach through <c>$ref</c>, so the document stays valid and both generators see a document of that size.
/// </summary>
public static class DerivedDocument
{
    private static readonly string[] HttpMethods = { "get", "put", "post", "delete", "patch", "head", "options", "trace" };

    public static void Write(string official, int percent, string target)
    {
        var root = JsonNode.Parse(File.ReadAllText(official))!.AsObject();
        var fraction = percent / 100.0;
        Keep(root, "paths", fraction);
        Keep(root, "webhooks", fraction);
        PruneComponents(root);
        File.WriteAllText(target, root.ToJsonString());
    }

    /// <summary>Operations (method + path) of a document.</summary>
    public static int CountOperations(string document)
    {
        var root = JsonNode.Parse(File.ReadAllText(document))!.AsObject();
        return root["paths"] is JsonObject paths
            ? paths.Sum(p => p.Value is JsonObject item ? item.Count(m => HttpMethods.Contains(m.Key)) : 0)
            : 0;
    }

    private static void Keep(JsonObject root, string section, double fraction)
    {
        if (root[section] is not JsonObject entries) return;
        var names = entries.Select(e => e.Key).ToList();
        for (var i = 0; i < names.Count; i++)
        {
            if (Math.Floor((i + 1) * fraction) <= Math.Floor(i * fraction)) entries.Remove(names[i]);
        }
    }

    /// <summary>Removes every component no kept path or webhook reaches (security schemes stay).</summary>
    private static void PruneComponents(JsonObject root)
    {
        if (root["components"] is not JsonObject components) return;
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<JsonNode>();
        foreach (var (key, value) in root)
        {
            if (key != "components" && value is not null) pending.Push(value);
        }
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case JsonObject obj:
                    foreach (var (key, value) in obj)
                    {
                        if (key == "$ref" && value is JsonValue v && v.TryGetValue<string>(out var target) && target.StartsWith("#/components/", StringComparison.Ordinal))
                        {
                            // A pointer into a component (#/components/schemas/X/properties/y) keeps all of X.
                            var parts = target["#/components/".Length..].Split('/');
                            if (parts.Length >= 2 && reached.Add($"#/components/{parts[0]}/{parts[1]}")
                                && components[parts[0]] is JsonObject group && group[Unescape(parts[1])] is { } node)
                            {
                                pending.Push(node);
                            }
                        }
                        else if (value is not null)
                        {
                            pending.Push(value);
                        }
                    }
                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        if (item is not null) pending.Push(item);
                    }
                    break;
            }
        }
        foreach (var (kind, group) in components.ToList())
        {
            if (kind == "securitySchemes" || group is not JsonObject members) continue;
            foreach (var name in members.Select(m => m.Key).ToList())
            {
                if (!reached.Contains($"#/components/{kind}/{Escape(name)}")) members.Remove(name);
            }
        }
    }

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string Unescape(string name) => name.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
