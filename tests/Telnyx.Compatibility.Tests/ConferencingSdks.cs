using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.CodeAnalysis;
using Telnyx.Generator;
using Telnyx.Generator.Tests;

namespace Telnyx.Compatibility.Tests;

/// <summary>
/// The two conferencing SDKs that must agree: generated in memory from the bundled document, and from the
/// README's conferencing selection of the official document, each compiled together with the consumer file.
/// Each is generated once per test run (the official document takes about a second to read).
/// </summary>
internal static class ConferencingSdks
{
    /// <summary>The README's conferencing selection.</summary>
    public const string ConferencingSelection =
        "tag:Conference Commands;tag:Queue Commands;path:/calls/{call_control_id}/actions/enqueue;path:/calls/{call_control_id}/actions/leave_queue;"
        + "webhook:callEnqueued;webhook:callLeftQueue;webhook:conference*";

    private static readonly Lazy<(Compilation Output, GeneratorDriverRunResult Result)> BundledSdk =
        new(() => Generate(GeneratorHarness.BundledSpecText, GeneratorHarness.SpecPath, null));

    private static readonly Lazy<(Compilation Output, GeneratorDriverRunResult Result)> OfficialSdk =
        new(() => Generate(File.ReadAllText(OfficialDocumentTests.OfficialSpecPath), "/official/spec3.json", ConferencingSelection));

    public static (Compilation Output, GeneratorDriverRunResult Result) Bundled => BundledSdk.Value;

    public static (Compilation Output, GeneratorDriverRunResult Result) OfficialSubset => OfficialSdk.Value;

    private static string ConsumerSource => File.ReadAllText(Path.Combine(GeneratorHarness.RepoRoot, "tests", "Telnyx.Compatibility.Tests", "Consumer", "ConferencingConsumer.cs.txt"));

    /// <summary>Generates from a variant of the bundled document (for tests that show the comparison can fail).</summary>
    public static (Compilation Output, GeneratorDriverRunResult Result) FromBundledVariant(string specText)
        => Generate(specText, GeneratorHarness.SpecPath, null);

    private static (Compilation Output, GeneratorDriverRunResult Result) Generate(string specText, string path, string? include)
    {
        var text = new InMemoryAdditionalText(path, specText);
        var metadata = new Dictionary<string, string> { [TelnyxGenerator.SpecMetadata] = "true" };
        if (include is not null) metadata[TelnyxGenerator.IncludeMetadata] = include;
        var driver = GeneratorHarness.CreateDriver(new[] { text }, new Dictionary<string, IDictionary<string, string>> { [path] = metadata });
        var compilation = GeneratorHarness.CreateCompilation(ConsumerSource);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return (output, driver.GetRunResult());
    }
}
