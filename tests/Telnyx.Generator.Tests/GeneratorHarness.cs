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

    private static readonly Dictionary<string, string> TrustedAssemblies =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            // The host may list a file twice: the first entry is the one it loads.
            .GroupBy(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, MetadataReference> ReferenceCache = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// What a console consumer of the runtime compiles against: the framework's System.* assemblies, the runtime, and
    /// the runtime's own dependencies (Microsoft.Extensions.Http, DependencyInjection, Configuration, Options, Logging).
    /// </summary>
    public static IReadOnlyList<MetadataReference> References { get; } = LoadReferences();

    /// <summary><see cref="References"/> plus ASP.NET Core's shared framework (this process runs on it: see the csproj).</summary>
    public static IReadOnlyList<MetadataReference> AspNetCoreReferences => AspNetCore.Value;

    /// <summary><see cref="References"/> plus Microsoft.Extensions.Caching.StackExchangeRedis and what it references (StackExchange.Redis).</summary>
    public static IReadOnlyList<MetadataReference> RedisReferences => Redis.Value;

    /// <summary>Both integrations.</summary>
    public static IReadOnlyList<MetadataReference> AspNetCoreAndRedisReferences => AspNetCoreAndRedis.Value;

    // Lazy, and found by name: this file is compiled into projects without ASP.NET Core or Redis too.
    private static readonly Lazy<IReadOnlyList<MetadataReference>> AspNetCore = new(() => Union(References,
        Required("Microsoft.AspNetCore.Routing", "the csproj's FrameworkReference to Microsoft.AspNetCore.App"),
        TrustedAssemblies.Where(p => p.Key == "Microsoft.AspNetCore" || p.Key.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal)
                                     || p.Key.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
                                     || p.Key == "Microsoft.Net.Http.Headers")
            .Where(p => p.Key != "Microsoft.Extensions.Caching.StackExchangeRedis")
            .Select(p => p.Value)));

    private static readonly Lazy<IReadOnlyList<MetadataReference>> Redis = new(() => Union(References,
        Closure(Required("Microsoft.Extensions.Caching.StackExchangeRedis", "the csproj's PackageReference to Microsoft.Extensions.Caching.StackExchangeRedis"))));

    private static readonly Lazy<IReadOnlyList<MetadataReference>> AspNetCoreAndRedis = new(() => Union(AspNetCoreReferences,
        RedisReferences.Select(r => r.Display!)));

    private static string Required(string assembly, string from)
        => TrustedAssemblies.TryGetValue(assembly, out var path) ? path
            : throw new InvalidOperationException(assembly + " is not among this process's assemblies: it comes from " + from + ".");

    /// <summary>The non-framework part of <see cref="References"/>: the runtime and its packages, for compilations on a reference pack.</summary>
    public static IReadOnlyList<MetadataReference> RuntimePackageReferences { get; } = References
        .Where(r => Path.GetFileName(r.Display!) is var name
                    && (name.StartsWith("Telnyx.", StringComparison.Ordinal) || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
                        || name.StartsWith("NSec.", StringComparison.Ordinal)))
        .ToList();

    private static IReadOnlyList<MetadataReference> LoadReferences()
    {
        var files = TrustedAssemblies.Values.Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal)
                                                        || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Concat(Closure(typeof(Telnyx.Runtime.Primitives.ITelnyxJsonModel<>).Assembly.Location));
        return Union(Array.Empty<MetadataReference>(), files);
    }

    /// <summary>An assembly and every assembly it references, transitively, found among this process's trusted assemblies.</summary>
    private static IEnumerable<string> Closure(string root)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var path = pending.Pop();
            if (!seen.Add(path)) continue;
            using var stream = File.OpenRead(path);
            using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
            var md = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            foreach (var handle in md.AssemblyReferences)
            {
                var name = md.GetString(md.GetAssemblyReference(handle).Name);
                if (TrustedAssemblies.TryGetValue(name, out var file)) pending.Push(file);
            }
        }
        return seen;
    }

    private static IReadOnlyList<MetadataReference> Union(IEnumerable<MetadataReference> first, string required, IEnumerable<string> files)
        => Union(first, files.Append(required));

    private static IReadOnlyList<MetadataReference> Union(IEnumerable<MetadataReference> first, IEnumerable<string> files)
    {
        var result = first.ToList();
        var paths = new HashSet<string>(result.Select(r => r.Display!), StringComparer.OrdinalIgnoreCase);
        foreach (var file in files.OrderBy(f => f, StringComparer.Ordinal))
        {
            if (!paths.Add(file)) continue;
            lock (ReferenceCache)
            {
                if (!ReferenceCache.TryGetValue(file, out var reference)) ReferenceCache[file] = reference = MetadataReference.CreateFromFile(file);
                result.Add(reference);
            }
        }
        return result;
    }

    public static CSharpCompilation CreateCompilation(params string[] sources) => CreateCompilation(References, sources);

    public static CSharpCompilation CreateCompilation(IEnumerable<MetadataReference> references, params string[] sources)
        => CSharpCompilation.Create(
            "Consumer",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Preview))),
            references,
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
        => Run(References, specText, path, sources);

    public static (GeneratorDriver Driver, GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> Diagnostics) Run(
        IEnumerable<MetadataReference> references, string? specText, string path = SpecPath, params string[] sources)
    {
        var driver = CreateDriver(new[] { new InMemoryAdditionalText(path, specText) });
        var compilation = CreateCompilation(references, sources.Length == 0 ? new[] { "namespace Consumer; public static class Marker { }" } : sources);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (driver, driver.GetRunResult(), output, diagnostics);
    }
}
