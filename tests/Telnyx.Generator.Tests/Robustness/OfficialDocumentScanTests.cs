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
}
