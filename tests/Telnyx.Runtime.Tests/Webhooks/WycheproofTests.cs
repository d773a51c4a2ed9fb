using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit.Abstractions;

namespace Telnyx.Runtime.Tests.Webhooks;

/// <summary>
/// Wycheproof's Ed25519 verification vectors (<c>shared/test-vectors/wycheproof-ed25519_test.json</c>, read at run time).
/// The file marks every vector "valid" or "invalid"; none is "acceptable", so each must give exactly its expected result.
/// The same vectors also go through Node's OpenSSL in <see cref="NodeDifferentialTests"/>.
/// </summary>
public class WycheproofTests(ITestOutputHelper output)
{
    public sealed record Vector(int TcId, string Comment, string Flags, string PublicKey, string Message, string Signature, string Result)
    {
        public override string ToString() => $"tcId {TcId} ({Result}; {Comment})";
    }

    internal static readonly Lazy<IReadOnlyList<Vector>> AllVectors = new(Load);

    private static IReadOnlyList<Vector> Load()
    {
        string path = SharedTestData.GetPath("test-vectors", "wycheproof-ed25519_test.json");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
        var vectors = new List<Vector>();
        foreach (JsonElement group in document.RootElement.GetProperty("testGroups").EnumerateArray())
        {
            string pk = group.GetProperty("publicKey").GetProperty("pk").GetString()!;
            foreach (JsonElement test in group.GetProperty("tests").EnumerateArray())
            {
                vectors.Add(new Vector(
                    test.GetProperty("tcId").GetInt32(),
                    test.GetProperty("comment").GetString() ?? "",
                    string.Join(",", test.GetProperty("flags").EnumerateArray().Select(f => f.GetString())),
                    pk,
                    test.GetProperty("msg").GetString()!,
                    test.GetProperty("sig").GetString()!,
                    test.GetProperty("result").GetString()!));
            }
        }

        return vectors;
    }

    public static IEnumerable<object[]> VectorIds() => AllVectors.Value.Select(v => new object[] { v.TcId });

    [Fact]
    public void FileHasTheExpected151Vectors()
    {
        Assert.Equal(151, AllVectors.Value.Count);
        Assert.All(AllVectors.Value, v => Assert.Contains(v.Result, new[] { "valid", "invalid" }));
    }

    [Theory]
    [MemberData(nameof(VectorIds))]
    public void GivesTheExpectedResult(int tcId)
    {
        Vector v = AllVectors.Value.Single(x => x.TcId == tcId);
        bool expected = v.Result == "valid";
        bool actual = Ed25519.Verify(Hex.Decode(v.PublicKey), Hex.Decode(v.Message), Hex.Decode(v.Signature));
        Assert.True(expected == actual, $"{v}: expected {expected}, got {actual}; flags {v.Flags}");
    }

    [Fact]
    public void NoMismatches()
    {
        var mismatches = new List<string>();
        foreach (Vector v in AllVectors.Value)
        {
            bool expected = v.Result == "valid";
            bool actual = Ed25519.Verify(Hex.Decode(v.PublicKey), Hex.Decode(v.Message), Hex.Decode(v.Signature));
            if (actual != expected)
            {
                mismatches.Add($"{v}: expected {expected}, got {actual}");
            }
        }

        foreach (string m in mismatches)
        {
            output.WriteLine(m);
        }

        output.WriteLine($"{AllVectors.Value.Count - mismatches.Count}/{AllVectors.Value.Count} Wycheproof vectors as expected");
        Assert.Empty(mismatches);
    }
}
