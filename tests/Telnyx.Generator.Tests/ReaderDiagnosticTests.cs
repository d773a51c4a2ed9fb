using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Telnyx.Generator.OpenApi;

namespace Telnyx.Generator.Tests;

/// <summary>
/// The diagnostics <see cref="DiagnosticTests"/> cannot reach through the testing library: an AdditionalText whose
/// text cannot be read (the library's files always have text), and SpecReader's own behaviour (a selector list
/// with ';', which the real analyzer config parser would cut; an exception inside the reader; cancellation). These
/// run on CSharpGeneratorDriver or call SpecReader directly.
/// </summary>
public class ReaderDiagnosticTests
{
    private const string Path = "/specs/test.json";

    /// <summary>The same consumer code as the library tests use.</summary>
    private const string ConsumerSource = DiagnosticTests.ConsumerSource;

    [Fact]
    public void TLX0001TextThatCannotBeRead()
    {
        var run = RunSpec(null);

        var d = Single(run, "TLX0001", DiagnosticSeverity.Error);
        AssertAt(d, 0, 0);
        Assert.Contains(Path, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(run.Result.GeneratedTrees);
    }

    [Fact]
    public void TLX0010IncludeSelectorThatMatchesNothingAndTheFilterKeepsOnlyWhatIsSelected()
    {
        const string spec = AnalyzerConfigOptionTests.Spec;

        var result = SpecReader.Read(new SpecSource(Path, spec, "Telnyx", null, "tag:Regions;tag:Gadgets"), CancellationToken.None);

        var d = Assert.Single(result.Diagnostics, x => x.Id == "TLX0010");
        Assert.Equal(Path, d.Location.FilePath);
        Assert.Equal((0, 0), (d.Location.Line, d.Location.Column));
        Assert.Contains("tag:Gadgets", d.ToDiagnostic().GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DiagnosticSeverity.Warning, d.ToDiagnostic().Severity);
        // Only the selected operation and the schema it reaches are generated.
        Assert.Equal(new[] { "ListRegions" }, result.Model!.Operations.Select(o => o.OperationId));
        Assert.Contains(result.Model.Types, t => t.Name == "Region");
        Assert.DoesNotContain(result.Model.Types, t => t.Name == "Widget");
    }

    [Fact]
    public void TLX0099ExceptionInsideTheReaderBecomesADiagnostic()
    {
        var result = SpecReader.Read(new SpecSource(Path, GeneratorHarness.BundledSpecText, "Telnyx", null), CancellationToken.None,
            _ => throw new InvalidOperationException("boom"));

        Assert.Null(result.Model);
        var info = Assert.Single(result.Diagnostics);
        var d = info.ToDiagnostic();
        Assert.Equal("TLX0099", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        AssertAt(d, 0, 0);
        var message = d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("InvalidOperationException", message);
        Assert.Contains("boom", message);
    }

    [Fact]
    public void CancellationIsNotSwallowedAsAnInternalError()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            SpecReader.Read(new SpecSource(Path, GeneratorHarness.BundledSpecText, "Telnyx", null), cts.Token));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    internal sealed record SpecRun(GeneratorDriverRunResult Result, IReadOnlyList<Diagnostic> Diagnostics);

    /// <summary>
    /// Runs the generator; asserts it did not throw through the driver and that the output compilation (consumer
    /// code plus whatever was generated) has no warnings or errors.
    /// </summary>
    private static SpecRun RunSpec(string? spec)
    {
        var (_, result, output, driverDiagnostics) = GeneratorHarness.Run(spec, Path, ConsumerSource);

        var generatorResult = result.Results.Single();
        Assert.Null(generatorResult.Exception);
        var all = driverDiagnostics.Concat(result.Diagnostics).Distinct().ToList();
        Assert.DoesNotContain(all, d => d.Id == "CS8785");
        Assert.All(all, d => Assert.StartsWith("TLX", d.Id));

        var problems = CompileTests.Problems(output.GetDiagnostics());
        Assert.True(problems.Count == 0, "the consumer's compilation has errors after the generator ran:\n" + string.Join("\n", problems.Take(30)));
        Assert.NotNull(output.GetTypeByMetadataName("Consumer.Widget"));
        return new SpecRun(result, all);
    }

    private static Diagnostic Single(SpecRun run, string id, DiagnosticSeverity severity)
    {
        var matches = run.Diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matches.Count == 1, $"expected one {id}, got {matches.Count}; all diagnostics:\n" + string.Join("\n", run.Diagnostics));
        // The descriptor's severity; the harness compiles with warnings as errors, which Roslyn applies to generator
        // diagnostics too: a warning is reported as an error marked IsWarningAsError, info stays info.
        var d = matches[0];
        Assert.Equal(severity, d.DefaultSeverity);
        Assert.Equal(severity == DiagnosticSeverity.Warning, d.IsWarningAsError);
        Assert.Equal(severity == DiagnosticSeverity.Warning ? DiagnosticSeverity.Error : severity, d.Severity);
        return d;
    }

    /// <summary>Asserts the 0-based start position; with <paramref name="spec"/>, also that the text there starts with <paramref name="token"/>.</summary>
    internal static void AssertAt(Diagnostic diagnostic, int line, int column, string? spec = null, string? token = null)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.True(diagnostic.Location.Kind == LocationKind.ExternalFile, "expected a location in the spec file, got " + diagnostic.Location.Kind);
        Assert.Equal(Path, span.Path);
        Assert.Equal(new LinePosition(line, column), span.StartLinePosition);
        if (spec is not null && token is not null)
        {
            var lines = SnapshotTests.Normalize(spec).Split('\n');
            Assert.True(line < lines.Length && lines[line].Length >= column, $"({line},{column}) is outside the spec");
            var at = lines[line].Substring(column);
            Assert.True(at.StartsWith(token, StringComparison.Ordinal), $"expected '{token}' at ({line},{column}), found: {at}");
        }
    }
}
