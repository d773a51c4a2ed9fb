using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Telnyx.Generator.Tests.Robustness;

/// <summary>
/// The raw-JSON checks that read a value of the wrong kind as <c>{}</c> and read 3.0 type arrays must not fire on a
/// correct document: the official one (read from ../shared at test time) gets none of their warnings.
/// </summary>
public class OfficialDocumentScanTests
{
    [Fact]
    public void OfficialDocumentHasNoValueOfTheWrongKindAndNoUnknownTypeName()
    {
        Assert.True(File.Exists(GeneratorHarness.OfficialSpecPath), "the official document is missing: " + GeneratorHarness.OfficialSpecPath);
        var (_, result, _, diagnostics) = GeneratorHarness.Run(File.ReadAllText(GeneratorHarness.OfficialSpecPath));

        Assert.Null(result.Results.Single().Exception);
        Assert.True(result.GeneratedTrees.Length > 1000, "generated " + result.GeneratedTrees.Length + " files");
        var found = diagnostics.Concat(result.Diagnostics)
            .Where(d => d.Id == "TLX0007")
            .Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
            .Where(m => m.Contains("must be a JSON object", StringComparison.Ordinal) || m.Contains("not a JSON Schema type", StringComparison.Ordinal))
            .ToList();
        Assert.True(found.Count == 0, string.Join("\n", found.Take(10)));
        Assert.DoesNotContain(diagnostics.Concat(result.Diagnostics), d => d.Id is "TLX0099" or "CS8785");
    }

    [Fact]
    public void OfficialDocumentReadAs30KeepsEveryTypeArray()
    {
        // The official document's 345 type arrays ([string, "null"]...) as a 3.0 document: Microsoft.OpenApi's 3.0 reader
        // drops each with "Expected scalar value." at a pointer that often starts with unrelated keys; the generator
        // reads them itself and drops those errors. 3.1's numeric exclusiveMinimum/Maximum crash the 3.0 reader (it
        // wants booleans), so they are taken out of this copy.
        var doc = JsonSurgery.Parse(File.ReadAllText(GeneratorHarness.OfficialSpecPath));
        doc["openapi"] = "3.0.3";
        foreach (var o in JsonSurgery.Objects(doc))
        {
            foreach (var key in new[] { "exclusiveMinimum", "exclusiveMaximum" })
            {
                if (o[key] is System.Text.Json.Nodes.JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number) o.Remove(key);
            }
        }
        var (_, result, _, diagnostics) = GeneratorHarness.Run(JsonSurgery.ToText(doc));

        Assert.Null(result.Results.Single().Exception);
        Assert.True(result.GeneratedTrees.Length > 3800, "generated " + result.GeneratedTrees.Length + " files");
        var all = diagnostics.Concat(result.Diagnostics).ToList();
        Assert.DoesNotContain(all, d => d.Id is "TLX0099" or "CS8785");
        var dropped = all.Where(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("Expected scalar value", StringComparison.Ordinal)).ToList();
        Assert.True(dropped.Count == 0, dropped.Count + " type arrays reported as dropped, e.g. " + dropped.FirstOrDefault());
        // A nullable string read from [string, "null"] is still nullable: CallControlApplication.webhook_event_failover_url.
        var app = result.GeneratedTrees.Single(t => t.FilePath.EndsWith("Telnyx.CallControlApplication.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("public string? WebhookEventFailoverUrl {", app);
        Assert.Contains("Nullable in the API", app);
    }
}
