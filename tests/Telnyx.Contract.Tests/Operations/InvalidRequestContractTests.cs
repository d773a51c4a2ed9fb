using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Telnyx.Contract.Tests.Infrastructure;
using Telnyx.Runtime;
using Telnyx.Tests.Shared;
using Xunit.Abstractions;

namespace Telnyx.Contract.Tests.Operations;

/// <summary>
/// The other side of the contract: a request the official document forbids is refused by Prism, and the SDK surfaces
/// it as the typed 422 exception with Prism's violations. This is what makes the green runs meaningful.
/// </summary>
[Collection(PrismCollection.Name)]
public sealed class InvalidRequestContractTests
{
    private readonly PrismFixture _prism;
    private readonly ITestOutputHelper _output;

    public InvalidRequestContractTests(PrismFixture prism, ITestOutputHelper output)
    {
        _prism = prism;
        _output = output;
    }

    [Fact]
    public async Task InvalidCreateConferenceYieldsTypedUnprocessableEntity()
    {
        var recorder = new RecordingHandler();
        using var client = _prism.CreateClient(recorder);
        // name must be a string; call_control_id (required) is missing.
        byte[] body = Encoding.UTF8.GetBytes("""{"name":42,"beep_enabled":"on_exit"}""");

        var ex = await Assert.ThrowsAsync<TelnyxUnprocessableEntityException>(() => client.SendRawAsync(HttpMethod.Post, "/conferences", body));
        _output.WriteLine(recorder.Describe());

        Assert.Equal(422, ex.StatusCode);
        Assert.Equal(1, ex.Attempts);
        Assert.True(ex.Headers.TryGetValue("sl-violations", out var values), "Prism's 422 carries the sl-violations header.");
        string violations = string.Join(", ", values!);
        Assert.Contains("call_control_id", violations, StringComparison.Ordinal);
        Assert.Contains("name must be string", violations, StringComparison.Ordinal);
        Assert.Single(recorder.Exchanges);
    }

    [Fact]
    public async Task ValidRawRequestSucceeds()
    {
        var recorder = new RecordingHandler();
        using var client = _prism.CreateClient(recorder);
        byte[] body = Encoding.UTF8.GetBytes($$"""{"call_control_id":"{{ConferencingOperations.CallControlId}}","name":"Business"}""");

        var response = await client.SendRawAsync(HttpMethod.Post, "/conferences", body);

        Assert.InRange(response.StatusCode, 200, 299);
        Assert.Contains("\"record_type\":\"conference\"", response.BodyText, StringComparison.Ordinal);
        Assert.Null(recorder.Exchanges.Single().Violations);
    }
}
