using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Telnyx.Generator;
using Telnyx.Generator.Tests;
using Xunit.Abstractions;

namespace Telnyx.Compatibility.Tests;

/// <summary>
/// The conferencing subset selected from the official document (TelnyxInclude) and the bundled document generate
/// an SDK that the same user code compiles against.
/// </summary>
public class SameApiTests
{
    /// <summary>The README's conferencing selection.</summary>
    public const string ConferencingSelection =
        "tag:Conference Commands;tag:Queue Commands;path:/calls/{call_control_id}/actions/enqueue;path:/calls/{call_control_id}/actions/leave_queue;"
        + "webhook:callEnqueued;webhook:callLeftQueue;webhook:conference*";

    private readonly ITestOutputHelper _output;

    public SameApiTests(ITestOutputHelper output) => _output = output;

    private static string ConsumerSource => File.ReadAllText(Path.Combine(GeneratorHarness.RepoRoot, "tests", "Telnyx.Compatibility.Tests", "Consumer", "ConferencingConsumer.cs.txt"));

    private static (Compilation Output, GeneratorDriverRunResult Result) Generate(string specText, string path, string? include)
    {
        var text = new InMemoryAdditionalText(path, specText);
        var metadata = new Dictionary<string, string> { [TelnyxGenerator.SpecMetadata] = "true" };
        if (include is not null) metadata[TelnyxGenerator.IncludeMetadata] = include;
        var driver = GeneratorHarness.CreateDriver(new[] { text }, new Dictionary<string, IDictionary<string, string>> { [path] = metadata });
        var compilation = GeneratorHarness.CreateCompilation(ConsumerSource);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return (output, driver.GetRunResult());
    }

    [Fact]
    public void OneConsumerFileCompilesAgainstTheBundledDocument()
    {
        var (output, result) = Generate(GeneratorHarness.BundledSpecText, GeneratorHarness.SpecPath, null);
        AssertCompiles(output, result);
    }

    [Fact]
    public void TheSameConsumerFileCompilesAgainstTheConferencingSubsetOfTheOfficialDocument()
    {
        var (output, result) = Generate(File.ReadAllText(OfficialDocumentTests.OfficialSpecPath), "/official/spec3.json", ConferencingSelection);
        AssertCompiles(output, result);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "TLX0010"); // every selector matched
    }

    [Fact]
    public void TheSubsetHasTheSameOperationsAndMethodSignatures()
    {
        var bundled = PublicApi(Generate(GeneratorHarness.BundledSpecText, GeneratorHarness.SpecPath, null).Output);
        var official = PublicApi(Generate(File.ReadAllText(OfficialDocumentTests.OfficialSpecPath), "/official/spec3.json", ConferencingSelection).Output);

        // Report every difference in the public surface, then require the client surface (every method users call) to match.
        var onlyBundled = bundled.Except(official).ToList();
        var onlyOfficial = official.Except(bundled).ToList();
        _output.WriteLine($"public members: bundled {bundled.Count}, official subset {official.Count}; only in bundled {onlyBundled.Count}, only in official {onlyOfficial.Count}");
        foreach (var m in onlyBundled) _output.WriteLine("- " + m);
        foreach (var m in onlyOfficial) _output.WriteLine("+ " + m);

        static bool IsClientSurface(string member) => member.Contains("Resource.", StringComparison.Ordinal) || member.StartsWith("Telnyx.TelnyxClient.", StringComparison.Ordinal);
        var clientDiff = onlyBundled.Concat(onlyOfficial).Where(IsClientSurface).ToList();
        Assert.True(clientDiff.Count == 0, "Client surface differs:\n" + string.Join("\n", clientDiff));
        Assert.Equal(34, bundled.Count(m => m.Contains("Resource.", StringComparison.Ordinal) && m.Contains("Async(", StringComparison.Ordinal)));
    }

    private static void AssertCompiles(Compilation output, GeneratorDriverRunResult result)
    {
        Assert.Null(result.Results[0].Exception);
        var errors = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(30)));
    }

    /// <summary>Every public type and member of the generated code, as display strings.</summary>
    private static HashSet<string> PublicApi(Compilation compilation)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var ns = compilation.GlobalNamespace.GetNamespaceMembers().FirstOrDefault(n => n.Name == "Telnyx");
        if (ns is null) return result;
        foreach (var type in ns.GetTypeMembers().Where(t => t.DeclaredAccessibility == Accessibility.Public))
        {
            result.Add(type.ToDisplayString());
            foreach (var member in type.GetMembers().Where(m => m.DeclaredAccessibility == Accessibility.Public && !m.IsImplicitlyDeclared))
            {
                result.Add(member.ToDisplayString());
            }
        }
        return result;
    }
}
