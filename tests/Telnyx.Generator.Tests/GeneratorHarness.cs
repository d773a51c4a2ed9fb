using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Telnyx.Generator.Tests;

/// <summary>An AdditionalText held in memory (or a path that does not exist, for "not found").</summary>
internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly string? _text;

    public InMemoryAdditionalText(string path, string? text)
    {
        Path = path;
        _text = text;
    }

    public override string Path { get; }

    public override SourceText? GetText(CancellationToken cancellationToken = default)
        => _text is null ? null : SourceText.From(_text);
}

/// <summary>Analyzer config options: global properties and per-file metadata.</summary>
internal sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly Options _global;
    private readonly Dictionary<string, Options> _files;

    public TestOptionsProvider(IDictionary<string, string> global, IDictionary<string, IDictionary<string, string>> files)
    {
        _global = new Options(global);
        _files = files.ToDictionary(p => p.Key, p => new Options(p.Value));
    }

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        => _files.TryGetValue(textFile.Path, out var o) ? o : Options.Empty;

    private sealed class Options : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(new Dictionary<string, string>());
        private readonly IDictionary<string, string> _values;

        public Options(IDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value)
        {
            if (_values.TryGetValue(key, out var v))
            {
                value = v;
                return true;
            }
            value = null!;
            return false;
        }
    }
}

/// <summary>Drives <see cref="TelnyxGenerator"/> through <see cref="CSharpGeneratorDriver"/> with step tracking on.</summary>
internal static class GeneratorHarness
{
    public const string SpecPath = "/specs/telnyx-voice-conferencing.json";

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string BundledSpecText { get; } = File.ReadAllText(Path.Combine(RepoRoot, "specs", "telnyx-voice-conferencing.json"));

    public static string OfficialSpecPath => Environment.GetEnvironmentVariable("TELNYX_OFFICIAL_SPEC")
        ?? Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "telnyx-openapi", "spec3.json"));

    private static string FindRepoRoot()
    {
        var baked = typeof(GeneratorHarness).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .OfType<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        if (baked is not null && File.Exists(Path.Combine(baked, "Telnyx.Generated.sln"))) return Path.GetFullPath(baked);
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Telnyx.Generated.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root from " + AppContext.BaseDirectory);
    }

    public static IReadOnlyList<MetadataReference> References { get; } = LoadReferences();

    private static IReadOnlyList<MetadataReference> LoadReferences()
    {
        var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var refs = tpa.Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal)
                                  || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
        refs.Add(MetadataReference.CreateFromFile(typeof(Telnyx.Runtime.Json.ITelnyxJsonModel<>).Assembly.Location));
        return refs;
    }

    public static CSharpCompilation CreateCompilation(params string[] sources)
        => CSharpCompilation.Create(
            "Consumer",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Preview))),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> texts, IDictionary<string, IDictionary<string, string>>? fileOptions = null, IDictionary<string, string>? global = null)
    {
        var textList = texts.ToList();
        fileOptions ??= textList.ToDictionary(t => t.Path, _ => (IDictionary<string, string>)new Dictionary<string, string>
        {
            [TelnyxGenerator.SpecMetadata] = "true",
        });
        return CSharpGeneratorDriver.Create(
            new[] { new TelnyxGenerator().AsSourceGenerator() },
            textList,
            new CSharpParseOptions(LanguageVersion.Preview),
            new TestOptionsProvider(global ?? new Dictionary<string, string>(), fileOptions),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    public static (GeneratorDriver Driver, GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> Diagnostics) Run(
        string? specText, string path = SpecPath, params string[] sources)
    {
        var driver = CreateDriver(new[] { new InMemoryAdditionalText(path, specText) });
        var compilation = CreateCompilation(sources.Length == 0 ? new[] { "namespace Consumer; public static class Marker { }" } : sources);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (driver, driver.GetRunResult(), output, diagnostics);
    }
}
