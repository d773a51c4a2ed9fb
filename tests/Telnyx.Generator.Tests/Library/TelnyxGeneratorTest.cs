using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Telnyx.Generator.Tests.Library;

/// <summary>
/// <see cref="TelnyxGenerator"/> under Microsoft.CodeAnalysis.CSharp.SourceGenerators.Testing: the spec is an
/// AdditionalFile (with span markup), options come from analyzer config files parsed by the compiler's own parser,
/// and every diagnostic (generator and compiler, warnings included) must be listed in ExpectedDiagnostics.
/// </summary>
internal sealed class TelnyxGeneratorTest : CSharpSourceGeneratorTest<TelnyxGenerator, DefaultVerifier>
{
    /// <summary>Microsoft.NETCore.App.Ref at the version the csproj restores (PackageDownload), so nothing is fetched at test time.</summary>
    public static ReferenceAssemblies Net100 { get; } = new(
        "net10.0",
        new PackageIdentity("Microsoft.NETCore.App.Ref", ReferencePackVersion()),
        Path.Combine("ref", "net10.0"));

    public TelnyxGeneratorTest()
    {
        ReferenceAssemblies = Net100;
        // The runtime and the packages it depends on (Microsoft.Extensions.*), as any consumer of it has them.
        TestState.AdditionalReferences.AddRange(GeneratorHarness.RuntimePackageReferences);
        // Warnings in the consumer's or the generated code are unexpected diagnostics too.
        CompilerDiagnostics = CompilerDiagnostics.Warnings;
    }

    protected override ParseOptions CreateParseOptions()
        => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Preview);

    // The library parses documentation comments (so malformed XML docs in generated code are reported); the test
    // consumers carry none, so the missing-comment warning is off.
    protected override CompilationOptions CreateCompilationOptions()
        => ((CSharpCompilationOptions)base.CreateCompilationOptions())
            .WithNullableContextOptions(NullableContextOptions.Enable)
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1591"] = ReportDiagnostic.Suppress });

    private static string ReferencePackVersion()
        => typeof(TelnyxGeneratorTest).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
               .FirstOrDefault(a => a.Key == "ReferencePackVersion")?.Value
           ?? throw new System.InvalidOperationException("the test assembly carries no ReferencePackVersion (see the csproj)");
}
