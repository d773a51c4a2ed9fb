using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Telnyx.Generator.Tests;

/// <summary>The generator's output for the bundled spec compiles without a single warning.</summary>
public class CompileTests
{
    /// <summary>Higher than any warning wave the compiler knows, so every optional warning is on.</summary>
    private const int HighestWarningLevel = 9999;

    [Fact]
    public void BundledSpecOutputCompilesWithoutWarningsOrErrors()
    {
        var consumer = """
            namespace Consumer;

            public static class Usage
            {
                public static global::Telnyx.CreateConferenceRequest Create() => new() { CallControlId = "v3:abc", Name = "Business" };
            }
            """;
        var (_, result, output, driverDiagnostics) = GeneratorHarness.Run(GeneratorHarness.BundledSpecText, GeneratorHarness.SpecPath, consumer);
        Assert.Null(result.Results.Single().Exception);
        Assert.True(result.GeneratedTrees.Length > 50, "expected the bundled spec to generate many files, got " + result.GeneratedTrees.Length);

        var generatorProblems = driverDiagnostics.Concat(result.Diagnostics)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => d.ToString())
            .Distinct()
            .ToList();
        Assert.True(generatorProblems.Count == 0, "the generator reported for the bundled spec:\n" + string.Join("\n", generatorProblems));

        var strict = output.WithOptions(((CSharpCompilationOptions)output.Options)
            .WithWarningLevel(HighestWarningLevel)
            .WithGeneralDiagnosticOption(ReportDiagnostic.Error)
            .WithNullableContextOptions(NullableContextOptions.Enable));
        var problems = Problems(strict.GetDiagnostics());
        Assert.True(problems.Count == 0, $"{problems.Count} compiler diagnostic(s) in the generated code:\n" + string.Join("\n", problems.Take(50)));
    }

    [Fact]
    public void StrictCompilationReallyReportsWarningsAsErrors()
    {
        // Guard for the test above: the same options must turn an ordinary warning (CS0168, unused variable) into an error.
        var compilation = GeneratorHarness.CreateCompilation("namespace C; public static class K { public static void M() { int unused; } }");
        var strict = compilation.WithOptions(((CSharpCompilationOptions)compilation.Options).WithWarningLevel(HighestWarningLevel));
        var problems = Problems(strict.GetDiagnostics());
        Assert.Contains(problems, p => p.Contains("CS0168"));
        Assert.Contains(strict.GetDiagnostics(), d => d.Id == "CS0168" && d.Severity == DiagnosticSeverity.Error);
    }

    internal static List<string> Problems(ImmutableArray<Diagnostic> diagnostics)
        => diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .OrderBy(d => d.Location.SourceTree?.FilePath, System.StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .Select(d => d.ToString())
            .ToList();
}
