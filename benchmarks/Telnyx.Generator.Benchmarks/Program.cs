using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Telnyx.Generator;
using Telnyx.Generator.Emit;
using Telnyx.Generator.OpenApi;

// Prints medians side by side in one run: the generator's stages on the official document, the whole generator
// run through the Roslyn driver, and the consumer's compile with and without the document.
var specPath = Environment.GetEnvironmentVariable("TELNYX_OFFICIAL_SPEC")
    ?? typeof(SpecFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "OfficialSpec").Value!;
var runs = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 7;
var text = File.ReadAllText(specPath);
Console.WriteLine($"Official document: {specPath} ({text.Length / 1024} KiB), {runs} runs each, medians; {Environment.ProcessorCount} cores");

// The stages are the generator's own code, called as SpecReader.Read calls them: parse (JSON validation and keyword
// scan, then Microsoft.OpenApi), model (ModelBuilder, diagnostics located), emit (output units -> C# text).
var source = new SpecSource("/spec/spec3.json", text, "Telnyx", null);
var parse = new List<double>();
var model = new List<double>();
var emit = new List<double>();
var whole = new List<double>();
var parseGc = new List<double>();
var modelGc = new List<double>();
var emitGc = new List<double>();
long parseBytes = 0, modelBytes = 0, emitBytes = 0, chars = 0;
int files = 0, operations = 0;
for (var i = 0; i < runs + 1; i++) // the first round warms the JIT and is dropped
{
    GC.Collect();
    var a0 = GC.GetAllocatedBytesForCurrentThread();
    var g0 = GC.GetTotalPauseDuration();
    var sw = Stopwatch.StartNew();
    var parsed = SpecReader.Parse(source, CancellationToken.None);
    var tParse = sw.Elapsed.TotalMilliseconds;
    var a1 = GC.GetAllocatedBytesForCurrentThread();
    var g1 = GC.GetTotalPauseDuration();
    GC.Collect(); // untimed: the next stage does not pay for collecting this one's allocations
    var g1b = GC.GetTotalPauseDuration();
    sw.Restart();
    var result = SpecReader.BuildModel(source, parsed, CancellationToken.None);
    var tModel = sw.Elapsed.TotalMilliseconds;
    var a2 = GC.GetAllocatedBytesForCurrentThread();
    var g2 = GC.GetTotalPauseDuration();
    GC.Collect();
    var g2b = GC.GetTotalPauseDuration();
    sw.Restart();
    var units = ClientPlan.Units(result.Model!);
    var sources = units.Select(SourceFile.Emit).ToList();
    var tEmit = sw.Elapsed.TotalMilliseconds;
    var a3 = GC.GetAllocatedBytesForCurrentThread();
    var g3 = GC.GetTotalPauseDuration();

    sw.Restart();
    var driver = Driver(text);
    driver = driver.RunGenerators(EmptyCompilation());
    var tWhole = sw.Elapsed.TotalMilliseconds;
    if (i == 0) continue;
    parse.Add(tParse);
    model.Add(tModel);
    emit.Add(tEmit);
    whole.Add(tWhole);
    parseGc.Add((g1 - g0).TotalMilliseconds);
    modelGc.Add((g2 - g1b).TotalMilliseconds);
    emitGc.Add((g3 - g2b).TotalMilliseconds);
    (parseBytes, modelBytes, emitBytes) = (a1 - a0, a2 - a1, a3 - a2);
    files = sources.Count;
    chars = sources.Sum(s => (long)s.Text.Length);
    operations = result.Model!.Operations.Count;
}

Console.WriteLine($"  parse (validate + Microsoft.OpenApi)     {Median(parse),6:F0} ms (GC pauses {Median(parseGc),3:F0} ms)  {parseBytes >> 20,4} MiB allocated");
Console.WriteLine($"  model (ApiModel + names)                 {Median(model),6:F0} ms (GC pauses {Median(modelGc),3:F0} ms)  {modelBytes >> 20,4} MiB allocated");
Console.WriteLine($"  emit  ({files} files, {chars / 1_000_000.0:F1}M chars)      {Median(emit),6:F0} ms (GC pauses {Median(emitGc),3:F0} ms)  {emitBytes >> 20,4} MiB allocated");
Console.WriteLine($"  model + emit / parse                 {(Median(model) + Median(emit)) / Median(parse),8:P0}   (target <= 50 %)");
Console.WriteLine($"  whole generator run (driver)         {Median(whole),8:F0} ms   (target <= 2000 ms; {operations} operations)");

// The consumer's compile: a small consumer alone, and with everything the document generates.
var consumer = "namespace Consumer; public static class Program { public static void Main() { } }";
var without = new List<double>();
var with = new List<double>();
long peakWith = 0;
for (var i = 0; i < Math.Max(3, runs / 2) + 1; i++)
{
    GC.Collect();
    var sw = Stopwatch.StartNew();
    Compile(EmptyCompilation(consumer));
    var tWithout = sw.Elapsed.TotalMilliseconds;

    GC.Collect();
    var before = GC.GetTotalAllocatedBytes(true);
    sw.Restart();
    Driver(text).RunGeneratorsAndUpdateCompilation(EmptyCompilation(consumer), out var output, out _);
    Compile(output);
    var tWith = sw.Elapsed.TotalMilliseconds;
    peakWith = Math.Max(peakWith, Process.GetCurrentProcess().PeakWorkingSet64);
    if (i == 0) continue;
    without.Add(tWithout);
    with.Add(tWith);
    if (i == 1) Console.WriteLine($"  allocated while generating + compiling the document: {(GC.GetTotalAllocatedBytes(true) - before) / (1024 * 1024)} MiB");
}
Console.WriteLine($"  consumer compile without the document {Median(without),8:F0} ms");
Console.WriteLine($"  consumer compile with the document    {Median(with),8:F0} ms   (generator + compile + emit to memory)");
Console.WriteLine($"  peak working set of this process      {peakWith / (1024 * 1024),8} MiB");
return 0;

static double Median(List<double> values)
{
    var sorted = values.OrderBy(v => v).ToList();
    return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static GeneratorDriver Driver(string specText)
{
    var file = new SpecFiles.Text("/spec/spec3.json", specText);
    return CSharpGeneratorDriver.Create(new[] { new TelnyxGenerator().AsSourceGenerator() }, new AdditionalText[] { file },
        new CSharpParseOptions(LanguageVersion.Preview), new SpecFiles.Options(file.Path));
}

static CSharpCompilation EmptyCompilation(string source = "namespace Consumer; public static class Marker { }")
{
    var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
        .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll")
        .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
        .Append(MetadataReference.CreateFromFile(typeof(Telnyx.Runtime.Primitives.ITelnyxJsonModel<>).Assembly.Location));
    return CSharpCompilation.Create("Consumer", new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview)) }, tpa,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
}

static void Compile(Compilation compilation)
{
    using var stream = new MemoryStream();
    var result = compilation.Emit(stream);
    if (!result.Success) throw new InvalidOperationException("Compilation failed: " + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
}

/// <summary>Roslyn inputs for one spec file marked TelnyxSpec.</summary>
internal static class SpecFiles
{
    internal sealed class Text(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    internal sealed class Options(string specPath) : AnalyzerConfigOptionsProvider
    {
        private readonly Values _spec = new(new Dictionary<string, string> { [TelnyxGenerator.SpecMetadata] = "true" });
        private readonly Values _empty = new(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GlobalOptions => _empty;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => textFile.Path == specPath ? _spec : _empty;
    }

    internal sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
