using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Telnyx.Runtime.Primitives;
using Telnyx.Runtime.Tests.Infrastructure;

namespace Telnyx.Runtime.Tests.Pagination;

public sealed class PagerTests
{
    private static readonly JsonValueReader<string> ItemReader = (ref Utf8JsonReader r) =>
    {
        if (r.TokenType == JsonTokenType.String)
        {
            return r.GetString()!;
        }
        return TestResult.ReadJson(ref r).Id!;
    };

    private static TelnyxRequest Factory(int number, int? size)
    {
        var request = new TelnyxRequest(HttpMethod.Get, "/phone_numbers");
        request.AddQuery("filter[tag]", "a b");
        request.AddQuery("page[number]", number);
        request.AddQuery("page[size]", size);
        return request;
    }

    private static string Page(IEnumerable<string> items, long? number, long? size, long? totalPages, long? totalResults)
    {
        string data = "[" + string.Join(",", items.Select(i => "{\"id\":\"" + i + "\",\"result\":0}")) + "]";
        string N(long? v) => v?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null";
        return "{\"data\":" + data + ",\"meta\":{\"page_number\":" + N(number) + ",\"page_size\":" + N(size) +
               ",\"total_pages\":" + N(totalPages) + ",\"total_results\":" + N(totalResults) + "}}";
    }

    private static async Task<List<string>> CollectAsync(TelnyxPager<string> pager, CancellationToken token = default)
    {
        var items = new List<string>();
        await foreach (var item in pager.WithCancellation(token))
        {
            items.Add(item);
        }
        return items;
    }

    [Fact]
    public async Task ZeroItems()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.Json(Page(Array.Empty<string>(), 1, 20, 0, 0)));
        using var core = TestClients.Create(server);

        var items = await CollectAsync(new TelnyxPager<string>(core, Factory, ItemReader, null, null, default));

        Assert.Empty(items);
        Assert.Equal("/v2/phone_numbers?filter[tag]=a%20b&page[number]=1", Assert.Single(server.Requests).RawTarget);
    }

    [Fact]
    public async Task OnePage()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.Json(Page(new[] { "a", "b" }, 1, 50, 1, 2)));
        using var core = TestClients.Create(server);

        var items = await CollectAsync(new TelnyxPager<string>(core, Factory, ItemReader, 50, null, default));

        Assert.Equal(new[] { "a", "b" }, items);
        Assert.Equal("/v2/phone_numbers?filter[tag]=a%20b&page[number]=1&page[size]=50", Assert.Single(server.Requests).RawTarget);
    }

    [Fact]
    public async Task ManyPagesInOrder()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(
            CannedResponse.Json(Page(new[] { "a", "b" }, 1, 2, 3, 5)),
            CannedResponse.Json(Page(new[] { "c", "d" }, 2, 2, 3, 5)),
            CannedResponse.Json(Page(new[] { "e" }, 3, 2, 3, 5)));
        using var core = TestClients.Create(server);
        var pager = new TelnyxPager<string>(core, Factory, ItemReader, 2, new RequestOptions { ExtraHeaders = { ["X-Page"] = "1" } }, default);

        var items = await CollectAsync(pager);

        Assert.Equal(new[] { "a", "b", "c", "d", "e" }, items);
        var targets = server.Requests.Select(r => r.RawTarget).ToArray();
        Assert.Equal(new[]
        {
            "/v2/phone_numbers?filter[tag]=a%20b&page[number]=1&page[size]=2",
            "/v2/phone_numbers?filter[tag]=a%20b&page[number]=2&page[size]=2",
            "/v2/phone_numbers?filter[tag]=a%20b&page[number]=3&page[size]=2",
        }, targets);
        Assert.All(server.Requests, r => Assert.Equal("1", r.Header("X-Page")));
    }

    [Fact]
    public async Task AsPagesExposesMeta()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(
            CannedResponse.Json(Page(new[] { "a" }, 1, 1, 2, 2)),
            CannedResponse.Json(Page(new[] { "b" }, 2, 1, 2, 2)));
        using var core = TestClients.Create(server);

        var pages = new List<TelnyxPage<string>>();
        await foreach (var page in new TelnyxPager<string>(core, Factory, ItemReader, 1, null, default).AsPages())
        {
            pages.Add(page);
        }

        Assert.Equal(2, pages.Count);
        Assert.Equal(new PageMeta(2, 1, 2, 2), pages[1].Meta);
        Assert.Equal(2, pages[1].PageNumber);
        Assert.Equal("b", Assert.Single(pages[1].Items));
    }

    [Fact]
    public async Task MetaMissingContinuesWhilePagesAreFull()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(
            CannedResponse.Json("{\"data\":[\"a\",\"b\"]}"),
            CannedResponse.Json("{\"data\":[\"c\"]}"));
        using var core = TestClients.Create(server);

        var items = await CollectAsync(new TelnyxPager<string>(core, Factory, ItemReader, 2, null, default));

        Assert.Equal(new[] { "a", "b", "c" }, items);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task MetaMissingWithoutPageSizeReadsOnePage()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.Json("{\"data\":[\"a\",\"b\"]}"), CannedResponse.Json("{\"data\":[\"c\"]}"));
        using var core = TestClients.Create(server);

        var items = await CollectAsync(new TelnyxPager<string>(core, Factory, ItemReader, null, null, default));

        Assert.Equal(new[] { "a", "b" }, items);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task ServerThatAlwaysSaysPage2Of3Terminates()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        string body = Page(new[] { "x", "y" }, 2, 2, 3, 6);
        server.Handler = (context, _) => FakeTelnyxServer.WriteAsync(context, CannedResponse.Json(body));
        using var core = TestClients.Create(server);

        var items = await CollectAsync(new TelnyxPager<string>(core, Factory, ItemReader, 2, null, default));

        Assert.Equal(new[] { "x", "y" }, items);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task ServerThatIgnoresPagingWithoutMetaTerminates()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Handler = (context, _) => FakeTelnyxServer.WriteAsync(context, CannedResponse.Json("{\"data\":[\"x\",\"y\"]}"));
        using var core = TestClients.Create(server);

        var items = await CollectAsync(new TelnyxPager<string>(core, Factory, ItemReader, 2, null, default));

        Assert.Equal(new[] { "x", "y" }, items);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task TotalPagesWithoutPageNumberUsesTheRequestedNumber()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(
            CannedResponse.Json("{\"data\":[\"a\"],\"meta\":{\"total_pages\":2}}"),
            CannedResponse.Json("{\"data\":[\"b\"],\"meta\":{\"total_pages\":2}}"),
            CannedResponse.Json("{\"data\":[\"c\"],\"meta\":{\"total_pages\":2}}"));
        using var core = TestClients.Create(server);

        var items = await CollectAsync(new TelnyxPager<string>(core, Factory, ItemReader, 1, null, default));

        Assert.Equal(new[] { "a", "b" }, items);
    }

    [Fact]
    public async Task CancellationBetweenPages()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(
            CannedResponse.Json(Page(new[] { "a", "b" }, 1, 2, 3, 6)),
            CannedResponse.Json(Page(new[] { "c", "d" }, 2, 2, 3, 6)));
        using var core = TestClients.Create(server);
        using var cts = new CancellationTokenSource();
        var pager = new TelnyxPager<string>(core, Factory, ItemReader, 2, null, cts.Token);

        var seen = new List<string>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in pager)
            {
                seen.Add(item);
                if (item == "b")
                {
                    cts.Cancel();
                }
            }
        });

        Assert.Equal(new[] { "a", "b" }, seen);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task EnumeratorTokenAlsoCancels()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.Json(Page(new[] { "a" }, 1, 1, 3, 3)));
        using var core = TestClients.Create(server);
        using var cts = new CancellationTokenSource();
        var pager = new TelnyxPager<string>(core, Factory, ItemReader, 1, null, default);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in pager.WithCancellation(cts.Token))
            {
                cts.Cancel();
            }
        });
        Assert.Equal(1, server.RequestCount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(251)]
    [InlineData(-1)]
    public async Task PageSizeOutOfRangeIsRejectedBeforeSending(int size)
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        using var core = TestClients.Create(server);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new TelnyxPager<string>(core, Factory, ItemReader, size, null, default));
        Assert.Equal("pageSize", ex.ParamName);
        Assert.Equal(0, server.RequestCount);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(250)]
    public async Task PageSizeBoundsAreAccepted(int size)
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.Json(Page(new[] { "a" }, 1, size, 1, 1)));
        using var core = TestClients.Create(server);

        var items = await CollectAsync(new TelnyxPager<string>(core, Factory, ItemReader, size, null, default));
        Assert.Equal(new[] { "a" }, items);
    }

    [Fact]
    public async Task GetPageFetchesOnePage()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.Json(Page(new[] { "k" }, 3, 10, 4, 31)));
        using var core = TestClients.Create(server);

        var page = await new TelnyxPager<string>(core, Factory, ItemReader, 10, null, default).GetPageAsync(3);

        Assert.Equal(3, page.PageNumber);
        Assert.Equal(new PageMeta(3, 10, 4, 31), page.Meta);
        Assert.Equal("/v2/phone_numbers?filter[tag]=a%20b&page[number]=3&page[size]=10", Assert.Single(server.Requests).RawTarget);
    }

    [Fact]
    public async Task InvalidListBodyThrowsInvalidResponse()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.Json("{\"data\":{\"not\":\"a list\"}}"));
        using var core = TestClients.Create(server);

        var ex = await Assert.ThrowsAsync<TelnyxInvalidResponseException>(() => CollectAsync(new TelnyxPager<string>(core, Factory, ItemReader, null, null, default)));
        Assert.Equal("{\"data\":{\"not\":\"a list\"}}", ex.Body);
    }

    [Fact]
    public async Task PageErrorsSurfaceAsTypedExceptions()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.Json(Page(new[] { "a" }, 1, 1, 2, 2)), CannedResponse.Status(403));
        using var core = TestClients.Create(server);

        await Assert.ThrowsAsync<TelnyxPermissionDeniedException>(() => CollectAsync(new TelnyxPager<string>(core, Factory, ItemReader, 1, null, default)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    [InlineData(250)]
    public void ParsePageReadsEveryItemInOrderWhateverTheCount(int count)
    {
        var ids = Enumerable.Range(0, count).Select(i => "c" + i).ToArray();
        var page = TelnyxPager<string>.ParsePage(System.Text.Encoding.UTF8.GetBytes(Page(ids, 1, 250, 1, count)), ItemReader);

        Assert.Equal(ids, page.Items);
        Assert.Equal(new PageMeta(1, 250, 1, count), page.Meta);
    }

    [Fact]
    public void AnItemReaderThatThrowsMidPageLeavesTheNextParseIntact()
    {
        // The pooled buffer the items gather in must go back clean even when the reader fails halfway.
        var body = System.Text.Encoding.UTF8.GetBytes(Page(Enumerable.Range(0, 40).Select(i => "c" + i), 1, 40, 1, 40));
        JsonValueReader<string> failing = (ref Utf8JsonReader r) => r.TokenStartIndex > body.Length / 2 ? throw new JsonException("late failure") : ItemReader(ref r);
        Assert.Throws<JsonException>(() => TelnyxPager<string>.ParsePage(body, failing));

        var page = TelnyxPager<string>.ParsePage(body, ItemReader);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => "c" + i), page.Items);
    }
}
