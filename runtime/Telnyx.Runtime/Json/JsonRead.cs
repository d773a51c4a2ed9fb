using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Telnyx.Runtime.Primitives;

/// <summary>Reads one JSON value into <typeparamref name="T"/>; false (reader unmoved) when the JSON does not fit.</summary>
public delegate bool JsonTryRead<T>(ref Utf8JsonReader reader, [MaybeNullWhen(false)] out T value);

/// <summary>
/// Lenient value readers used by generated code. Each returns false, leaving the reader where it was, when the JSON
/// token does not fit the type, so the caller can keep the raw value instead of failing the whole response.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonRead
{
    /// <summary>Reads a string.</summary>
    public static bool TryReadString(ref Utf8JsonReader reader, [MaybeNullWhen(false)] out string value)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            value = reader.GetString()!;
            return true;
        }
        value = null;
        return false;
    }

    /// <summary>Reads an integer that fits in 32 bits.</summary>
    public static bool TryReadInt32(ref Utf8JsonReader reader, out int value)
    {
        value = 0;
        return reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out value);
    }

    /// <summary>Reads an integer that fits in 64 bits.</summary>
    public static bool TryReadInt64(ref Utf8JsonReader reader, out long value)
    {
        value = 0;
        return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out value);
    }

    /// <summary>Reads a number.</summary>
    public static bool TryReadDouble(ref Utf8JsonReader reader, out double value)
    {
        value = 0;
        return reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out value);
    }

    /// <summary>Reads <c>true</c> or <c>false</c>.</summary>
    public static bool TryReadBoolean(ref Utf8JsonReader reader, out bool value)
    {
        value = reader.TokenType == JsonTokenType.True;
        return reader.TokenType is JsonTokenType.True or JsonTokenType.False;
    }

    /// <summary>Reads an ISO 8601 date-time (RFC 3339); other date formats are tried with the invariant culture.</summary>
    public static bool TryReadDateTimeOffset(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        value = default;
        if (reader.TokenType != JsonTokenType.String) return false;
        if (reader.TryGetDateTimeOffset(out value)) return true;
        return DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    /// <summary>Reads any JSON value as a detached <see cref="JsonElement"/>.</summary>
    public static bool TryReadJson(ref Utf8JsonReader reader, out JsonElement value)
    {
        value = JsonElement.ParseValue(ref reader);
        return true;
    }

    /// <summary>Reads a generated object (needs a JSON object).</summary>
    public static bool TryReadObject<T>(ref Utf8JsonReader reader, [MaybeNullWhen(false)] out T value) where T : class, ITelnyxJsonModel<T>
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            value = T.ReadJson(ref reader);
            return true;
        }
        value = null;
        return false;
    }

    /// <summary>Reads a generated open enum (needs a JSON string).</summary>
    public static bool TryReadEnum<T>(ref Utf8JsonReader reader, out T value) where T : struct, ITelnyxJsonModel<T>
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            value = T.ReadJson(ref reader);
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>Reads a generated union (any JSON but null: a union keeps what it cannot match).</summary>
    public static bool TryReadUnion<T>(ref Utf8JsonReader reader, [MaybeNullWhen(false)] out T value) where T : class, ITelnyxJsonModel<T>
    {
        if (reader.TokenType != JsonTokenType.Null)
        {
            value = T.ReadJson(ref reader);
            return true;
        }
        value = null;
        return false;
    }

    /// <summary>Reads an array whose every element fits; otherwise rewinds and returns false so the raw array is kept.</summary>
    public static bool TryReadList<T>(ref Utf8JsonReader reader, JsonTryRead<T> readElement, [MaybeNullWhen(false)] out IReadOnlyList<T> value)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.StartArray) return false;
        var start = reader;
        var items = new PooledArrayBuilder<T>();
        try
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (!readElement(ref reader, out var item))
                {
                    reader = start;
                    return false;
                }
                items.Add(item);
            }
            value = items.ToArray();
            return true;
        }
        finally
        {
            items.Dispose();
        }
    }

    /// <summary>Reads an object as a dictionary whose every value fits; otherwise rewinds and returns false.</summary>
    public static bool TryReadMap<T>(ref Utf8JsonReader reader, JsonTryRead<T> readValue, [MaybeNullWhen(false)] out IReadOnlyDictionary<string, T> value)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.StartObject) return false;
        var start = reader;
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            if (!readValue(ref reader, out var item))
            {
                reader = start;
                return false;
            }
            map[key] = item;
        }
        value = map;
        return true;
    }

    // Property readers: one call per property in generated ReadJson. Each takes JSON null as "null", a fitting value as
    // the value, and keeps anything else in the additional properties under the property's name, so nothing is lost.
    // They return false only in that last case, so a caller that tracks presence sets its bit on true.

    /// <summary>Reads a string property.</summary>
    public static bool ReadString(ref Utf8JsonReader reader, ref string? field, ref Dictionary<string, JsonElement>? extra, string name)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String: field = reader.GetString(); return true;
            case JsonTokenType.Null: field = null; return true;
            default: Capture(ref extra, name, ref reader); return false;
        }
    }

    /// <summary>
    /// Reads a string property the spec fixes to one value (a one-value enum or <c>const</c>): the expected value
    /// yields <paramref name="constant"/> itself, so the usual case allocates nothing; any other string is kept as read.
    /// </summary>
    public static bool ReadConstant(ref Utf8JsonReader reader, ref string? field, ref Dictionary<string, JsonElement>? extra, string name, string constant)
    {
        if (reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(constant))
        {
            field = constant;
            return true;
        }
        return ReadString(ref reader, ref field, ref extra, name);
    }

    /// <summary>Reads a 32-bit integer property.</summary>
    public static bool ReadInt32(ref Utf8JsonReader reader, ref int? field, ref Dictionary<string, JsonElement>? extra, string name)
    {
        if (reader.TokenType == JsonTokenType.Null) { field = null; return true; }
        if (TryReadInt32(ref reader, out var value)) { field = value; return true; }
        Capture(ref extra, name, ref reader);
        return false;
    }

    /// <summary>Reads a 64-bit integer property.</summary>
    public static bool ReadInt64(ref Utf8JsonReader reader, ref long? field, ref Dictionary<string, JsonElement>? extra, string name)
    {
        if (reader.TokenType == JsonTokenType.Null) { field = null; return true; }
        if (TryReadInt64(ref reader, out var value)) { field = value; return true; }
        Capture(ref extra, name, ref reader);
        return false;
    }

    /// <summary>Reads a number property.</summary>
    public static bool ReadDouble(ref Utf8JsonReader reader, ref double? field, ref Dictionary<string, JsonElement>? extra, string name)
    {
        if (reader.TokenType == JsonTokenType.Null) { field = null; return true; }
        if (TryReadDouble(ref reader, out var value)) { field = value; return true; }
        Capture(ref extra, name, ref reader);
        return false;
    }

    /// <summary>Reads a boolean property.</summary>
    public static bool ReadBoolean(ref Utf8JsonReader reader, ref bool? field, ref Dictionary<string, JsonElement>? extra, string name)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True: field = true; return true;
            case JsonTokenType.False: field = false; return true;
            case JsonTokenType.Null: field = null; return true;
            default: Capture(ref extra, name, ref reader); return false;
        }
    }

    /// <summary>Reads a date-time property.</summary>
    public static bool ReadDateTimeOffset(ref Utf8JsonReader reader, ref DateTimeOffset? field, ref Dictionary<string, JsonElement>? extra, string name)
    {
        if (reader.TokenType == JsonTokenType.Null) { field = null; return true; }
        if (TryReadDateTimeOffset(ref reader, out var value)) { field = value; return true; }
        Capture(ref extra, name, ref reader);
        return false;
    }

    /// <summary>Reads a property of any JSON type (null reads as "not set").</summary>
    public static bool ReadJsonElement(ref Utf8JsonReader reader, ref JsonElement? field, ref Dictionary<string, JsonElement>? extra, string name)
    {
        field = reader.TokenType == JsonTokenType.Null ? null : JsonElement.ParseValue(ref reader);
        return true;
    }

    /// <summary>Reads a generated object property (needs a JSON object).</summary>
    public static bool ReadObject<T>(ref Utf8JsonReader reader, ref T? field, ref Dictionary<string, JsonElement>? extra, string name) where T : class, ITelnyxJsonModel<T>
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject: field = T.ReadJson(ref reader); return true;
            case JsonTokenType.Null: field = null; return true;
            default: Capture(ref extra, name, ref reader); return false;
        }
    }

    /// <summary>Reads a generated union property (any JSON but null: a union keeps what it cannot match).</summary>
    public static bool ReadUnion<T>(ref Utf8JsonReader reader, ref T? field, ref Dictionary<string, JsonElement>? extra, string name) where T : class, ITelnyxJsonModel<T>
    {
        field = reader.TokenType == JsonTokenType.Null ? null : T.ReadJson(ref reader);
        return true;
    }

    /// <summary>Reads a generated open-enum property (needs a JSON string).</summary>
    public static bool ReadEnum<T>(ref Utf8JsonReader reader, ref T? field, ref Dictionary<string, JsonElement>? extra, string name) where T : struct, ITelnyxJsonModel<T>
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String: field = T.ReadJson(ref reader); return true;
            case JsonTokenType.Null: field = null; return true;
            default: Capture(ref extra, name, ref reader); return false;
        }
    }

    /// <summary>Reads an array property whose every element fits; otherwise the raw array is kept.</summary>
    public static bool ReadList<T>(ref Utf8JsonReader reader, JsonTryRead<T> readElement, ref IReadOnlyList<T>? field, ref Dictionary<string, JsonElement>? extra, string name)
    {
        if (reader.TokenType == JsonTokenType.Null) { field = null; return true; }
        if (TryReadList(ref reader, readElement, out var value)) { field = value; return true; }
        Capture(ref extra, name, ref reader);
        return false;
    }

    /// <summary>Reads an object property as a dictionary whose every value fits; otherwise the raw object is kept.</summary>
    public static bool ReadMap<T>(ref Utf8JsonReader reader, JsonTryRead<T> readValue, ref IReadOnlyDictionary<string, T>? field, ref Dictionary<string, JsonElement>? extra, string name)
    {
        if (reader.TokenType == JsonTokenType.Null) { field = null; return true; }
        if (TryReadMap(ref reader, readValue, out var value)) { field = value; return true; }
        Capture(ref extra, name, ref reader);
        return false;
    }

    /// <summary>Keeps the value the reader is on, under <paramref name="name"/>, in the additional properties.</summary>
    public static void Capture(ref Dictionary<string, JsonElement>? extra, string name, ref Utf8JsonReader reader)
    {
        extra ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        extra[name] = JsonElement.ParseValue(ref reader);
    }

    /// <summary>Writes kept additional properties back out.</summary>
    public static void WriteAdditional(Utf8JsonWriter writer, IReadOnlyDictionary<string, JsonElement>? extra)
    {
        if (extra is null) return;
        foreach (var pair in extra)
        {
            writer.WritePropertyName(pair.Key);
            pair.Value.WriteTo(writer);
        }
    }

    /// <summary>The property name the reader is on, unescaped (slow path for escaped names).</summary>
    public static byte[] UnescapedName(ref Utf8JsonReader reader) => Encoding.UTF8.GetBytes(reader.GetString() ?? string.Empty);

    /// <summary>The string value of a top-level property of the object the reader is on, without moving the reader.</summary>
    public static string? PeekStringProperty(Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        if (reader.TokenType != JsonTokenType.StartObject) return null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(name);
            reader.Read();
            if (match) return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            reader.Skip();
        }
        return null;
    }

    /// <summary>Structural equality for kept JSON values.</summary>
    public static bool JsonEquals(object? left, object? right)
        => left is JsonElement a && right is JsonElement b ? JsonElement.DeepEquals(a, b) : Equals(left, right);

    /// <summary>
    /// Reads one whole model, or throws <see cref="JsonException"/> when the JSON cannot be one: the response reader of
    /// a generated operation, passed as a method group so the compiler caches one delegate per model type.
    /// </summary>
    public static T Model<T>(ref Utf8JsonReader reader) where T : class, ITelnyxJsonModel<T>
        => TryReadObject<T>(ref reader, out var value) ? value : throw Unexpected(ref reader, typeof(T).FullName ?? typeof(T).Name);

    /// <summary>The exception for a JSON token that cannot start a <paramref name="typeName"/>.</summary>
    public static JsonException Unexpected(ref Utf8JsonReader reader, string typeName)
        => new($"Cannot read {typeName} from a JSON {reader.TokenType} token at byte {reader.TokenStartIndex}.");
}
