using System;
using System.Collections.Generic;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Telnyx.Runtime.Http;
using Telnyx.Runtime.Json;
using Telnyx.Runtime.Pagination;

namespace Telnyx.Benchmarks;

/// <summary>
/// Reading one 250-item <c>GET /conferences</c> page (<c>{"data":[...],"meta":{...}}</c>, about 100 KB) from UTF-8
/// bytes: System.Text.Json source-generated into hand-written DTOs against the generated <c>Conference.ReadJson</c>,
/// driven exactly the way <see cref="TelnyxPager{T}"/> parses a page (see <see cref="PagerPageParser"/>).
/// </summary>
[MemoryDiagnoser]
public class ListDeserializationBenchmarks
{
    public const int PageSize = 250;

    // The item reader the generated ConferencesResource.ListAsync hands to the pager, verbatim.
    private static readonly JsonValueReader<Conference> s_itemReader =
        static (ref Utf8JsonReader reader) => JsonRead.TryReadObject<Conference>(ref reader, out var value) ? value : throw JsonRead.Unexpected(ref reader, "Telnyx.Conference");

    private byte[] _page = null!;

    [GlobalSetup]
    public void Setup()
    {
        _page = Payloads.ConferenceListPage(PageSize);
        var baseline = StjSourceGen();
        var generated = GeneratedPager();
        if (baseline.Data is not { Count: PageSize } || generated.Items.Count != PageSize || generated.Meta?.TotalPages != baseline.Meta?.TotalPages)
        {
            throw new InvalidOperationException("The two readers did not read the same page.");
        }
        for (int i = 0; i < PageSize; i++)
        {
            ConferenceDto a = baseline.Data[i];
            Conference b = generated.Items[i];
            if (a.Id != b.Id || a.Name != b.Name || a.Status != b.Status?.Value || a.EndReason != b.EndReason?.Value
                || a.EndedBy?.CallSessionId != b.EndedBy?.CallSessionId || a.UpdatedAt != b.UpdatedAt || b.AdditionalProperties is not null)
            {
                throw new InvalidOperationException($"Item {i} differs between the two readers.");
            }
        }
        Console.WriteLine($"// List page: {PageSize} conferences, {_page.Length} bytes of UTF-8 JSON.");
    }

    [Benchmark(Baseline = true, Description = "STJ source-gen -> DTOs")]
    public ListResponseDto StjSourceGen() =>
        JsonSerializer.Deserialize(_page, BaselineJsonContext.Default.ListResponseDto)!;

    [Benchmark(Description = "Generated Conference.ReadJson (pager path)")]
    public TelnyxPage<Conference> GeneratedPager() =>
        PagerPageParser.ParsePage(_page, s_itemReader, 1).Page;
}

/// <summary>
/// A verbatim copy of <c>TelnyxPager&lt;T&gt;.ParsePage</c> and <c>ReadMeta</c> (runtime/Telnyx.Runtime/Pagination/TelnyxPager.cs),
/// which are private: the runtime has no public entry point that parses a page from bytes.
/// </summary>
internal static class PagerPageParser
{
    public static PageResult<T> ParsePage<T>(ReadOnlySpan<byte> body, JsonValueReader<T> itemReader, int pageNumber)
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
        List<T>? items = null;
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
                items = new List<T>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(itemReader(ref reader));
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
        IReadOnlyList<T> list = items is null ? Array.Empty<T>() : items;
        return new PageResult<T>(new TelnyxPage<T>(list, meta, pageNumber), dataHash, dataLength);
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
                return long.TryParse(reader.GetString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out long parsed) ? parsed : null;
            default:
                reader.Skip();
                return null;
        }
    }

    internal readonly record struct PageResult<T>(TelnyxPage<T> Page, int DataHash, int DataLength);
}
