using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Telnyx.Contract.Tests.Infrastructure;
using Telnyx.Runtime;
using Telnyx.Tests.Shared;
using Xunit.Abstractions;

namespace Telnyx.Contract.Tests.Operations;

/// <summary>
/// Every operation of the SDK generated from the bundled spec, against Prism validating with the official document:
/// each must get a 2xx and parse Prism's answer.
/// </summary>
[Collection(PrismCollection.Name)]
public sealed class OperationContractTests
{
    private readonly PrismFixture _prism;
    private readonly ITestOutputHelper _output;

    public OperationContractTests(PrismFixture prism, ITestOutputHelper output)
    {
        _prism = prism;
        _output = output;
    }

    public static TheoryData<string> Names => ConferencingOperations.Names();

    [Theory]
    [MemberData(nameof(Names))]
    public Task RequiredFieldsOnly(string name) => RunAsync(name, "required fields only", ConferencingOperations.Get(name).Minimal);

    [Theory]
    [MemberData(nameof(Names))]
    public Task EveryField(string name) => RunAsync(name, "every field", ConferencingOperations.Get(name).Full);

    /// <summary><c>loop</c> is integer-or-string in the official document; the string form is "infinity".</summary>
    [Fact]
    public Task PlayLoopsForever() => RunAsync("conferences.actions.play", "loop = \"infinity\"",
        c => c.Conferences.Actions.PlayAsync(ConferencingOperations.ConferenceId, new ConferencePlayRequest
        {
            AudioUrl = ConferencingOperations.AudioUrl,
            Loop = "infinity",
        }).ContinueWith(t => (object?)t.Result, TaskScheduler.Default));

    [Fact]
    public void CoversEveryOperationOfTheBundledSpec()
    {
        using var spec = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_prism.RepoRoot, "specs", "telnyx-voice-conferencing.json")));
        var operationIds = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in spec.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (operation.Value.ValueKind == JsonValueKind.Object && operation.Value.TryGetProperty("operationId", out var opId))
                {
                    operationIds.Add(opId.GetString()!);
                }
            }
        }
        Assert.Equal(34, operationIds.Count);
        Assert.Equal(operationIds, new SortedSet<string>(ConferencingOperations.All.Select(c => c.OperationId), StringComparer.Ordinal));
    }

    private async Task RunAsync(string name, string variant, Func<TelnyxClient, Task<object?>> invoke)
    {
        var recorder = new RecordingHandler();
        using var client = _prism.CreateClient(recorder);
        object? result;
        try
        {
            result = await invoke(client);
        }
        catch (TelnyxUnprocessableEntityException ex)
        {
            string violations = ex.Headers.TryGetValue("sl-violations", out var values) ? string.Join(", ", values) : "(no sl-violations header)";
            Assert.Fail($"{name} ({variant}): Prism rejected the request with 422.{Environment.NewLine}sl-violations: {violations}"
                + $"{Environment.NewLine}{recorder.Describe()}");
            return;
        }
        catch (TelnyxException ex)
        {
            Assert.Fail($"{name} ({variant}): {ex.GetType().Name}: {ex.Message}{Environment.NewLine}{recorder.Describe()}");
            return;
        }

        _output.WriteLine(recorder.Describe());
        Assert.NotEmpty(recorder.Exchanges);
        Assert.All(recorder.Exchanges, e => Assert.InRange(e.Status, 200, 299));
        ConferencingOperations.Get(name).Check(result);
    }
}
