using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

namespace Telnyx.Runtime.Primitives;

/// <summary>Writes one JSON value of <typeparamref name="T"/>.</summary>
public delegate void JsonWriteValue<in T>(Utf8JsonWriter writer, T value);

/// <summary>
/// Property writers used by generated code: one call per property in <c>WriteJson</c>. Each writes the name and the
/// value, or JSON null when the value is null; whether a property is written at all is the caller's decision.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonWrite
{
    /// <summary>Writes a string property.</summary>
    public static void String(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value)
    {
        if (value is null) writer.WriteNull(name);
        else writer.WriteString(name, value);
    }

    /// <summary>Writes a 32-bit integer property.</summary>
    public static void Int32(Utf8JsonWriter writer, ReadOnlySpan<byte> name, int? value)
    {
        if (value is { } v) writer.WriteNumber(name, v);
        else writer.WriteNull(name);
    }

    /// <summary>Writes a 64-bit integer property.</summary>
    public static void Int64(Utf8JsonWriter writer, ReadOnlySpan<byte> name, long? value)
    {
        if (value is { } v) writer.WriteNumber(name, v);
        else writer.WriteNull(name);
    }

    /// <summary>Writes a number property.</summary>
    public static void Double(Utf8JsonWriter writer, ReadOnlySpan<byte> name, double? value)
    {
        if (value is { } v) writer.WriteNumber(name, v);
        else writer.WriteNull(name);
    }

    /// <summary>Writes a boolean property.</summary>
    public static void Boolean(Utf8JsonWriter writer, ReadOnlySpan<byte> name, bool? value)
    {
        if (value is { } v) writer.WriteBoolean(name, v);
        else writer.WriteNull(name);
    }

    /// <summary>Writes a date-time property (ISO 8601).</summary>
    public static void DateTimeOffset(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DateTimeOffset? value)
    {
        if (value is { } v) writer.WriteString(name, v);
        else writer.WriteNull(name);
    }

    /// <summary>Writes a property of any JSON type.</summary>
    public static void JsonElement(Utf8JsonWriter writer, ReadOnlySpan<byte> name, JsonElement? value)
    {
        writer.WritePropertyName(name);
        if (value is { } v) v.WriteTo(writer);
        else writer.WriteNullValue();
    }

    /// <summary>Writes a generated object or union property.</summary>
    public static void Model<T>(Utf8JsonWriter writer, ReadOnlySpan<byte> name, T? value) where T : class, ITelnyxJsonModel<T>
    {
        writer.WritePropertyName(name);
        if (value is null) writer.WriteNullValue();
        else value.WriteJson(writer);
    }

    /// <summary>Writes a generated open-enum property.</summary>
    public static void Enum<T>(Utf8JsonWriter writer, ReadOnlySpan<byte> name, T? value) where T : struct, ITelnyxJsonModel<T>
    {
        writer.WritePropertyName(name);
        if (value is { } v) v.WriteJson(writer);
        else writer.WriteNullValue();
    }

    /// <summary>Writes an array property; <paramref name="writeElement"/> writes each element.</summary>
    public static void List<T>(Utf8JsonWriter writer, ReadOnlySpan<byte> name, IReadOnlyList<T>? value, JsonWriteValue<T> writeElement)
    {
        writer.WritePropertyName(name);
        ListValue(writer, value, writeElement);
    }

    /// <summary>Writes an object property from a dictionary; <paramref name="writeValue"/> writes each value.</summary>
    public static void Map<T>(Utf8JsonWriter writer, ReadOnlySpan<byte> name, IReadOnlyDictionary<string, T>? value, JsonWriteValue<T> writeValue)
    {
        writer.WritePropertyName(name);
        MapValue(writer, value, writeValue);
    }

    // Value writers: the elements of arrays and dictionaries. Elements of reference types may still be null at run
    // time (the collections are the caller's), so null is written as JSON null rather than throwing.

    /// <summary>Writes an array.</summary>
    public static void ListValue<T>(Utf8JsonWriter writer, IReadOnlyList<T>? value, JsonWriteValue<T> writeElement)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }
        writer.WriteStartArray();
        for (var i = 0; i < value.Count; i++)
        {
            writeElement(writer, value[i]);
        }
        writer.WriteEndArray();
    }

    /// <summary>Writes a dictionary as an object.</summary>
    public static void MapValue<T>(Utf8JsonWriter writer, IReadOnlyDictionary<string, T>? value, JsonWriteValue<T> writeValue)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }
        writer.WriteStartObject();
        foreach (var pair in value)
        {
            writer.WritePropertyName(pair.Key);
            writeValue(writer, pair.Value);
        }
        writer.WriteEndObject();
    }

    /// <summary>Writes a string value.</summary>
    public static void StringValue(Utf8JsonWriter writer, string? value)
    {
        if (value is null) writer.WriteNullValue();
        else writer.WriteStringValue(value);
    }

    /// <summary>Writes a 32-bit integer value.</summary>
    public static void Int32Value(Utf8JsonWriter writer, int value) => writer.WriteNumberValue(value);

    /// <summary>Writes a 64-bit integer value.</summary>
    public static void Int64Value(Utf8JsonWriter writer, long value) => writer.WriteNumberValue(value);

    /// <summary>Writes a number value.</summary>
    public static void DoubleValue(Utf8JsonWriter writer, double value) => writer.WriteNumberValue(value);

    /// <summary>Writes a boolean value.</summary>
    public static void BooleanValue(Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);

    /// <summary>Writes a date-time value (ISO 8601).</summary>
    public static void DateTimeOffsetValue(Utf8JsonWriter writer, DateTimeOffset value) => writer.WriteStringValue(value);

    /// <summary>Writes a value of any JSON type.</summary>
    public static void JsonElementValue(Utf8JsonWriter writer, JsonElement value) => value.WriteTo(writer);

    /// <summary>Writes a generated object or union value.</summary>
    public static void ModelValue<T>(Utf8JsonWriter writer, T? value) where T : class, ITelnyxJsonModel<T>
    {
        if (value is null) writer.WriteNullValue();
        else value.WriteJson(writer);
    }

    /// <summary>Writes a generated open-enum value.</summary>
    public static void EnumValue<T>(Utf8JsonWriter writer, T value) where T : struct, ITelnyxJsonModel<T> => value.WriteJson(writer);
}
