using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace Telnyx.Runtime.Primitives;

/// <summary>
/// Parses the Telnyx response envelope (<c>{ "data": ..., "meta": ... }</c>) for single values, whole bodies and list
/// pages; shared by <see cref="TelnyxHttpCore"/> and <see cref="TelnyxPager{T}"/>.
/// </summary>
internal static class EnvelopeReader
{
    public static T ReadData<T>(ReadOnlySpan<byte> body, JsonValueReader<T> dataReader)
    {
        var reader = new Utf8JsonReader(body, TelnyxJson.DefaultReaderOptions);
        if (!reader.Read())
        {
            throw new JsonException("The response body is empty.");
        }
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object with a 'data' member, found {reader.TokenType}.");
        }
        bool found = false;
        T value = default!;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!found && reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                value = dataReader(ref reader);
                found = true;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        if (reader.Read())
        {
            throw new JsonException($"Unexpected JSON token {reader.TokenType} after the end of the body.");
        }
        if (!found)
        {
            throw new JsonException("The response body has no 'data' member.");
        }
        return value;
    }

    public static T ReadWhole<T>(ReadOnlySpan<byte> body, JsonValueReader<T> bodyReader)
    {
        var reader = new Utf8JsonReader(body, TelnyxJson.DefaultReaderOptions);
        if (!reader.Read())
        {
            throw new JsonException("The response body is empty.");
        }
        T value = bodyReader(ref reader);
        if (reader.Read())
        {
            throw new JsonException($"Unexpected JSON token {reader.TokenType} after the end of the body.");
        }
        return value;
    }

    public static EnvelopePage<T> ReadPage<T>(ReadOnlySpan<byte> body, JsonValueReader<T> itemReader, int pageNumber)
    {
        var reader = new Utf8JsonReader(body, TelnyxJson.DefaultReaderOptions);
        if (!reader.Read())
        {
            throw new JsonException("The response body is empty.");
        }
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object with a 'data' array, found {reader.TokenType}.");
        }
        T[]? items = null;
        PageMeta? meta = null;
        bool sawData = false;
        int dataHash = 0;
        int dataLength = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                sawData = true;
                if (reader.TokenType == JsonTokenType.Null)
                {
                    continue;
                }
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    throw new JsonException($"Expected 'data' to be an array, found {reader.TokenType}.");
                }
                int start = checked((int)reader.TokenStartIndex);
                var builder = new PooledArrayBuilder<T>();
                try
                {
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        builder.Add(itemReader(ref reader));
                    }
                    items = builder.ToArray();
                }
                finally
                {
                    builder.Dispose();
                }
                var raw = body.Slice(start, checked((int)reader.BytesConsumed) - start);
                var hash = new HashCode();
                hash.AddBytes(raw);
                dataHash = hash.ToHashCode();
                dataLength = raw.Length;
            }
            else if (reader.ValueTextEquals("meta"u8))
            {
                reader.Read();
                meta = ReadMeta(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        if (reader.Read())
        {
            throw new JsonException($"Unexpected JSON token {reader.TokenType} after the end of the body.");
        }
        if (!sawData)
        {
            throw new JsonException("The list response has no 'data' member.");
        }
        IReadOnlyList<T> list = items ?? Array.Empty<T>();
        return new EnvelopePage<T>(new TelnyxPage<T>(list, meta, pageNumber), dataHash, dataLength);
    }

    private static PageMeta? ReadMeta(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }
        long? number = null, size = null, totalPages = null, totalResults = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("page_number"u8))
            {
                reader.Read();
                number = ReadLenientInt64(ref reader);
            }
            else if (reader.ValueTextEquals("page_size"u8))
            {
                reader.Read();
                size = ReadLenientInt64(ref reader);
            }
            else if (reader.ValueTextEquals("total_pages"u8))
            {
                reader.Read();
                totalPages = ReadLenientInt64(ref reader);
            }
            else if (reader.ValueTextEquals("total_results"u8))
            {
                reader.Read();
                totalResults = ReadLenientInt64(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        return new PageMeta(number, size, totalPages, totalResults);
    }

    private static long? ReadLenientInt64(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out long value))
                {
                    return value;
                }
                return reader.TryGetDouble(out double d) && double.IsFinite(d) ? (long)d : null;
            case JsonTokenType.String:
                return long.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed) ? parsed : null;
            default:
                reader.Skip();
                return null;
        }
    }
}

/// <summary>A parsed page plus the hash and length of its <c>data</c> bytes (the pager's repeated-page check).</summary>
internal readonly record struct EnvelopePage<T>(TelnyxPage<T> Page, int DataHash, int DataLength);
