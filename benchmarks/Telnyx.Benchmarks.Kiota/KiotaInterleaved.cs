namespace Telnyx.Benchmarks.Kiota;

/// <summary>
/// <c>--interleaved</c>: the same rows through <see cref="InterleavedCheck.Compare"/> (variants take turns in blocks,
/// ratio to the baseline per round, median over 60 rounds), for a noisy machine.
/// </summary>
public static class KiotaInterleaved
{
    public static void Run()
    {
        var create = new KiotaCreateConferenceBenchmarks();
        create.Setup();
        try
        {
            InterleavedCheck.Compare("CreateConference (1,000 calls per block)", 1000,
            [
                ("hand-written (baseline)", () => create.HandWrittenHttpClientStj().GetAwaiter().GetResult()),
                ("generated", () => create.GeneratedSdk().GetAwaiter().GetResult()),
                ("Kiota", () => create.Kiota().GetAwaiter().GetResult()),
                ("diag: Kiota + default middleware", () => create.KiotaDefaultMiddleware().GetAwaiter().GetResult()),
            ]);
        }
        finally
        {
            create.Cleanup();
        }

        var list = new KiotaListDeserializationBenchmarks();
        list.Setup();
        InterleavedCheck.Compare("ListDeserialization (200 pages per block)", 200,
        [
            ("STJ source-gen (baseline)", () => list.StjSourceGen()),
            ("generated (pager path)", () => list.GeneratedPager()),
            ("Kiota", () => list.Kiota()),
        ]);
    }
}
