using System.Linq;
using System.Threading.Tasks;
using Telnyx.Contract.Tests.Infrastructure;
using Telnyx.Tests.Shared;
using Xunit.Abstractions;

namespace Telnyx.Contract.Tests.Operations;

/// <summary>
/// Prism answers every list request with the same static example page (page_number 2 of total_pages 3): the
/// SDK's auto-pagination must notice the repeat and stop instead of looping.
/// </summary>
[Collection(PrismCollection.Name)]
public sealed class PaginationContractTests
{
    private const int MaxRequests = 3;

    private readonly PrismFixture _prism;
    private readonly ITestOutputHelper _output;

    public PaginationContractTests(PrismFixture prism, ITestOutputHelper output)
    {
        _prism = prism;
        _output = output;
    }

    [Fact]
    public async Task ConferencesAutoPaginationTerminates()
    {
        var recorder = new RecordingHandler();
        using var client = _prism.CreateClient(recorder);
        int items = 0;
        await foreach (var conference in client.Conferences.ListAsync(new ListConferencesParameters { PageSize = 25 }))
        {
            Assert.False(string.IsNullOrEmpty(conference.Id));
            items++;
            Assert.True(items < 100, "Auto-pagination keeps yielding Prism's repeated page.");
        }
        _output.WriteLine(recorder.Describe());

        Assert.True(items > 0);
        Assert.InRange(recorder.Exchanges.Count, 1, MaxRequests);
        Assert.All(recorder.Exchanges, e => Assert.Equal(200, e.Status));
        Assert.All(recorder.Exchanges, e => Assert.StartsWith("/conferences?", e.Target, System.StringComparison.Ordinal));
        Assert.Contains("page[number]=1", System.Uri.UnescapeDataString(recorder.Exchanges[0].Target), System.StringComparison.Ordinal);
        Assert.True(recorder.Exchanges.Select(e => e.Target).Distinct().Count() == recorder.Exchanges.Count, "The pager asked for the same page twice.");
    }

    [Fact]
    public async Task QueueCallsAutoPaginationTerminates()
    {
        var recorder = new RecordingHandler();
        using var client = _prism.CreateClient(recorder);
        var calls = await ConferencingOperations.Drain(client.Queues.Calls.ListAsync(ConferencingOperations.QueueName));
        _output.WriteLine(recorder.Describe());

        Assert.NotEmpty(Assert.IsType<System.Collections.Generic.List<QueueCall>>(calls));
        Assert.InRange(recorder.Exchanges.Count, 1, MaxRequests);
    }
}
