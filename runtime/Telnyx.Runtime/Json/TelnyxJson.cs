using System;
using System.Buffers;
using System.Text.Json;
using Telnyx.Runtime.Primitives;

namespace Telnyx.Runtime;

/// <summary>Entry points to serialize and deserialize generated types without reflection.</summary>
public static class TelnyxJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true };
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 256 };

    /// <summary>Reader options used for every response and webhook body.</summary>
    public static JsonReaderOptions DefaultReaderOptions => ReaderOptions;

    /// <summary>Serializes <paramref name="value"/> to UTF-8 JSON.</summary>
    public static byte[] SerializeToUtf8Bytes<T>(T value) where T : ITelnyxJsonModel<T>
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            value.WriteJson(writer);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Serializes <paramref name="value"/> to a JSON string.</summary>
    public static string Serialize<T>(T value) where T : ITelnyxJsonModel<T>
        => System.Text.Encoding.UTF8.GetString(SerializeToUtf8Bytes(value));

    /// <summary>Writes <paramref name="value"/> to <paramref name="writer"/>.</summary>
    public static void Write<T>(Utf8JsonWriter writer, T value) where T : ITelnyxJsonModel<T> => value.WriteJson(writer);

    /// <summary>Deserializes one value from UTF-8 JSON.</summary>
    /// <exception cref="JsonException">The input is not valid JSON or not a value of this type.</exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json) where T : ITelnyxJsonModel<T>
    {
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        return Read<T>(ref reader);
    }

    /// <summary>Deserializes one value from a JSON string.</summary>
    public static T Deserialize<T>(string json) where T : ITelnyxJsonModel<T>
    {
        ArgumentNullException.ThrowIfNull(json);
        return Deserialize<T>(System.Text.Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads a top-level value and checks nothing but whitespace follows it.</summary>
    public static T Read<T>(ref Utf8JsonReader reader) where T : ITelnyxJsonModel<T>
    {
        if (!reader.Read())
        {
            throw new JsonException("The JSON input is empty.");
        }
        var value = T.ReadJson(ref reader);
        if (reader.Read())
        {
            throw new JsonException($"Unexpected JSON token {reader.TokenType} after the end of the value.");
        }
        return value;
    }
}
