using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace Telnyx.Generator.Tests.Robustness;

/// <summary>Collects per-case run times and writes a summary (count, max, median) when the class is done.</summary>
public sealed class RobustnessTimings : IDisposable
{
    internal static readonly ConcurrentDictionary<string, TimeSpan> Runs = new(StringComparer.Ordinal);

    internal static readonly ConcurrentDictionary<string, TimeSpan> Compiles = new(StringComparer.Ordinal);

    internal static readonly ConcurrentDictionary<string, string> GapFailures = new(StringComparer.Ordinal);

    /// <summary>Distinct generated outputs: each was compiled once.</summary>
    internal static readonly ConcurrentDictionary<string, byte> Outputs = new(StringComparer.Ordinal);

    public void Dispose()
    {
        if (Runs.IsEmpty) return;
        var sorted = Runs.OrderBy(p => p.Value).ToList();
        var median = sorted[sorted.Count / 2].Value;
        var max = sorted[^1];
        var summary = $"robustness: {sorted.Count} cases, max {max.Value.TotalMilliseconds:F0} ms ({max.Key}), median {median.TotalMilliseconds:F0} ms, total {sorted.Sum(p => p.Value.TotalSeconds):F1} s, {GapFailures.Count} known-gap rows failing\n"
                      + $"compile of the output: {Outputs.Count} distinct outputs compiled, total {Compiles.Sum(p => p.Value.TotalSeconds):F1} s, max {Compiles.Max(p => p.Value.TotalMilliseconds):F0} ms\n"
                      + string.Join("\n", Compiles.OrderByDescending(p => p.Value).Take(5).Select(p => $"  {p.Value.TotalMilliseconds,8:F0} ms compile  {p.Key}")) + "\n"
                      + string.Join("\n", Compiles.GroupBy(p => p.Key.Split('/')[0]).Select(g => $"  {g.Key}: {g.Count()} cases, {g.Sum(p => p.Value.TotalSeconds):F1} s")) + "\n"
                      + string.Join("\n", sorted.AsEnumerable().Reverse().Take(10).Select(p => $"  {p.Value.TotalMilliseconds,8:F0} ms  {p.Key}"));
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "telnyx-robustness-summary.txt"), summary + "\n");
        Console.WriteLine(summary);
    }
}

/// <summary>
/// Runs the generator driver over every document of <see cref="MutationCorpus"/> (one theory row per mutation) and
/// checks: no exception escapes the generator (no CS8785, no TLX0099), each problem is reported with a real location
/// in the spec file, the generated code plus a consumer compiles without any warning or error, and each run is fast.
/// </summary>
public abstract class RobustnessTestBase
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(60);
    private const int HighestWarningLevel = 9999;

    private const string Consumer = """
        namespace Consumer;

        public sealed class Widget
        {
            public int Size { get; init; }

            public override string ToString() => Size.ToString(global::System.Globalization.CultureInfo.InvariantCulture);
        }
        """;

    /// <summary>
    /// One strict consumer compilation (every warning an error, highest warning level) shared by every case: the output
    /// compilations derive from it and reuse its bound references, which keeps each compile check cheap.
    /// </summary>
    private static readonly Lazy<Compilation> ConsumerCompilation = new(() =>
    {
        var compilation = GeneratorHarness.CreateCompilation(Consumer);
        compilation = compilation.WithOptions(((CSharpCompilationOptions)compilation.Options)
            .WithWarningLevel(HighestWarningLevel)
            .WithGeneralDiagnosticOption(ReportDiagnostic.Error));
        var problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (problems.Count > 0) throw new InvalidOperationException("the consumer alone does not compile: " + string.Join("; ", problems));
        return compilation;
    });

    private readonly ITestOutputHelper _output;

    protected RobustnessTestBase(ITestOutputHelper output) => _output = output;

    /// <summary>Every check of one case; fails the test unless the case is a known gap (then only with TELNYX_ROBUSTNESS_STRICT=1).</summary>
    protected async Task Run(string name)
    {
        var failure = await Check(name);
        if (!KnownGaps.Contains(name, out var reason))
        {
            if (failure is not null) Assert.Fail(failure);
            return;
        }
        if (failure is not null) RobustnessTimings.GapFailures[name] = failure;
        _output.WriteLine(failure is null ? "known gap no longer reproduces here: " + reason : "known gap: " + reason + "\n" + failure);
        if (failure is not null && Environment.GetEnvironmentVariable("TELNYX_ROBUSTNESS_STRICT") == "1") Assert.Fail(failure);
    }

    /// <summary>Runs one case; null when every check holds, else a report of every failed check.</summary>
    private async Task<string?> Check(string name)
    {
        var mutation = MutationCorpus.All[name];
        var path = MutationCorpus.SpecPath;
        var failures = new List<string>();

        var driver = GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText(path, mutation.Text) });
        var compilation = ConsumerCompilation.Value;
        using var cancel = new CancellationTokenSource(HangLimit);
        var watch = Stopwatch.StartNew();
        var task = Task.Run(() =>
        {
            var d = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics, cancel.Token);
            return (Driver: d, Output: output, Diagnostics: diagnostics);
        });
        (GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> Diagnostics) finished;
        try
        {
            finished = await task.WaitAsync(HangLimit + TimeSpan.FromSeconds(5));
        }
        catch (Exception timeout) when (timeout is TimeoutException or OperationCanceledException)
        {
            return $"{name}: the generator did not finish within {HangLimit.TotalSeconds} s (hang): {timeout.GetType().Name}";
        }
        var (ran, outputCompilation, driverDiagnostics) = finished;
        watch.Stop();
        RobustnessTimings.Runs[name] = watch.Elapsed;
        var result = ran.GetRunResult();
        _output.WriteLine($"{name}: {watch.Elapsed.TotalMilliseconds:F0} ms, {result.GeneratedTrees.Length} files, expect {mutation.Expect}");

        if (watch.Elapsed > RunLimit) failures.Add($"the run took {watch.Elapsed.TotalSeconds:F1} s (limit {RunLimit.TotalSeconds} s)");

        // 1. Nothing escapes the generator.
        var generatorResult = result.Results.Single();
        if (generatorResult.Exception is { } ex) failures.Add("exception escaped the generator: " + ex);
        var all = driverDiagnostics.Concat(result.Diagnostics).Distinct().ToList();
        foreach (var d in all.Where(d => d.Id is "CS8785" or "TLX0099")) failures.Add("generator failure: " + d);

        // 2. Problems are reported, each at a real place in the spec file.
        var tlx = all.Where(d => d.Id.StartsWith("TLX", StringComparison.Ordinal)).ToList();
        var lineCount = SourceText.From(mutation.Text).Lines.Count;
        foreach (var d in tlx)
        {
            var span = d.Location.GetLineSpan();
            if (d.Location.Kind != LocationKind.ExternalFile || span.Path != path || span.StartLinePosition.Line < 0 || span.StartLinePosition.Line >= lineCount)
            {
                failures.Add($"diagnostic not located in the spec ({d.Location.Kind}, '{span.Path}', line {span.StartLinePosition.Line} of {lineCount}): {Short(d)}");
            }
        }
        var errors = tlx.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        switch (mutation.Expect)
        {
            case Expect.Problem when tlx.Count == 0:
                failures.Add("the mutation breaks the document but no TLX diagnostic was reported");
                break;
            case Expect.Clean when result.GeneratedTrees.Length == 0 || errors.Count > 0:
                failures.Add($"a well-formed document should generate cleanly: {result.GeneratedTrees.Length} files, errors: " + string.Join(" | ", errors.Select(Short)));
                break;
            // This compilation reports every warning as an error: the descriptor's own severity says what the user sees.
            case Expect.Degraded when tlx.Count == 0 || tlx.Any(d => d.DefaultSeverity == DiagnosticSeverity.Error) || result.GeneratedTrees.Length == 0:
                failures.Add($"a part of the wrong JSON kind must be a located warning while the rest is generated: {tlx.Count} TLX, {result.GeneratedTrees.Length} files, errors: "
                             + string.Join(" | ", tlx.Where(d => d.DefaultSeverity == DiagnosticSeverity.Error).Select(Short)));
                break;
        }
        if (result.GeneratedTrees.Length == 0 && errors.Count == 0)
        {
            failures.Add("nothing was generated and no TLX error says why: " + string.Join(" | ", tlx.Select(Short)));
        }

        // 3. The generated code and the consumer compile without a single warning. Many mutations leave the output as
        // another case's (the damage is reported and worked around the same way): identical output compiles once.
        var compileWatch = Stopwatch.StartNew();
        var outputKey = OutputKey(result);
        var compileProblems = CompiledOutputs.GetOrAdd(outputKey, _ => new Lazy<List<string>>(() =>
            outputCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => Short(d)).ToList())).Value;
        RobustnessTimings.Compiles[name] = compileWatch.Elapsed;
        if (compileProblems.Count > 0)
        {
            failures.Add($"{compileProblems.Count} compiler diagnostic(s) in the output:\n    "
                         + string.Join("\n    ", compileProblems.Take(8)));
        }

        if (failures.Count == 0) return null;
        return $"{name} ({mutation.Expect}, {mutation.Text.Length} chars, {result.GeneratedTrees.Length} files):\n  - " + string.Join("\n  - ", failures)
               + "\n  TLX: " + string.Join("\n       ", tlx.Take(6).Select(Short));
    }

    /// <summary>Compile results by generated output (SHA-256 of every file's name and text, in name order).</summary>
    private static readonly ConcurrentDictionary<string, Lazy<List<string>>> CompiledOutputs = new(StringComparer.Ordinal);

    private static string OutputKey(GeneratorDriverRunResult result)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var tree in result.GeneratedTrees.OrderBy(t => t.FilePath, StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(tree.FilePath + "\0" + tree.GetText() + "\0"));
        }
        var key = Convert.ToHexString(hash.GetHashAndReset());
        RobustnessTimings.Outputs.TryAdd(key, 0);
        return key;
    }

    private static string Short(Diagnostic d)
    {
        var text = d.ToString();
        return text.Length > 400 ? text.Substring(0, 400) + "…" : text;
    }
}

/// <summary>Half of the corpus (cases are dealt to two classes so xunit runs them on two cores).</summary>
public sealed class RobustnessTestsShard0 : RobustnessTestBase, IClassFixture<RobustnessTimings>
{
    public RobustnessTestsShard0(ITestOutputHelper output)
        : base(output)
    {
    }

    public static IEnumerable<object[]> Cases() => MutationCorpus.Names(0, 2);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task GeneratorSurvives(string name) => Run(name);
}

/// <summary>Half of the corpus (cases are dealt to two classes so xunit runs them on two cores).</summary>
public sealed class RobustnessTestsShard1 : RobustnessTestBase, IClassFixture<RobustnessTimings>
{
    public RobustnessTestsShard1(ITestOutputHelper output)
        : base(output)
    {
    }

    public static IEnumerable<object[]> Cases() => MutationCorpus.Names(1, 2);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task GeneratorSurvives(string name) => Run(name);
}

/// <summary>Corpus-wide checks.</summary>
public sealed class RobustnessCorpusTests
{
    [Fact]
    public void CorpusHasEnoughCases()
    {
        Assert.True(MutationCorpus.All.Count >= 300, "only " + MutationCorpus.All.Count + " mutated documents");
    }
}
