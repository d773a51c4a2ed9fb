using System;
using System.IO;
using System.Linq;
using Xunit.Abstractions;

namespace Telnyx.Consumer.Tests;

[CollectionDefinition(Name)]
public sealed class ConsumerCollection : ICollectionFixture<ConsumerSet>
{
    public const string Name = "consumer set";
}

/// <summary>
/// Each case of <see cref="ConsumerCase"/>, through both consumer paths, after the set's one restore and one build.
/// Every consumer builds with TreatWarningsAsErrors, nullable and the trim/AOT analyzers on.
/// </summary>
[Collection(ConsumerCollection.Name)]
public sealed class ConsumerTests
{
    private const int SdkOperations = 34;
    private const int SdkEvents = 16;
    private readonly ConsumerSet _set;
    private readonly ITestOutputHelper _output;

    public ConsumerTests(ConsumerSet set, ITestOutputHelper output)
    {
        _set = set;
        _output = output;
    }

    public static TheoryData<ConsumerKind> Kinds => new() { ConsumerKind.ProjectReference, ConsumerKind.PackageReference };

    [Fact]
    public void EveryConsumerWasBuiltOnceInOneBuild()
    {
        _output.WriteLine($"pack {_set.PackTime.TotalSeconds:F1} s, restore {_set.RestoreTime.TotalSeconds:F1} s, build of {_set.Consumers.Count} consumers {_set.BuildTime.TotalSeconds:F1} s");
        foreach (var consumer in _set.Consumers) _output.WriteLine(consumer.Describe());
        Assert.Equal(ConsumerCase.All.Count * 2, _set.Consumers.Count);
        // Only the strict cases fail: every other consumer has its dll.
        var failed = _set.Consumers.Where(c => !c.Succeeded).Select(c => c.Case.Name).Distinct().OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(new[] { ConsumerCase.DanglingStrict.Name, ConsumerCase.OpenApi30Strict.Name }, failed);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void BundledDefaultBuildsCleanWithTheWholeSdk(ConsumerKind kind)
    {
        var consumer = _set[kind, ConsumerCase.Default];
        Assert.True(consumer.Succeeded && !consumer.Warnings.Any(), consumer.Describe());
        AssertConferencingSdk(consumer.Read(), "Telnyx");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ReadmeIncludeAsPropertyKeepsEverySelector(ConsumerKind kind)
    {
        var consumer = _set[kind, ConsumerCase.IncludeProperty];
        Assert.True(consumer.Succeeded && !consumer.Warnings.Any(), consumer.Describe());
        AssertConferencingSdk(consumer.Read(), "Telnyx");
        // What carried it: the analyzer config file holds the encoded value, not a value cut at the first ';'.
        Assert.Contains("build_property.TelnyxInclude = telnyx-base64:", EditorConfig(consumer), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ReadmeIncludeAsItemMetadataKeepsEverySelector(ConsumerKind kind)
    {
        var consumer = _set[kind, ConsumerCase.IncludeMetadata];
        Assert.True(consumer.Succeeded && !consumer.Warnings.Any(), consumer.Describe());
        AssertConferencingSdk(consumer.Read(), "Telnyx");
        Assert.Contains("build_metadata.AdditionalFiles.TelnyxInclude = telnyx-base64:", EditorConfig(consumer), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void TelnyxNamespaceMovesTheWholeSdk(ConsumerKind kind)
    {
        var consumer = _set[kind, ConsumerCase.Namespace];
        Assert.True(consumer.Succeeded && !consumer.Warnings.Any(), consumer.Describe());
        var built = consumer.Read();
        AssertConferencingSdk(built, "My.Telnyx");
        Assert.Equal(0, built.OperationsIn("Telnyx"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void TwoSpecsEachInItsOwnNamespace(ConsumerKind kind)
    {
        var consumer = _set[kind, ConsumerCase.TwoSpecs];
        Assert.True(consumer.Succeeded && !consumer.Warnings.Any(), consumer.Describe());
        var built = consumer.Read();
        AssertConferencingSdk(built, "Conf.A");
        var queueCommands = OfficialSelection.Operations(ConsumerSet.OfficialSpec).Where(o => o.Tags.Contains("Queue Commands")).Select(o => (o.Method, o.Path)).ToHashSet();
        Assert.NotEmpty(queueCommands);
        Assert.Equal(queueCommands, built.Operations.Where(o => o.Namespace == "Queues.B").Select(o => (o.Method, o.Path)).ToHashSet());
        Assert.Equal(queueCommands.Count, built.OperationsIn("Queues.B"));
        Assert.Equal(0, built.EventsIn("Queues.B"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void WholeOfficialDocumentBuildsWithAMethodPerOperation(ConsumerKind kind)
    {
        var consumer = _set[kind, ConsumerCase.Official];
        Assert.True(consumer.Succeeded, consumer.Describe());
        var built = consumer.Read();
        var expected = OfficialSelection.Operations(ConsumerSet.OfficialSpec).Select(o => (o.Method, o.Path)).ToHashSet();
        Assert.Equal(expected, built.Operations.Select(o => (o.Method, o.Path)).ToHashSet());
        Assert.Equal(expected.Count, built.OperationsIn("Telnyx"));
        Assert.True(built.EventsIn("Telnyx") >= OfficialSelection.ConferencingWebhooks(ConsumerSet.OfficialSpec).Count, $"{built.EventsIn("Telnyx")} event records");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void DanglingRefDefaultBuildsUnderWarningsAsErrorsAndShowsTheLocatedWarning(ConsumerKind kind)
    {
        var consumer = _set[kind, ConsumerCase.Dangling];
        Assert.True(consumer.Succeeded, consumer.Describe());
        AssertLocated(consumer, "warning", "TLX0004", Path.Combine(_set.Docs, "dangling.json"), DerivedDocuments.DanglingProperty);
        AssertConferencingSdk(consumer.Read(), "Telnyx");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void DanglingRefStrictFailsOnTheLocatedError(ConsumerKind kind)
    {
        var consumer = _set[kind, ConsumerCase.DanglingStrict];
        Assert.False(consumer.Succeeded, consumer.Describe());
        AssertLocated(consumer, "error", "TLX0004", Path.Combine(_set.Docs, "dangling.json"), DerivedDocuments.DanglingProperty);
        // Only the document's own problems fail it: no compiler error in the generated code.
        Assert.All(consumer.Errors, e => Assert.StartsWith("TLX", e.Id, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void DanglingRefStrictWithSeveritiesInAGlobalConfigTheExplicitSeveritiesWin(ConsumerKind kind)
    {
        var consumer = _set[kind, ConsumerCase.DanglingStrictGlobalConfig];
        Assert.True(consumer.Succeeded, consumer.Describe());
        Assert.DoesNotContain(consumer.Diagnostics, d => d.Id is "TLX0004" or "TLX0007");
        AssertConferencingSdk(consumer.Read(), "Telnyx");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void OpenApi30WithTypeArraysDefaultBuildsUnderWarningsAsErrors(ConsumerKind kind)
    {
        var consumer = _set[kind, ConsumerCase.OpenApi30];
        var document = Path.Combine(_set.Docs, "openapi30.json");
        Assert.True(consumer.Succeeded, consumer.Describe());
        AssertLocated(consumer, "warning", "TLX0004", document, DerivedDocuments.DanglingProperty);
        // Whatever else the older version brings up, it is a located warning in the document.
        Assert.All(consumer.Warnings.Where(w => w.Id.StartsWith("TLX", StringComparison.Ordinal)), w =>
        {
            Assert.Equal(document, w.File);
            Assert.True(w.Line >= 1 && w.Column >= 1, w.ToString());
        });
        Assert.Equal(SdkOperations, consumer.Read().OperationsIn("Telnyx"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void OpenApi30WithTypeArraysStrictFailsOnTheLocatedError(ConsumerKind kind)
    {
        var consumer = _set[kind, ConsumerCase.OpenApi30Strict];
        Assert.False(consumer.Succeeded, consumer.Describe());
        AssertLocated(consumer, "error", "TLX0004", Path.Combine(_set.Docs, "openapi30.json"), DerivedDocuments.DanglingProperty);
        Assert.All(consumer.Errors, e => Assert.StartsWith("TLX", e.Id, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void NoWebhooksSectionBuildsTheOperationsAndReportsTheWebhookSelectors(ConsumerKind kind)
    {
        var consumer = _set[kind, ConsumerCase.NoWebhooks];
        Assert.True(consumer.Succeeded, consumer.Describe());
        var built = consumer.Read();
        Assert.Equal(SdkOperations, built.OperationsIn("Telnyx"));
        Assert.Empty(built.Events);
        var document = Path.Combine(_set.Docs, "no-webhooks.json");
        foreach (var selector in new[] { "webhook:callEnqueued", "webhook:callLeftQueue", "webhook:conference*" })
        {
            Assert.Contains(consumer.Warnings, w => w.Id == "TLX0010" && w.File == document && w.Line >= 1 && w.Message.Contains("'" + selector + "'", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void MalformedSelectorsAreEachReportedAndTheRestIsBuilt(ConsumerKind kind)
    {
        var consumer = _set[kind, ConsumerCase.MalformedSelector];
        Assert.True(consumer.Succeeded, consumer.Describe());
        AssertConferencingSdk(consumer.Read(), "Telnyx");
        foreach (var selector in new[] { "tag:No Such Tag", "tag:bogus:value", "tag:", "path:", "webhook:" })
        {
            Assert.Contains(consumer.Warnings, w => w.Id == "TLX0010" && w.File == ConsumerSet.OfficialSpec && w.Line >= 1 && w.Message.Contains("'" + selector + "'", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void SelectorWithAHashSurvives(ConsumerKind kind)
    {
        var consumer = _set[kind, ConsumerCase.HashInSelector];
        Assert.True(consumer.Succeeded && !consumer.Warnings.Any(), consumer.Describe());
        AssertConferencingSdk(consumer.Read(), "Telnyx");
    }

    /// <summary>The receiving surface every consumer of a document with webhooks gets, ASP.NET Core or not.</summary>
    private static readonly string[] ReceivingTypes = { "Telnyx.TelnyxWebhookHandler", "Telnyx.TelnyxClientServiceCollectionExtensions" };

    /// <summary>The types only an ASP.NET Core or Redis consumer gets.</summary>
    private static readonly string[] IntegrationTypes =
    {
        "Telnyx.TelnyxEndpointRouteBuilderExtensions", "Telnyx.TelnyxRedisWebhooksBuilderExtensions", "Telnyx.TelnyxRedisDeliveryStore",
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void WebConsumerMapsTheEndpointAndDeduplicatesInRedisUnderWarningsAsErrorsAndTheAotAnalyzers(ConsumerKind kind)
    {
        var consumer = _set[kind, ConsumerCase.Web];
        Assert.True(consumer.Succeeded && !consumer.Warnings.Any(), consumer.Describe());
        var built = consumer.Read();
        Assert.All(ReceivingTypes.Concat(IntegrationTypes).Append("QueueHandler"), t => Assert.Contains(t, built.Types));
        var bundled = Path.Combine(ConsumerSet.RepoRoot, "specs", "telnyx-voice-conferencing.json");
        var queueCommands = OfficialSelection.Operations(bundled).Where(o => o.Tags.Contains("Queue Commands")).Select(o => (o.Method, o.Path)).ToHashSet();
        Assert.NotEmpty(queueCommands);
        Assert.Equal(queueCommands, built.Operations.Select(o => (o.Method, o.Path)).ToHashSet());
        Assert.Equal(new[] { "CallEnqueuedEvent", "CallLeftQueueEvent" }, built.Events.Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ConsoleConsumerHasTheHandlerAndRegistrationsButNoEndpointOrRedisStore(ConsumerKind kind)
    {
        var built = _set[kind, ConsumerCase.Default].Read();
        Assert.All(ReceivingTypes, t => Assert.Contains(t, built.Types));
        Assert.All(IntegrationTypes, t => Assert.DoesNotContain(t, built.Types));
        // The read-back sees generated types at all: the client is there.
        Assert.Contains("Telnyx.TelnyxClient", built.Types);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void NoWebhooksConsumerHasTheRegistrationsButNoHandler(ConsumerKind kind)
    {
        var built = _set[kind, ConsumerCase.NoWebhooks].Read();
        Assert.Contains("Telnyx.TelnyxClientServiceCollectionExtensions", built.Types);
        Assert.DoesNotContain("Telnyx.TelnyxWebhookHandler", built.Types);
    }

    private static void AssertConferencingSdk(BuiltAssembly built, string ns)
    {
        var expected = OfficialSelection.Conferencing(ConsumerSet.OfficialSpec);
        Assert.Equal(SdkOperations, expected.Count);
        Assert.Equal(expected, built.Operations.Where(o => o.Namespace == ns).Select(o => (o.Method, o.Path)).ToHashSet());
        Assert.Equal(SdkOperations, built.OperationsIn(ns));
        Assert.Equal(SdkEvents, OfficialSelection.ConferencingWebhooks(ConsumerSet.OfficialSpec).Count);
        Assert.Equal(SdkEvents, built.EventsIn(ns));
    }

    /// <summary>The diagnostic is in the build output, as file(line,col), on the line of the injected property.</summary>
    private static void AssertLocated(BuiltConsumer consumer, string severity, string id, string document, string property)
    {
        var line = DerivedDocuments.LineOf(document, property);
        Assert.True(consumer.Diagnostics.Any(d => d.Severity == severity && d.Id == id && d.File == document && d.Line == line && d.Column >= 1),
            $"no {severity} {id} at {document}({line},...):\n{consumer.Describe()}");
    }

    private string EditorConfig(BuiltConsumer consumer)
    {
        var name = consumer.Case.ProjectName(consumer.Kind);
        var file = Path.Combine(_set.Root, "artifacts", "obj", name, "debug", name + ".GeneratedMSBuildEditorConfig.editorconfig");
        Assert.True(File.Exists(file), file);
        return File.ReadAllText(file);
    }
}
