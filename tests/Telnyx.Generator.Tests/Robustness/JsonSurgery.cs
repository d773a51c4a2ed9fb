using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Telnyx.Generator.Tests.Robustness;

/// <summary>Small JsonNode helpers the mutation corpus is built from: parse, print, find, extract, stable seeds.</summary>
internal static class JsonSurgery
{
    private static readonly JsonSerializerOptions Print = new()
    {
        WriteIndented = true,
        MaxDepth = 4096,
        // Raw (unescaped) non-ASCII text, so unicode names reach the reader as multi-byte UTF-8.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    public static JsonObject Parse(string text)
        => JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 1024, AllowTrailingCommas = true })!.AsObject();

    public static string ToText(JsonNode node) => node.ToJsonString(Print);

    /// <summary>A deterministic seed from a case name (string.GetHashCode is randomized per process).</summary>
    public static int Seed(string name)
    {
        unchecked
        {
            uint hash = 2166136261;
            foreach (var c in name) hash = (hash ^ c) * 16777619;
            return (int)(hash & 0x7FFFFFFF);
        }
    }

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Every object node in the tree (document order).</summary>
    public static List<JsonObject> Objects(JsonNode root)
    {
        var list = new List<JsonObject>();
        var stack = new Stack<JsonNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is JsonObject obj)
            {
                list.Add(obj);
                foreach (var child in obj.Select(p => p.Value).Reverse()) if (child is not null) stack.Push(child);
            }
            else if (node is JsonArray array)
            {
                foreach (var child in array.Reverse()) if (child is not null) stack.Push(child);
            }
        }
        return list;
    }

    public static JsonObject? Schemas(JsonObject doc) => (doc["components"] as JsonObject)?["schemas"] as JsonObject;

    public static List<JsonObject> Operations(JsonObject doc)
        => (doc["paths"] as JsonObject)?.Select(p => p.Value).OfType<JsonObject>()
               .SelectMany(item => Methods.Select(m => item[m]).OfType<JsonObject>()).ToList()
           ?? new List<JsonObject>();

    /// <summary>Inline parameter objects (with both name and in), in operations, path items and components.</summary>
    public static List<JsonObject> Parameters(JsonObject doc)
        => Objects(doc).Where(o => o["name"] is JsonValue && o["in"] is JsonValue).ToList();

    /// <summary>Schema objects that declare properties as an object.</summary>
    public static List<JsonObject> ObjectSchemas(JsonObject doc)
        => Objects(doc).Where(o => o["properties"] is JsonObject { Count: > 0 } props && props.All(p => p.Value is JsonObject)).ToList();

    public static List<JsonObject> EnumSchemas(JsonObject doc)
        => Objects(doc).Where(o => o["enum"] is JsonArray { Count: > 0 } && o["type"]?.ToString() == "string").ToList();

    public static List<JsonObject> ArraySchemas(JsonObject doc)
        => Objects(doc).Where(o => o["items"] is JsonObject && o["type"]?.ToString() == "array").ToList();

    public static List<JsonObject> Typed(JsonObject doc)
        => Objects(doc).Where(o => o["type"] is JsonValue).ToList();

    /// <summary>Rewrites every <c>$ref</c> string equal to <paramref name="from"/>.</summary>
    public static void RewriteRefs(JsonNode root, string from, string to)
    {
        foreach (var obj in Objects(root))
        {
            if (obj["$ref"] is JsonValue v && v.TryGetValue<string>(out var s) && s == from) obj["$ref"] = to;
        }
    }

    public static string EscapePointer(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    /// <summary>Renames a key in place, keeping the key's position.</summary>
    public static void RenameKey(JsonObject obj, string from, string to)
    {
        var entries = obj.Select(p => new KeyValuePair<string, JsonNode?>(p.Key, p.Value)).ToList();
        obj.Clear();
        foreach (var e in entries) obj[e.Key == from ? to : e.Key] = e.Value;
    }

    /// <summary>Renames a component schema and every reference to it.</summary>
    public static bool RenameSchema(JsonObject doc, string from, string to)
    {
        var schemas = Schemas(doc);
        if (schemas is null || !schemas.ContainsKey(from) || schemas.ContainsKey(to)) return false;
        RenameKey(schemas, from, to);
        RewriteRefs(doc, "#/components/schemas/" + EscapePointer(from), "#/components/schemas/" + EscapePointer(to));
        return true;
    }

    /// <summary>
    /// A small, self-contained document: one path item of <paramref name="doc"/> and, transitively, every component it
    /// references (plus info, servers, security and the security schemes).
    /// </summary>
    public static JsonObject ExtractPath(JsonObject doc, string path)
    {
        var result = new JsonObject();
        foreach (var key in new[] { "openapi", "info", "servers", "security" })
        {
            if (doc[key] is { } value) result[key] = value.DeepClone();
        }
        result["paths"] = new JsonObject { [path] = doc["paths"]![path]!.DeepClone() };
        var components = new JsonObject();
        if ((doc["components"] as JsonObject)?["securitySchemes"] is { } schemes) components["securitySchemes"] = schemes.DeepClone();
        var sourceComponents = doc["components"] as JsonObject;
        var queue = new Queue<JsonNode>();
        queue.Enqueue(result["paths"]!);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (queue.Count > 0)
        {
            foreach (var obj in Objects(queue.Dequeue()))
            {
                if (obj["$ref"] is not JsonValue v || !v.TryGetValue<string>(out var reference)) continue;
                if (!reference.StartsWith("#/components/", StringComparison.Ordinal) || !seen.Add(reference)) continue;
                var parts = reference.Substring("#/components/".Length).Split('/');
                if (parts.Length != 2) continue;
                var kind = parts[0];
                var name = parts[1].Replace("~1", "/").Replace("~0", "~");
                if (sourceComponents?[kind] is not JsonObject source || source[name] is not { } target) continue;
                if (components[kind] is not JsonObject bucket)
                {
                    bucket = new JsonObject();
                    components[kind] = bucket;
                }
                var copy = target.DeepClone();
                bucket[name] = copy;
                queue.Enqueue(copy);
            }
        }
        result["components"] = components;
        return result;
    }
}
