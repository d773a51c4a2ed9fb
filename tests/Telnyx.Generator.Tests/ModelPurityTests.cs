using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Telnyx.Generator.Helpers;
using Telnyx.Generator.Modeling;
using Telnyx.Generator.Modeling.Builders;
using Telnyx.Generator.OpenApi;

namespace Telnyx.Generator.Tests;

/// <summary>
/// The pipeline model must be plain, equatable data: no Roslyn symbols/trees/locations (they pin compilations and
/// defeat caching) and nothing from Microsoft.OpenApi (reference equality, defeats caching too).
/// </summary>
public class ModelPurityTests
{
    [Fact]
    public void ModelGraphHoldsOnlyPlainEquatableData()
    {
        var model = ReadBundled();
        var walk = Walk(model);

        Assert.True(walk.Problems.Count == 0, string.Join("\n", walk.Problems.Take(30)));
        var objects = walk.Counts.TryGetValue(typeof(ObjectModel), out var n) ? n : 0;
        Assert.True(objects >= 40, $"the walk found only {objects} ObjectModels; it did not walk the whole model");
        Assert.True(walk.Counts.ContainsKey(typeof(EnumModel)) && walk.Counts.ContainsKey(typeof(UnionModel)) && walk.Counts.ContainsKey(typeof(OperationModel))
                    && walk.Counts.ContainsKey(typeof(PropertyModel)) && walk.Counts.ContainsKey(typeof(TypeRef)),
            "the walk missed whole kinds of model objects: " + string.Join(", ", walk.Counts.Keys.Select(t => t.Name)));
    }

    [Fact]
    public void ModelFromTheTrackedModelStepIsPureAndEqualToADirectRead()
    {
        var (_, result, _, _) = GeneratorHarness.Run(GeneratorHarness.BundledSpecText);
        var output = result.Results.Single().TrackedSteps[TrackingNames.Model].SelectMany(s => s.Outputs).Single();
        var model = Assert.IsType<ApiModel>(output.Value);

        var walk = Walk(model);
        Assert.True(walk.Problems.Count == 0, string.Join("\n", walk.Problems.Take(30)));
        Assert.Equal(ReadBundled(), model);
    }

    [Fact]
    public void EveryTrackedStepOutputIsPure()
    {
        // Not just the model: every value the pipeline caches (spec source, read result, units, emitted text).
        var (_, result, _, _) = GeneratorHarness.Run(GeneratorHarness.BundledSpecText);
        var steps = new[] { TrackingNames.SpecFiles, TrackingNames.Parse, TrackingNames.Model, TrackingNames.Diagnostics, TrackingNames.Files, TrackingNames.Emit };
        var problems = new List<string>();
        foreach (var step in steps)
        {
            var outputs = result.Results.Single().TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
            Assert.NotEmpty(outputs);
            for (var i = 0; i < outputs.Count; i++)
            {
                problems.AddRange(Walk(outputs[i].Value, $"{step}[{i}]").Problems);
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(30)));
    }

    [Fact]
    public void ModelingNamespaceDeclaresOnlyRecordsAndEnums()
    {
        // The builders live in Modeling.Builders and the containers in Helpers: the model namespace itself is data only.
        var types = typeof(ApiModel).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(ApiModel).Namespace && !t.IsNested && t.GetCustomAttribute<CompilerGeneratedAttribute>() is null)
            .ToList();
        Assert.Contains(typeof(ObjectModel), types);
        Assert.DoesNotContain(typeof(ModelBuilder), types);
        var bad = types.Where(t => !(IsRecord(t) || t.IsEnum)).Select(t => t.FullName).ToList();
        Assert.True(bad.Count == 0, "model types that are not records or enums: " + string.Join(", ", bad));
    }

    [Fact]
    public void TwoReadsGiveEqualModelsWithEqualHashCodes()
    {
        var a = ReadBundled();
        var b = ReadBundled();

        Assert.NotSame(a, b);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a.Types.Count > 0 && a.Operations.Count > 0);
        for (var i = 0; i < a.Types.Count; i++)
        {
            Assert.Equal(a.Types[i], b.Types[i]);
            Assert.Equal(a.Types[i].GetHashCode(), b.Types[i].GetHashCode());
        }
        // And equality is by value, not by accident: a changed model is not equal.
        var changed = a with { Types = a.Types.Skip(1).ToEquatableArray() };
        Assert.NotEqual(a, changed);
    }

    [Fact]
    public void WalkerRejectsRoslynAndOpenApiObjects()
    {
        // The walk must be able to fail: a record holding a Location and a Microsoft.OpenApi object.
        var bad = new Impure("x", Location.None, new Microsoft.OpenApi.OpenApiInfo(), ImmutableArray.Create<object>(new Plain(1)));
        var walk = Walk(bad);

        Assert.Contains(walk.Problems, p => p.Contains(".Where") && p.Contains("Location"));
        Assert.Contains(walk.Problems, p => p.Contains(".Info") && p.Contains("Microsoft.OpenApi"));
        Assert.Contains(walk.Problems, p => p.Contains("NotARecord") && p.Contains("not a record"));
    }

    // ---- the walk --------------------------------------------------------------------------------------------

    private static ApiModel ReadBundled()
    {
        var result = SpecReader.Read(new SpecSource(GeneratorHarness.SpecPath, GeneratorHarness.BundledSpecText, "Telnyx", null), CancellationToken.None);
        return result.Model ?? throw new InvalidOperationException("the bundled spec gave no model: " + string.Join("; ", result.Diagnostics));
    }

    private sealed class WalkResult
    {
        public List<string> Problems { get; } = new();
        public Dictionary<Type, int> Counts { get; } = new();
    }

    private static WalkResult Walk(object root, string name = "model")
    {
        var result = new WalkResult();
        Visit(root, root.GetType(), name, result, new HashSet<object>(ReferenceEqualityComparer.Instance), 0);
        return result;
    }

    private static readonly Assembly OpenApiAssembly = typeof(Microsoft.OpenApi.OpenApiDocument).Assembly;

    private static string? Forbidden(Type type)
    {
        if (typeof(ISymbol).IsAssignableFrom(type)) return "a Roslyn symbol";
        if (typeof(Compilation).IsAssignableFrom(type)) return "a Compilation";
        if (typeof(SyntaxNode).IsAssignableFrom(type)) return "a SyntaxNode";
        if (typeof(SyntaxTree).IsAssignableFrom(type)) return "a SyntaxTree";
        if (typeof(Location).IsAssignableFrom(type)) return "a Location";
        if (type.Assembly == OpenApiAssembly) return "a Microsoft.OpenApi type";
        if (type.IsGenericType && type.GetGenericArguments().Any(a => Forbidden(a) is not null)) return "a container of forbidden types";
        return null;
    }

    private static bool IsLeaf(Type type)
        => type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal);

    private static bool IsRecord(Type type)
    {
        // Class records have a compiler-generated clone method; record structs a compiler-generated PrintMembers.
        if (type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null) return true;
        return type.IsValueType
            && type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is { } print
            && print.GetCustomAttribute<CompilerGeneratedAttribute>() is not null;
    }

    private static bool IsEquatableContainer(Type type)
        => type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(EquatableArray<>) || type.GetGenericTypeDefinition() == typeof(ImmutableArray<>));

    private static void Visit(object? value, Type declared, string path, WalkResult result, HashSet<object> seen, int depth)
    {
        if (Forbidden(declared) is { } declaredProblem)
        {
            result.Problems.Add($"{path}: declared as {declared.FullName}, {declaredProblem}");
            return;
        }
        if (value is null) return;
        var type = value.GetType();
        result.Counts[type] = result.Counts.TryGetValue(type, out var c) ? c + 1 : 1;
        if (Forbidden(type) is { } problem)
        {
            result.Problems.Add($"{path}: holds {type.FullName}, {problem}");
            return;
        }
        if (IsLeaf(type)) return;
        if (depth > 200)
        {
            result.Problems.Add($"{path}: deeper than 200 levels");
            return;
        }
        if (!type.IsValueType && !seen.Add(value)) return;

        if (type.IsArray)
        {
            var i = 0;
            foreach (var item in (IEnumerable)value) Visit(item, type.GetElementType()!, $"{path}[{i++}]", result, seen, depth + 1);
            return;
        }
        if (IsEquatableContainer(type))
        {
            var element = type.GetGenericArguments()[0];
            var i = 0;
            foreach (var item in (IEnumerable)value) Visit(item, element, $"{path}[{i++}]", result, seen, depth + 1);
            return;
        }
        if (Nullable.GetUnderlyingType(type) is null && !IsRecord(type))
        {
            result.Problems.Add($"{path}: {type.FullName} is not a record, EquatableArray, primitive, string or enum");
            return;
        }
        for (var t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                Visit(field.GetValue(value), field.FieldType, path + "." + MemberName(field), result, seen, depth + 1);
            }
        }
    }

    /// <summary><c>&lt;Name&gt;k__BackingField</c> -> <c>Name</c>.</summary>
    private static string MemberName(FieldInfo field)
    {
        var name = field.Name;
        return name.StartsWith("<", StringComparison.Ordinal) && name.IndexOf('>') is var end and > 1 ? name.Substring(1, end - 1) : name;
    }

    private sealed record Impure(string Name, Location Where, object Info, ImmutableArray<object> Items);

    private sealed class NotARecord
    {
        public int Value { get; set; }
    }

    private sealed record Plain(int Value)
    {
        public object Extra { get; init; } = new NotARecord();
    }
}
