using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Telnyx.BuildBenchmarks;

/// <summary>
/// Kiota 1.38.0 (the repository's tool manifest, .config/dotnet-tools.json) generating a C# client from a document,
/// timed as its own process, then the known defects of its output repaired so the client compiles.
/// </summary>
public static class KiotaClient
{
    public static string[] GenerateArguments(BenchDocument document, string output)
    {
        var args = new[]
        {
            "kiota", "generate", "-l", "CSharp", "-d", document.SpecPath, "-o", output,
            "-c", ConsumerLayout.KiotaClientClass, "-n", ConsumerLayout.KiotaNamespace,
            "--exclude-backward-compatible", "--clean-output", "--log-level", "Error",
        };
        return args.Concat(document.KiotaIncludes.SelectMany(p => new[] { "-i", p })).ToArray();
    }

    private static readonly Regex ModelClass = new(
        @"^(?<indent>\s*)public partial class (?<name>\w+) : (IAdditionalDataHolder, )?IParsable\s*$", RegexOptions.Multiline | RegexOptions.Compiled);

    private static readonly Regex Namespace = new(@"^namespace (?<ns>[\w.]+)", RegexOptions.Multiline | RegexOptions.Compiled);

    /// <summary>
    /// Kiota 1.38.0 on the whole official document writes one model, <c>ReputationPhoneNumberList</c> (the list
    /// response of the reputation-number operations), without the static <c>CreateFromDiscriminatorValue</c>
    /// factory it writes for every other model, while the request builders pass that factory to the adapter: the
    /// build fails with CS0117. The repair adds the factory Kiota writes for a model without a discriminator
    /// (return a new instance) to every model class that implements IParsable directly and lacks it. Returns a
    /// description of what it changed, empty when nothing needed it.
    /// </summary>
    public static string Repair(string output)
    {
        var repaired = new List<string>();
        foreach (var file in Directory.EnumerateFiles(output, "*.cs", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            if (text.Contains("CreateFromDiscriminatorValue(IParseNode parseNode)", StringComparison.Ordinal)) continue;
            if (ModelClass.Match(text) is not { Success: true } model || Namespace.Match(text) is not { Success: true } ns) continue;
            var name = model.Groups["name"].Value;
            var fullName = $"global::{ns.Groups["ns"].Value}.{name}";
            var open = text.IndexOf('{', model.Index + model.Length);
            var indent = model.Groups["indent"].Value.Trim('\r', '\n') + "    ";
            var factory = $$"""

                {{indent}}/// <summary>Added by the build benchmark: Kiota 1.38.0 left this factory out (CS0117 at its call sites).</summary>
                {{indent}}public static {{fullName}} CreateFromDiscriminatorValue(IParseNode parseNode)
                {{indent}}{
                {{indent}}    if(ReferenceEquals(parseNode, null)) throw new ArgumentNullException(nameof(parseNode));
                {{indent}}    return new {{fullName}}();
                {{indent}}}
                """;
            File.WriteAllText(file, text.Insert(open + 1, factory));
            repaired.Add(name);
        }
        return repaired.Count == 0
            ? ""
            : $"Kiota's output repaired: CreateFromDiscriminatorValue added to {string.Join(", ", repaired)} (Kiota 1.38.0 omits it, and its request builders call it: CS0117).";
    }
}
