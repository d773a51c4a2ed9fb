using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Telnyx.Runtime.Primitives;

namespace Telnyx.Runtime;

/// <summary>The <c>meta</c> object of a Telnyx list response.</summary>
/// <param name="PageNumber">The 1-based number of this page (<c>page_number</c>).</param>
/// <param name="PageSize">The page size the server used (<c>page_size</c>).</param>
/// <param name="TotalPages">How many pages there are (<c>total_pages</c>).</param>
/// <param name="TotalResults">How many items there are across all pages (<c>total_results</c>).</param>
public sealed record PageMeta(long? PageNumber, long? PageSize, long? TotalPages, long? TotalResults);

/// <summary>One page of a list response.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class TelnyxPage<T>
{
    /// <summary>Creates a page.</summary>
    /// <param name="items">The items of the page.</param>
    /// <param name="meta">The page's <c>meta</c>, or null when the server sent none.</param>
    /// <param name="pageNumber">The page number that was requested.</param>
    public TelnyxPage(IReadOnlyList<T> items, PageMeta? meta, int pageNumber)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = items;
        Meta = meta;
        PageNumber = pageNumber;
    }

    /// <summary>The items of the page, in server order.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>The page's <c>meta</c>, or null when the server sent none.</summary>
    public PageMeta? Meta { get; }

    /// <summary>The page number that was requested (1-based).</summary>
    public int PageNumber { get; }
}

/// <summary>
/// Iterates a Telnyx list endpoint (<c>{ "data": [...], "meta": { page_number, page_size, total_pages,
/// total_results } }</c>) page by page, requesting <c>page[number]</c> = 1, 2, 3, ...
/// </summary>
/// <remarks>
/// Enumeration stops after a page when any of these holds:
/// <list type="bullet">
/// <item>the page is empty;</item>
/// <item><c>meta.total_pages</c> is present and the page number (the server's <c>page_number</c>, else the
/// requested one) has reached it;</item>
/// <item><c>meta.total_pages</c> is absent (or <c>meta</c> is missing) and the page holds fewer items than the page
/// size (the requested size, else <c>meta.page_size</c>); when no page size is known either, after this page.</item>
/// </list>
/// A page is dropped (not yielded) and enumeration stops when it repeats the previous one: its
/// <c>page_number</c> does not advance past the previous page's, or its <c>data</c> is byte-for-byte the previous
/// page's. So a server that ignores <c>page[number]</c> (for example a mock that always answers "page 2 of 3")
/// ends the enumeration with the items already received instead of looping. The cancellation token is checked
/// before every page request. Each page request is its own trace span (named after the list operation, tagged
/// <c>telnyx.page.number</c>) and its own request-duration measurement; the enumeration as a whole has none.
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
public sealed class TelnyxPager<T> : IAsyncEnumerable<T>
{
    /// <summary>The largest page size the Telnyx API accepts.</summary>
    public const int MaxPageSize = 250;

    private readonly TelnyxHttpCore _core;
    private readonly Func<int, int?, TelnyxRequest> _requestFactory;
    private readonly JsonValueReader<T> _itemReader;
    private readonly int? _pageSize;
    private readonly RequestOptions? _options;
    private readonly CancellationToken _cancellationToken;

    /// <summary>Creates the pager; nothing is sent until it is enumerated.</summary>
    /// <param name="core">The HTTP core that sends the page requests.</param>
    /// <param name="requestFactory">
    /// Builds the request for (page number, page size), adding <c>page[number]</c> and <c>page[size]</c> (size null =
    /// the server's default).
    /// </param>
    /// <param name="itemReader">Reads one item of <c>data</c>.</param>
    /// <param name="pageSize">The page size, 1 to 250, or null for the server's default.</param>
    /// <param name="options">Per-call options applied to every page request.</param>
    /// <param name="cancellationToken">Cancels the enumeration (combined with the enumerator's token).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is outside 1..250.</exception>
    public TelnyxPager(
        TelnyxHttpCore core,
        Func<int, int?, TelnyxRequest> requestFactory,
        JsonValueReader<T> itemReader,
        int? pageSize,
        RequestOptions? options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(core);
        ArgumentNullException.ThrowIfNull(requestFactory);
        ArgumentNullException.ThrowIfNull(itemReader);
        if (pageSize is int size && (size < 1 || size > MaxPageSize))
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), size, $"The page size must be between 1 and {MaxPageSize}.");
        }
        _core = core;
        _requestFactory = requestFactory;
        _itemReader = itemReader;
        _pageSize = pageSize;
        _options = options;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The requested page size, or null for the server's default.</summary>
    public int? PageSize => _pageSize;

    /// <summary>Fetches one page.</summary>
    /// <param name="pageNumber">The 1-based page number.</param>
    /// <param name="cancellationToken">Cancels this fetch (combined with the pager's token).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageNumber"/> is less than 1.</exception>
    public async Task<TelnyxPage<T>> GetPageAsync(int pageNumber, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageNumber, 1);
        using var linked = cancellationToken.CanBeCanceled && _cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(_cancellationToken, cancellationToken)
            : null;
        var token = linked?.Token ?? (cancellationToken.CanBeCanceled ? cancellationToken : _cancellationToken);
        var result = await FetchAsync(pageNumber, token).ConfigureAwait(false);
        return result.Page;
    }

    /// <summary>Enumerates the pages; see the class remarks for when it stops.</summary>
    public IAsyncEnumerable<TelnyxPage<T>> AsPages() => EnumeratePagesAsync(default);

    /// <inheritdoc />
    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in EnumeratePagesAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Items)
            {
                yield return item;
            }
        }
    }

    private async IAsyncEnumerable<TelnyxPage<T>> EnumeratePagesAsync([EnumeratorCancellation] CancellationToken enumeratorToken)
    {
        using var linked = enumeratorToken.CanBeCanceled && _cancellationToken.CanBeCanceled && enumeratorToken != _cancellationToken
            ? CancellationTokenSource.CreateLinkedTokenSource(_cancellationToken, enumeratorToken)
            : null;
        CancellationToken token = linked?.Token ?? (enumeratorToken.CanBeCanceled ? enumeratorToken : _cancellationToken);

        long? previousServerPage = null;
        int previousDataHash = 0;
        int previousDataLength = -1;
        for (int pageNumber = 1; ; pageNumber++)
        {
            token.ThrowIfCancellationRequested();
            var result = await FetchAsync(pageNumber, token).ConfigureAwait(false);
            var page = result.Page;
            var meta = page.Meta;

            if (pageNumber > 1)
            {
                bool repeatsNumber = meta?.PageNumber is long current && previousServerPage is long previous && current <= previous;
                bool repeatsData = result.DataLength == previousDataLength && result.DataHash == previousDataHash && page.Items.Count > 0;
                if (repeatsNumber || repeatsData)
                {
                    yield break;
                }
            }

            yield return page;

            int count = page.Items.Count;
            if (count == 0)
            {
                yield break;
            }
            if (meta?.TotalPages is long totalPages)
            {
                long reached = meta.PageNumber ?? pageNumber;
                if (reached >= totalPages)
                {
                    yield break;
                }
            }
            else
            {
                long? size = _pageSize ?? meta?.PageSize;
                if (size is not long known || count < known)
                {
                    yield break;
                }
            }
            if (pageNumber == int.MaxValue)
            {
                yield break;
            }
            previousServerPage = meta?.PageNumber;
            previousDataHash = result.DataHash;
            previousDataLength = result.DataLength;
        }
    }

    private Task<EnvelopePage<T>> FetchAsync(int pageNumber, CancellationToken cancellationToken)
    {
        var request = _requestFactory(pageNumber, _pageSize);
        // Each page is its own span (named after the request's operation); this tags it with the page it asked for.
        request.PageNumber = pageNumber;
        return _core.SendWithHandlerAsync<PageHandler<T>, EnvelopePage<T>>(request, new(_itemReader, pageNumber), _options, cancellationToken);
    }

    /// <summary>
    /// Parses one page body (<c>{ "data": [...], "meta": {...} }</c>) exactly as the pager does, for a body obtained
    /// some other way (a raw request, a cache, a benchmark).
    /// </summary>
    /// <param name="utf8Json">The response body.</param>
    /// <param name="itemReader">Reads one item of <c>data</c>.</param>
    /// <param name="pageNumber">The page number that was requested.</param>
    /// <exception cref="Telnyx.Runtime.TelnyxInvalidResponseException">The body is not a page.</exception>
    public static TelnyxPage<T> ParsePage(ReadOnlySpan<byte> utf8Json, JsonValueReader<T> itemReader, int pageNumber = 1)
    {
        ArgumentNullException.ThrowIfNull(itemReader);
        return EnvelopeReader.ReadPage(utf8Json, itemReader, pageNumber).Page;
    }

}
