using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Telnyx.Generator.Tests;

namespace Telnyx.Compatibility.Tests;

/// <summary>
/// The public API as checked-in listings, one per assembly: the runtime (read from Telnyx.Runtime.dll) and the SDK
/// generated from the bundled document for a console project (no ASP.NET Core or Redis reference). Any change to the
/// surface fails here until the listing is rewritten, so every public change shows in the diff of a review.
/// Rewrite with <c>TELNYX_UPDATE_PUBLIC_API=1 dotnet test tests/Telnyx.Compatibility.Tests</c> (the run still fails).
/// </summary>
public class PublicApiListingTests
{
    private const string UpdateVariable = "TELNYX_UPDATE_PUBLIC_API";

    private static string ListingDirectory => Path.Combine(GeneratorHarness.RepoRoot, "tests", "Telnyx.Compatibility.Tests", "PublicApi");

    [Fact]
    public void RuntimePublicApiMatchesItsCheckedInListing()
    {
        var compilation = ConferencingSdks.Bundled.Output;
        var runtime = compilation.References
            .Select(r => compilation.GetAssemblyOrModuleSymbol(r))
            .OfType<IAssemblySymbol>()
            .Single(a => a.Name == "Telnyx.Runtime");

        AssertListing("Telnyx.Runtime.txt", PublicApiDump.Of(runtime, "Telnyx.Runtime"));
    }

    [Fact]
    public void GeneratedSdkPublicApiMatchesItsCheckedInListing()
    {
        AssertListing("Telnyx.Generated.Bundled.txt", PublicApiDump.Of(ConferencingSdks.Bundled.Output, "Telnyx"));
    }

    private static void AssertListing(string fileName, SortedDictionary<string, List<string>> api)
    {
        Assert.True(api.Count > 10, $"only {api.Count} public types read for {fileName}");
        var text = Render(api);
        var path = Path.Combine(ListingDirectory, fileName);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(ListingDirectory);
            File.WriteAllText(path, text);
            Assert.Fail($"{fileName} rewritten ({UpdateVariable}=1): review the diff, then run again without it.");
        }

        Assert.True(File.Exists(path), $"{path} is missing: run with {UpdateVariable}=1 to write it.");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n").Split('\n');
        var actual = text.Split('\n');
        var removed = expected.Except(actual).Where(l => l.Length > 0).ToList();
        var added = actual.Except(expected).Where(l => l.Length > 0).ToList();
        Assert.True(removed.Count == 0 && added.Count == 0,
            $"the public API differs from {fileName} ({removed.Count} lines gone, {added.Count} new); if intended, rewrite it with {UpdateVariable}=1:\n"
            + string.Join("\n", removed.Take(40).Select(l => "- " + l).Concat(added.Take(40).Select(l => "+ " + l))));
    }

    /// <summary>One block per type (fully qualified name, then its declaration and member lines), types sorted.</summary>
    private static string Render(SortedDictionary<string, List<string>> api)
    {
        var builder = new StringBuilder();
        foreach (var (type, lines) in api)
        {
            builder.Append(type).Append('\n');
            foreach (var line in lines) builder.Append("  ").Append(line).Append('\n');
        }
        return builder.ToString();
    }
}
