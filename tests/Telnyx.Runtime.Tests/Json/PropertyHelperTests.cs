using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Telnyx.Runtime.Primitives;
using Telnyx.Runtime.Tests.Infrastructure;
using Xunit;

namespace Telnyx.Runtime.Tests.Json;

/// <summary>
/// The one-call-per-property readers and writers generated models use. Every reader has three outcomes: a fitting
/// value is taken, JSON null clears the field, anything else is kept in the extra properties (and reported as false).
/// </summary>
public sealed class PropertyHelperTests
{
    private delegate bool PropertyReader<T>(ref Utf8JsonReader reader, ref T field, ref Dictionary<string, JsonElement>? extra, string name);

    /// <summary>Reads <paramref name="json"/> (one value) through <paramref name="read"/>, starting from <paramref name="initial"/>.</summary>
    private static (bool Taken, T Field, Dictionary<string, JsonElement>? Extra) Read<T>(string json, T initial, PropertyReader<T> read)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        Assert.True(reader.Read());
        var field = initial;
        Dictionary<string, JsonElement>? extra = null;
        var taken = read(ref reader, ref field, ref extra, "prop");
        // The reader is left on the value's last token, so the next Read() would move past it.
        Assert.False(reader.Read());
        return (taken, field, extra);
    }

    [Fact]
    public void StringTakesStringsClearsOnNullAndKeepsAnythingElse()
    {
        Assert.Equal((true, "x"), Pick(Read<string?>("\"x\"", null, JsonRead.ReadString)));
        Assert.Equal((true, (string?)null), Pick(Read<string?>("null", "before", JsonRead.ReadString)));
        var misfit = Read<string?>("42", "before", JsonRead.ReadString);
        Assert.False(misfit.Taken);
        Assert.Equal("before", misfit.Field);
        Assert.Equal(42, misfit.Extra!["prop"].GetInt32());
    }

    [Fact]
    public void NumbersRejectWhatDoesNotFit()
    {
        Assert.Equal((true, (long?)9_000_000_000), Pick(Read<long?>("9000000000", null, JsonRead.ReadInt64)));
        var tooBig = Read<int?>("9000000000", 1, JsonRead.ReadInt32);
        Assert.False(tooBig.Taken);
        Assert.Equal(1, tooBig.Field);
        Assert.Equal("9000000000", tooBig.Extra!["prop"].GetRawText());
        Assert.False(Read<long?>("1.5", null, JsonRead.ReadInt64).Taken);
        Assert.Equal((true, (double?)1.5), Pick(Read<double?>("1.5", null, JsonRead.ReadDouble)));
        Assert.False(Read<double?>("\"1.5\"", null, JsonRead.ReadDouble).Taken);
    }

    [Fact]
    public void BooleansAndDates()
    {
        Assert.Equal((true, (bool?)false), Pick(Read<bool?>("false", true, JsonRead.ReadBoolean)));
        Assert.Equal((true, (bool?)null), Pick(Read<bool?>("null", true, JsonRead.ReadBoolean)));
        Assert.False(Read<bool?>("\"true\"", null, JsonRead.ReadBoolean).Taken);
        var date = Read<DateTimeOffset?>("\"2026-11-21T10:00:00Z\"", null, JsonRead.ReadDateTimeOffset);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero), date.Field);
        var notADate = Read<DateTimeOffset?>("\"soon\"", null, JsonRead.ReadDateTimeOffset);
        Assert.False(notADate.Taken);
        Assert.Equal("soon", notADate.Extra!["prop"].GetString());
    }

    [Fact]
    public void AnyJsonIsTakenAndNullReadsAsUnset()
    {
        var obj = Read<JsonElement?>("{\"a\":[1,2]}", null, JsonRead.ReadJsonElement);
        Assert.True(obj.Taken);
        Assert.Equal("{\"a\":[1,2]}", obj.Field!.Value.GetRawText());
        Assert.Null(Read<JsonElement?>("null", JsonDocument.Parse("1").RootElement, JsonRead.ReadJsonElement).Field);
    }

    [Fact]
    public void ObjectsNeedAnObjectAndSkipWholeMisfits()
    {
        var taken = Read<TestResult?>("{\"id\":\"r1\",\"result\":3}", null, JsonRead.ReadObject);
        Assert.True(taken.Taken);
        Assert.Equal("r1", taken.Field!.Id);
        var array = Read<TestResult?>("[{\"id\":\"r1\"}]", null, JsonRead.ReadObject);
        Assert.False(array.Taken);
        Assert.Equal(JsonValueKind.Array, array.Extra!["prop"].ValueKind);
    }

    [Fact]
    public void ListsKeepTheRawArrayWhenAnElementDoesNotFit()
    {
        var list = Read<IReadOnlyList<string>?>("[\"a\",\"b\"]", null, (ref Utf8JsonReader r, ref IReadOnlyList<string>? f, ref Dictionary<string, JsonElement>? e, string n)
            => JsonRead.ReadList(ref r, JsonRead.TryReadString, ref f, ref e, n));
        Assert.Equal(new[] { "a", "b" }, list.Field);
        var mixed = Read<IReadOnlyList<string>?>("[\"a\",2]", null, (ref Utf8JsonReader r, ref IReadOnlyList<string>? f, ref Dictionary<string, JsonElement>? e, string n)
            => JsonRead.ReadList(ref r, JsonRead.TryReadString, ref f, ref e, n));
        Assert.False(mixed.Taken);
        Assert.Null(mixed.Field);
        Assert.Equal("[\"a\",2]", mixed.Extra!["prop"].GetRawText());
        var map = Read<IReadOnlyDictionary<string, long>?>("{\"a\":1,\"b\":2}", null, (ref Utf8JsonReader r, ref IReadOnlyDictionary<string, long>? f, ref Dictionary<string, JsonElement>? e, string n)
            => JsonRead.ReadMap(ref r, JsonRead.TryReadInt64, ref f, ref e, n));
        Assert.Equal(2, map.Field!["b"]);
    }

    [Fact]
    public void ConstantReturnsTheLiteralItselfAndKeepsAnyOtherValue()
    {
        const string Constant = "conference";
        PropertyReader<string?> read = (ref Utf8JsonReader r, ref string? f, ref Dictionary<string, JsonElement>? e, string n)
            => JsonRead.ReadConstant(ref r, ref f, ref e, n, Constant);
        var expected = Read<string?>("\"conference\"", null, read);
        Assert.True(expected.Taken);
        Assert.Same(Constant, expected.Field);
        // An escaped spelling of the same text is the same value.
        Assert.Same(Constant, Read<string?>("\"conf\\u0065rence\"", null, read).Field);
        // The server may send a value the spec did not list: it is kept as read, not replaced by the constant.
        var other = Read<string?>("\"conference_v2\"", null, read);
        Assert.Equal((true, "conference_v2"), Pick(other));
        Assert.Equal((true, (string?)null), Pick(Read<string?>("null", "before", read)));
        var misfit = Read<string?>("7", null, read);
        Assert.False(misfit.Taken);
        Assert.Equal(7, misfit.Extra!["prop"].GetInt32());
    }

    [Fact]
    public void ConstantReadAllocatesNothingForTheExpectedValue()
    {
        var bytes = Encoding.UTF8.GetBytes("\"conference\"");
        string? field = null;
        Dictionary<string, JsonElement>? extra = null;
        ReadOnce(bytes, ref field, ref extra);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            ReadOnce(bytes, ref field, ref extra);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        static void ReadOnce(byte[] json, ref string? field, ref Dictionary<string, JsonElement>? extra)
        {
            var reader = new Utf8JsonReader(json);
            reader.Read();
            JsonRead.ReadConstant(ref reader, ref field, ref extra, "record_type", "conference");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(1000)]
    public void ListsOfAnyLengthReadInOrderIntoAnExactSizeArray(int count)
    {
        var json = "[" + string.Join(",", System.Linq.Enumerable.Range(0, count).Select(i => "\"v" + i + "\"")) + "]";
        var list = Read<IReadOnlyList<string>?>(json, null, (ref Utf8JsonReader r, ref IReadOnlyList<string>? f, ref Dictionary<string, JsonElement>? e, string n)
            => JsonRead.ReadList(ref r, JsonRead.TryReadString, ref f, ref e, n));
        Assert.True(list.Taken);
        Assert.Equal(System.Linq.Enumerable.Range(0, count).Select(i => "v" + i), list.Field!);
        Assert.Equal(count, Assert.IsType<string[]>(list.Field).Length);
    }

    [Fact]
    public void AListThatFailsLateStillRewindsAndKeepsTheRawArray()
    {
        // The misfit comes after the builder grew twice, so rewinding must not depend on what was rented.
        var json = "[" + string.Join(",", System.Linq.Enumerable.Range(0, 40).Select(i => "\"v" + i + "\"")) + ",false]";
        var list = Read<IReadOnlyList<string>?>(json, null, (ref Utf8JsonReader r, ref IReadOnlyList<string>? f, ref Dictionary<string, JsonElement>? e, string n)
            => JsonRead.ReadList(ref r, JsonRead.TryReadString, ref f, ref e, n));
        Assert.False(list.Taken);
        Assert.Null(list.Field);
        Assert.Equal(41, list.Extra!["prop"].GetArrayLength());
    }

    [Fact]
    public void WritersWriteNullForNullAndTheValueOtherwise()
    {
        var json = Write(w =>
        {
            JsonWrite.String(w, "s"u8, null);
            JsonWrite.String(w, "t"u8, "x");
            JsonWrite.Int32(w, "i"u8, 7);
            JsonWrite.Int64(w, "l"u8, null);
            JsonWrite.Double(w, "d"u8, 0.5);
            JsonWrite.Boolean(w, "b"u8, true);
            JsonWrite.DateTimeOffset(w, "at"u8, new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero));
            JsonWrite.JsonElement(w, "j"u8, JsonDocument.Parse("[1]").RootElement);
            JsonWrite.Model(w, "m"u8, new TestCommand { Name = "n" });
            JsonWrite.Model<TestCommand>(w, "none"u8, null);
        });
        Assert.Equal("{\"s\":null,\"t\":\"x\",\"i\":7,\"l\":null,\"d\":0.5,\"b\":true,\"at\":\"2026-11-21T10:00:00+00:00\",\"j\":[1],\"m\":{\"name\":\"n\"},\"none\":null}", json);
    }

    [Fact]
    public void CollectionWritersWriteNullElementsAndNestedCollections()
    {
        var json = Write(w =>
        {
            JsonWrite.List(w, "l"u8, new[] { "a", null }, JsonWrite.StringValue);
            JsonWrite.List<IReadOnlyList<long>>(w, "nested"u8, new[] { new long[] { 1, 2 }, Array.Empty<long>() },
                static (writer, value) => JsonWrite.ListValue(writer, value, JsonWrite.Int64Value));
            JsonWrite.Map(w, "m"u8, new Dictionary<string, TestCommand?> { ["k"] = null }, JsonWrite.ModelValue);
            JsonWrite.List<string>(w, "missing"u8, null, JsonWrite.StringValue);
        });
        Assert.Equal("{\"l\":[\"a\",null],\"nested\":[[1,2],[]],\"m\":{\"k\":null},\"missing\":null}", json);
    }

    private static (bool, T) Pick<T>((bool Taken, T Field, Dictionary<string, JsonElement>? Extra) result)
    {
        Assert.Null(result.Extra); // taken values never land in the extra properties
        return (result.Taken, result.Field);
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
