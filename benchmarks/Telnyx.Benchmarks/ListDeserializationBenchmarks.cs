using System;
using System.Collections.Generic;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Telnyx.Runtime.Primitives;
using Telnyx.Runtime;

namespace Telnyx.Benchmarks;

/// <summary>
/// Reading one 250-item <c>GET /conferences</c> page (<c>{"data":[...],"meta":{...}}</c>, about 100 KB) from UTF-8
/// bytes: System.Text.Json source-generated into hand-written DTOs against the generated <c>Conference.ReadJson</c>,
/// driven exactly the way <see cref="TelnyxPager{T}"/> parses a page (<see cref="TelnyxPager{T}.ParsePage"/>, the code the pager itself runs).
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
        TelnyxPager<Conference>.ParsePage(_page, s_itemReader, 1);
}
