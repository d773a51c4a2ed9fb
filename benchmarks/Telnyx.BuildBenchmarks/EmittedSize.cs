using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Telnyx.Generator;

namespace Telnyx.BuildBenchmarks;

/// <summary>
/// How much C# each generator hands the compiler for a document: ours counted by running the generator of this
/// repository in process on the document (the same options the build passes), Kiota's by reading its output folder.
/// Files and characters, so the two are compared on the same footing.
/// </summary>
public static class EmittedSize
{
    public static (int Files, long Characters) Ours(BenchDocument document)
    {
        var file = new SpecText(document.SpecPath, File.ReadAllText(document.SpecPath));
        var global = new Dictionary<string, string>();
        if (document.TelnyxInclude is { } include) global[TelnyxGenerator.IncludeProperty] = include;
        var driver = CSharpGeneratorDriver.Create(new[] { new TelnyxGenerator().AsSourceGenerator() }, new AdditionalText[] { file },
            new CSharpParseOptions(LanguageVersion.Latest), new SpecOptions(file.Path, global));
        var compilation = CSharpCompilation.Create("Count", new[] { CSharpSyntaxTree.ParseText("namespace Count { }") });
        var result = driver.RunGenerators(compilation).GetRunResult();
        var sources = result.Results.SelectMany(r => r.GeneratedSources).ToList();
        return (sources.Count, sources.Sum(s => (long)s.SourceText.Length));
    }

    public static (int Files, long Characters) Kiota(string outputFolder)
    {
        var files = Directory.EnumerateFiles(outputFolder, "*.cs", SearchOption.AllDirectories).ToList();
        return (files.Count, files.Sum(f => (long)File.ReadAllText(f).Length));
    }

    private sealed class SpecText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class SpecOptions(string specPath, Dictionary<string, string> global) : AnalyzerConfigOptionsProvider
    {
        private readonly Values _spec = new(new Dictionary<string, string> { [TelnyxGenerator.SpecMetadata] = "true" });
        private readonly Values _empty = new(new Dictionary<string, string>());
        private readonly Values _global = new(global);

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => textFile.Path == specPath ? _spec : _empty;
    }

    private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
