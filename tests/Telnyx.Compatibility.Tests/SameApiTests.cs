using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace Telnyx.Compatibility.Tests;

/// <summary>
/// The conferencing subset selected from the official document (TelnyxInclude) and the bundled document generate
/// an SDK that the same user code compiles against.
/// </summary>
public class SameApiTests
{
    private readonly ITestOutputHelper _output;

    public SameApiTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void OneConsumerFileCompilesAgainstTheBundledDocument()
    {
        var (output, result) = ConferencingSdks.Bundled;
        AssertCompiles(output, result);
    }

    [Fact]
    public void TheSameConsumerFileCompilesAgainstTheConferencingSubsetOfTheOfficialDocument()
    {
        var (output, result) = ConferencingSdks.OfficialSubset;
        AssertCompiles(output, result);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "TLX0010"); // every selector matched
    }

    [Fact]
    public void TheSubsetHasTheSameOperationsAndMethodSignatures()
    {
        var bundled = PublicApi(ConferencingSdks.Bundled.Output);
        var official = PublicApi(ConferencingSdks.OfficialSubset.Output);

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
