using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using Microsoft.Kiota.Serialization.Json;
using Telnyx.Runtime;
using KClient = Telnyx.Benchmarks.Kiota.Client;

namespace Telnyx.Benchmarks.Kiota;

/// <summary>
/// <see cref="ListDeserializationBenchmarks"/>'s two rows beside Kiota reading the same 250-item page the way its
/// request adapter reads a response body: <c>JsonParseNodeFactory.GetRootParseNodeAsync</c> over a stream, then
/// <c>GetObjectValue</c> of the generated <c>ConferencesGetResponse</c>.
/// </summary>
[MemoryDiagnoser]
public class KiotaListDeserializationBenchmarks
{
    private readonly ListDeserializationBenchmarks _inner = new();
    private readonly JsonParseNodeFactory _factory = new();
    private byte[] _page = null!;

    [GlobalSetup]
    public void Setup()
    {
        _inner.Setup();
        _page = Payloads.ConferenceListPage(ListDeserializationBenchmarks.PageSize);
        var baseline = _inner.StjSourceGen();
        var kiota = Kiota();
        if (kiota.Data is not { Count: ListDeserializationBenchmarks.PageSize } || kiota.Meta?.TotalPages != baseline.Meta?.TotalPages)
        {
            throw new InvalidOperationException("Kiota did not read the same page.");
        }
        for (int i = 0; i < ListDeserializationBenchmarks.PageSize; i++)
        {
            var a = baseline.Data![i];
            var b = kiota.Data[i];
            if (a.Id != b.Id || a.Name != b.Name || a.UpdatedAt != b.UpdatedAt || a.EndedBy?.CallSessionId != b.EndedBy?.CallSessionId
                || (a.Status is null) != (b.Status is null) || (a.EndReason is null) != (b.EndReason is null) || b.AdditionalData.Count != 0)
            {
                throw new InvalidOperationException($"Item {i} differs between Kiota and the baseline.");
            }
        }
    }

    [Benchmark(Baseline = true, Description = "STJ source-gen -> DTOs")]
    public ListResponseDto StjSourceGen() => _inner.StjSourceGen();

    [Benchmark(Description = "Generated Conference.ReadJson (pager path)")]
    public TelnyxPage<Conference> GeneratedPager() => _inner.GeneratedPager();

    [Benchmark(Description = "Kiota JsonParseNode -> ConferencesGetResponse")]
    public KClient.Conferences.ConferencesGetResponse Kiota()
    {
        // A MemoryStream completes synchronously, so blocking on the task costs nothing here.
        using var stream = new MemoryStream(_page, writable: false);
        var node = _factory.GetRootParseNodeAsync("application/json", stream).GetAwaiter().GetResult();
        return node.GetObjectValue(KClient.Conferences.ConferencesGetResponse.CreateFromDiscriminatorValue)
            ?? throw new InvalidOperationException("Kiota read no page.");
    }
}
