using System;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Telnyx.Consumer.Tests;

/// <summary>
/// Documents derived on the fly from the official one (never stored in the repository), each with one kind of
/// defect or change, written into the consumer set's folder. Injected parts sit in <c>Conference</c>, which the
/// README's conferencing selection reaches, so the consumers can filter and stay small.
/// </summary>
public static class DerivedDocuments
{
    /// <summary>A property whose <c>$ref</c> resolves to nothing (TLX0004, the same before and after any fix).</summary>
    public const string DanglingProperty = "telnyx_injected_dangling";

    /// <summary>A property typed <c>[integer, string]</c>.</summary>
    public const string MultiTypeProperty = "telnyx_injected_multi";

    /// <summary>The official tag <c>Queue Commands</c> renamed so that a selector for it holds a <c>#</c>.</summary>
    public const string HashTag = "Queue Commands #2";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The official document with a dangling <c>$ref</c>.</summary>
    public static string Dangling(string official) => Write(official, doc => AddProperty(doc, DanglingProperty, DanglingRef()));

    /// <summary>
    /// The official document declared as OpenAPI 3.0.0, as older Telnyx documents were: numeric
    /// <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c> become the 3.0 boolean form (the 3.0 reader throws on a number
    /// there and nothing is usable: TLX0003), its <c>nullable: true</c> keywords and type arrays stay, and a
    /// <c>[integer, string]</c> property and a dangling <c>$ref</c> are added.
    /// </summary>
    public static string OpenApi30(string official) => Write(official, doc =>
    {
        doc["openapi"] = "3.0.0";
        ExclusiveBoundsAsBooleans(doc);
        AddProperty(doc, MultiTypeProperty, new JsonObject { ["type"] = new JsonArray("integer", "string") });
        AddProperty(doc, DanglingProperty, DanglingRef());
    });

    /// <summary>The official document without its <c>webhooks</c> section.</summary>
    public static string NoWebhooks(string official) => Write(official, doc => Assert.True(doc.Remove("webhooks"), "the official document has no webhooks section"));

    /// <summary>The official document with the tag <c>Queue Commands</c> renamed to <see cref="HashTag"/>, declaration and uses.</summary>
    public static string HashInTag(string official) => Write(official, doc =>
    {
        var renamed = 0;
        foreach (var tag in doc["tags"]!.AsArray().OfType<JsonObject>().Where(t => (string?)t["name"] == "Queue Commands"))
        {
            tag["name"] = HashTag;
        }
        foreach (var path in doc["paths"]!.AsObject())
        {
            foreach (var operation in path.Value!.AsObject().Select(o => o.Value).OfType<JsonObject>())
            {
                if (operation["tags"] is not JsonArray tags) continue;
                for (var i = 0; i < tags.Count; i++)
                {
                    if ((string?)tags[i] != "Queue Commands") continue;
                    tags[i] = HashTag;
                    renamed++;
                }
            }
        }
        Assert.True(renamed > 0, "no operation of the official document is tagged Queue Commands");
    });

    /// <summary>The 1-based line of a property's key in a derived document: where its diagnostics must point.</summary>
    public static int LineOf(string document, string property)
    {
        var lines = File.ReadAllLines(document);
        var index = Array.FindIndex(lines, l => l.TrimStart().StartsWith("\"" + property + "\":", StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{property}' is not in {document}");
        Assert.Equal(index, Array.FindLastIndex(lines, l => l.TrimStart().StartsWith("\"" + property + "\":", StringComparison.Ordinal)));
        return index + 1;
    }

    private static void ExclusiveBoundsAsBooleans(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (exclusive, bound) in new[] { ("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum") })
                {
                    if (obj[exclusive] is JsonValue value && value.GetValueKind() == JsonValueKind.Number)
                    {
                        obj[bound] = value.DeepClone();
                        obj[exclusive] = true;
                    }
                }
                foreach (var child in obj.Select(p => p.Value).ToList()) ExclusiveBoundsAsBooleans(child);
                break;
            case JsonArray array:
                foreach (var child in array) ExclusiveBoundsAsBooleans(child);
                break;
        }
    }

    private static JsonObject DanglingRef() => new() { ["$ref"] = "#/components/schemas/TelnyxInjectedMissing" };

    private static void AddProperty(JsonObject doc, string name, JsonNode schema)
    {
        var properties = doc["components"]!["schemas"]!["Conference"]!["properties"]!.AsObject();
        properties.Add(name, schema);
    }

    private static string Write(string official, Action<JsonObject> change)
    {
        var doc = JsonNode.Parse(File.ReadAllBytes(official))!.AsObject();
        change(doc);
        return doc.ToJsonString(Indented);
    }
}
