using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Telnyx.Generator.Tests;

/// <summary>Same spec, same bytes; readable names for the types users see.</summary>
public class DeterminismTests
{
    /// <summary>Names that give away a generated placeholder rather than a name from the spec.</summary>
    private static readonly Regex Unreadable = new(
        @"Anonymous|Variant|Untitled|Inline|Item\d|Schema\d|Object\d|Type\d|^(Item|Value|Property|Schema|Empty)$|\d+$",
        RegexOptions.CultureInvariant);

    [Fact]
    public void TwoRunsGiveByteIdenticalOutput()
    {
        var first = Generate(GeneratorHarness.BundledSpecText);
        var second = Generate(GeneratorHarness.BundledSpecText);

        Assert.True(first.Count > 50);
        Assert.Equal(first.Select(s => s.HintName), second.Select(s => s.HintName));
        for (var i = 0; i < first.Count; i++)
        {
            Assert.True(first[i].Bytes.SequenceEqual(second[i].Bytes), first[i].HintName + " differs between two runs");
        }
    }

    [Fact]
    public void ReorderingComponentsAndPathsDoesNotChangeTheOutput()
    {
        // The builder visits schemas, paths and webhooks in sorted order, so names (and collision suffixes) must not
        // depend on the order the spec lists them in.
        var root = JsonNode.Parse(GeneratorHarness.BundledSpecText)!.AsObject();
        Reverse(root["components"]!["schemas"]!.AsObject());
        Reverse(root["paths"]!.AsObject());
        Reverse(root["webhooks"]!.AsObject());
        var reordered = root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        Assert.NotEqual(GeneratorHarness.BundledSpecText, reordered);

        var expected = Generate(GeneratorHarness.BundledSpecText);
        var actual = Generate(reordered);

        Assert.Equal(expected.Select(s => s.HintName), actual.Select(s => s.HintName));
        var different = expected.Zip(actual).Where(p => !p.First.Bytes.SequenceEqual(p.Second.Bytes)).Select(p => p.First.HintName).ToList();
        Assert.True(different.Count == 0, "the order of the spec changed: " + string.Join(", ", different));
    }

    [Theory]
    [InlineData("Conference", TypeKind.Class)]
    [InlineData("ConferenceParticipant", TypeKind.Class)]
    [InlineData("Queue", TypeKind.Class)]
    [InlineData("QueueCall", TypeKind.Class)]
    [InlineData("CreateConferenceRequest", TypeKind.Class)]
    [InlineData("ConferencePlayRequest", TypeKind.Class)]
    [InlineData("PaginationMeta", TypeKind.Class)]
    [InlineData("Loopcount", TypeKind.Class)]
    [InlineData("ConferenceRegion", TypeKind.Struct)]
    [InlineData("BeepEnabled", TypeKind.Struct)]
    [InlineData("SupervisorRole", TypeKind.Struct)]
    public void BundledSpecEmitsTheKeyTypes(string name, TypeKind kind)
    {
        var type = Output.GetTypeByMetadataName("Telnyx." + name);
        Assert.True(type is not null, "Telnyx." + name + " was not generated");
        Assert.Equal(kind, type!.TypeKind);
        Assert.Equal(Accessibility.Public, type.DeclaredAccessibility);
        if (kind == TypeKind.Class && name != "Loopcount") Assert.True(type.IsRecord, name + " should be a record");
    }

    [Fact]
    public void GeneratedTypeNamesAreReadable()
    {
        var names = Output.SyntaxTrees
            .Where(t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal))
            .SelectMany(t => t.GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
            .Select(d => d.Identifier.ValueText)
            .Distinct()
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
        Assert.True(names.Count > 50, "found only " + names.Count + " generated types");

        var unreadable = names.Where(n => Unreadable.IsMatch(n)).ToList();
        Assert.True(unreadable.Count == 0, "generated types with placeholder names: " + string.Join(", ", unreadable));
    }

    [Theory]
    [InlineData("AnonymousObject1")]
    [InlineData("LoopcountVariant2")]
    [InlineData("ConferenceItem2")]
    [InlineData("Queue2")]
    [InlineData("Item")]
    public void UnreadablePatternCatchesPlaceholderNames(string name) => Assert.Matches(Unreadable, name);

    [Theory]
    [InlineData("Conference")]
    [InlineData("QueueCall")]
    [InlineData("ConferenceSendDtmfRequest")]
    [InlineData("ConferenceRecordingSavedPayloadRecordingUrls")]
    public void UnreadablePatternAcceptsSpecNames(string name) => Assert.DoesNotMatch(Unreadable, name);

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static readonly Lazy<Compilation> LazyOutput = new(() => GeneratorHarness.Run(GeneratorHarness.BundledSpecText).Output);

    private static Compilation Output => LazyOutput.Value;

    private sealed record Generated(string HintName, byte[] Bytes);

    private static List<Generated> Generate(string spec)
    {
        var (_, result, _, _) = GeneratorHarness.Run(spec);
        var run = result.Results.Single();
        Assert.Null(run.Exception);
        return run.GeneratedSources
            .Select(s => new Generated(s.HintName, (s.SourceText.Encoding ?? Encoding.UTF8).GetBytes(s.SourceText.ToString())))
            .ToList();
    }

    private static void Reverse(JsonObject obj)
    {
        var pairs = obj.ToList();
        obj.Clear();
        for (var i = pairs.Count - 1; i >= 0; i--) obj.Add(pairs[i].Key, pairs[i].Value);
    }
}
