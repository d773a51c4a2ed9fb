using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using Telnyx.Runtime.Primitives;
using Xunit;

namespace Telnyx.Runtime.Tests.Json;

/// <summary>
/// The wire-name table generated models read through: every name maps to its position, anything else to -1, whatever
/// the name's length, escaping or buffer layout.
/// </summary>
public sealed class JsonPropertyNamesTests
{
    /// <summary>A model's worth of names: several share a length (4, 6, 9, 10), lengths cover the key boundaries (3, 4, 7, 8, 16, 17, 24).</summary>
    private static readonly string[] Names =
    {
        "audio_url", "call_control_ids", "loop", "media_name", "region", "id", "abc", "name", "type", "status",
        "source", "created", "abcdefgh", "updated_at", "media_url", "call_control_idz", "call_control_ids_", "a_rather_long_wire_name1",
        "a_rather_long_wire_name2", "déjà_vu", "",
    };

    private static readonly JsonPropertyNames Table = new(Names);

    public static TheoryData<int> Positions()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Names.Length; i++) data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(Positions))]
    public void EveryNameIsFoundAtItsPosition(int position)
    {
        Assert.Equal(position, IndexOf(Table, Quote(Names[position])));
        Assert.Equal(position, Table.IndexOf(Encoding.UTF8.GetBytes(Names[position])));
    }

    [Theory]
    [InlineData("audio_urL")]      // same length as audio_url, last byte differs
    [InlineData("Audio_url")]      // first byte differs
    [InlineData("audio_xrl")]      // a middle byte of a 9-byte name
    [InlineData("call_control_iXs")] // a byte covered only by the tail key of a 16-byte name
    [InlineData("a_rather_long_Xire_name1")] // the middle of a 24-byte name, outside both keys
    [InlineData("loo")]
    [InlineData("lo")]
    [InlineData("x")]
    [InlineData("ab")]
    [InlineData("abd")]
    [InlineData("loops")]
    [InlineData("abcdefgi")]
    [InlineData("a_name_longer_than_every_name_in_the_table")]
    [InlineData("deja_vu")]
    public void UnknownNamesAreMinusOne(string name)
    {
        Assert.Equal(-1, IndexOf(Table, Quote(name)));
        Assert.Equal(-1, Table.IndexOf(Encoding.UTF8.GetBytes(name)));
    }

    [Theory]
    [InlineData("\"audio\\u005furl\"", 0)]
    [InlineData("\"\\u0061udio_url\"", 0)]
    [InlineData("\"\\u0061\\u0075\\u0064\\u0069\\u006f\\u005f\\u0075\\u0072\\u006c\"", 0)] // every byte escaped: 54 raw bytes for 9
    [InlineData("\"call_control_ids\\u005f\"", 16)]
    [InlineData("\"d\\u00e9j\\u00e0_vu\"", 19)]
    [InlineData("\"id\\/\"", -1)]
    [InlineData("\"\\u0069d\"", 5)]
    [InlineData("\"audio\\u005fur\"", -1)]
    [InlineData("\"audio\\u005furl\\u005f\"", -1)]
    [InlineData("\"\\n\"", -1)]
    public void EscapedNamesAreComparedUnescaped(string quoted, int expected)
    {
        Assert.Equal(expected, IndexOf(Table, quoted));
    }

    [Fact]
    public void EscapedNamesLongerThanTheStackBufferUseAPooledOne()
    {
        // 300 raw bytes unescaping to 50: more than the stack buffer, within six times the longest name.
        var escaped = new StringBuilder("\"");
        for (var i = 0; i < 50; i++) escaped.Append("\\u0061");
        escaped.Append('"');
        var table = new JsonPropertyNames("b", new string('a', 50));
        Assert.Equal(1, IndexOf(table, escaped.ToString()));
        Assert.Equal(-1, IndexOf(table, escaped.ToString().Replace("\\u0061\"", "\\u0062\"", StringComparison.Ordinal)));
    }

    [Fact]
    public void ResultsMatchTheUnescapedStringForEveryEscapeOfEveryName()
    {
        // Escaping any one character of a name still finds it: compared with JsonRead.UnescapedName, the old lookup.
        foreach (var name in Names)
        {
            for (var at = 0; at < name.Length; at++)
            {
                var quoted = "\"" + name.Substring(0, at) + "\\u" + ((int)name[at]).ToString("x4", System.Globalization.CultureInfo.InvariantCulture) + name.Substring(at + 1) + "\"";
                var reader = Reader(Encoding.UTF8.GetBytes(quoted));
                Assert.True(reader.ValueIsEscaped);
                Assert.Equal(name, Encoding.UTF8.GetString(JsonRead.UnescapedName(ref reader)));
                Assert.Equal(Array.IndexOf(Names, name), Table.IndexOf(ref reader));
            }
        }
    }

    [Fact]
    public void InvalidEscapesThrowLikeTheUnescapedString()
    {
        // A lone surrogate: the reader accepts the token, unescaping it fails, for the old lookup and the table alike.
        var bytes = Encoding.UTF8.GetBytes("{\"\\ud800x\":1}");
        var reader = new Utf8JsonReader(bytes);
        reader.Read();
        reader.Read();
        var old = Record(ref reader, static (ref Utf8JsonReader r) => JsonRead.UnescapedName(ref r).Length);
        var table = Record(ref reader, static (ref Utf8JsonReader r) => Table.IndexOf(ref r));
        Assert.NotNull(old);
        Assert.NotNull(table);
        Assert.IsType(old.GetType(), table);
    }

    [Theory]
    [InlineData("call_control_ids", 1)]
    [InlineData("a_rather_long_wire_name2", 18)]
    [InlineData("media_name", 3)]
    [InlineData("media_namf", -1)]
    [InlineData("id", 5)]
    public void NamesSplitAcrossSegmentsAreJoined(string name, int expected)
    {
        var json = Encoding.UTF8.GetBytes("{" + Quote(name) + ":1}");
        // Every split point strictly inside the name, whose bytes start at 2 (after "{" and the opening quote).
        for (var split = 3; split < 2 + Encoding.UTF8.GetByteCount(name); split++)
        {
            var sequence = Segment.Join(json.AsMemory(0, split), json.AsMemory(split));
            var reader = new Utf8JsonReader(sequence);
            Assert.True(reader.Read());
            Assert.True(reader.Read());
            Assert.Equal(JsonTokenType.PropertyName, reader.TokenType);
            Assert.True(reader.HasValueSequence);
            Assert.Equal(expected, Table.IndexOf(ref reader));
        }
    }

    [Fact]
    public void AnEscapedNameSplitAcrossSegmentsIsFound()
    {
        var json = Encoding.UTF8.GetBytes("{\"audio\\u005furl\":1}");
        var sequence = Segment.Join(json.AsMemory(0, 9), json.AsMemory(9));
        var reader = new Utf8JsonReader(sequence);
        reader.Read();
        reader.Read();
        Assert.True(reader.HasValueSequence);
        Assert.Equal(0, Table.IndexOf(ref reader));
    }

    [Fact]
    public void AnEmptyTableFindsNothing()
    {
        var empty = new JsonPropertyNames();
        Assert.Equal(0, empty.Count);
        Assert.Equal(-1, IndexOf(empty, "\"\""));
        Assert.Equal(-1, IndexOf(empty, "\"loop\""));
        Assert.Equal(-1, IndexOf(empty, "\"lo\\u006fp\""));
        Assert.Equal(-1, empty.IndexOf(ReadOnlySpan<byte>.Empty));
    }

    [Fact]
    public void TheFirstOfRepeatedNamesWins()
    {
        var table = new JsonPropertyNames("a", "dup", "b", "dup");
        Assert.Equal(4, table.Count);
        Assert.Equal(1, IndexOf(table, "\"dup\""));
        Assert.Equal(2, IndexOf(table, "\"b\""));
    }

    [Fact]
    public void NullNamesAreRejected()
    {
        Assert.Throws<ArgumentNullException>(() => new JsonPropertyNames(null!));
        Assert.Throws<ArgumentNullException>(() => new JsonPropertyNames("a", null!));
    }

    [Fact]
    public void TheReaderDoesNotMove()
    {
        var reader = new Utf8JsonReader("{\"loop\":1}"u8);
        reader.Read();
        reader.Read();
        var before = reader.BytesConsumed;
        Assert.Equal(2, Table.IndexOf(ref reader));
        Assert.Equal(before, reader.BytesConsumed);
        Assert.Equal(JsonTokenType.PropertyName, reader.TokenType);
    }

    private delegate int ReaderCall(ref Utf8JsonReader reader);

    private static Exception? Record(ref Utf8JsonReader reader, ReaderCall call)
    {
        try
        {
            call(ref reader);
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private static string Quote(string name) => "\"" + name + "\"";

    /// <summary>Looks up <paramref name="quotedName"/> (JSON string syntax) as a property name of a one-property object.</summary>
    private static int IndexOf(JsonPropertyNames table, string quotedName)
    {
        var reader = Reader(Encoding.UTF8.GetBytes(quotedName));
        return table.IndexOf(ref reader);
    }

    /// <summary>A reader on the property name of <c>{name:1}</c>.</summary>
    private static Utf8JsonReader Reader(byte[] quotedName)
    {
        var json = new byte[quotedName.Length + 4];
        json[0] = (byte)'{';
        quotedName.CopyTo(json, 1);
        ":1}"u8.CopyTo(json.AsSpan(quotedName.Length + 1));
        var reader = new Utf8JsonReader(json);
        Assert.True(reader.Read());
        Assert.True(reader.Read());
        Assert.Equal(JsonTokenType.PropertyName, reader.TokenType);
        return reader;
    }

    /// <summary>Two-segment <see cref="ReadOnlySequence{T}"/>s, so a token can straddle the boundary.</summary>
    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        private Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public static ReadOnlySequence<byte> Join(ReadOnlyMemory<byte> first, ReadOnlyMemory<byte> second)
        {
            var head = new Segment(first, 0);
            var tail = new Segment(second, first.Length);
            head.Next = tail;
            return new ReadOnlySequence<byte>(head, 0, tail, second.Length);
        }
    }
}
