using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading.Tasks;
using Telnyx.Sdk.Tests.Infrastructure;
using Telnyx.Tests.Shared;

namespace Telnyx.Sdk.Tests.EndToEnd;

/// <summary>GET/POST /conferences, GET /conferences/{id} and the participants operations, over real HTTP.</summary>
public sealed class ConferencesEndToEndTests(SdkServerFixture fixture) : IClassFixture<SdkServerFixture>
{
    public static TheoryData<string> Cases => ConferencingOperations.Names("conferences.", ["conferences.actions."]);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Operation(string name) => EndToEndOperations.RunAsync(name, fixture);
}

/// <summary>The 17 POST /conferences/{id}/actions/* operations, over real HTTP.</summary>
public sealed class ConferenceActionsEndToEndTests(SdkServerFixture fixture) : IClassFixture<SdkServerFixture>
{
    public static TheoryData<string> Cases => ConferencingOperations.Names("conferences.actions.", []);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Operation(string name) => EndToEndOperations.RunAsync(name, fixture);
}

/// <summary>The queue operations and the two call actions that use queues, over real HTTP.</summary>
public sealed class QueuesEndToEndTests(SdkServerFixture fixture) : IClassFixture<SdkServerFixture>
{
    public static TheoryData<string> QueueCases => ConferencingOperations.Names("queues.", []);

    public static TheoryData<string> CallCases => ConferencingOperations.Names("calls.", []);

    [Theory]
    [MemberData(nameof(QueueCases))]
    public Task QueueOperation(string name) => EndToEndOperations.RunAsync(name, fixture);

    [Theory]
    [MemberData(nameof(CallCases))]
    public Task CallOperation(string name) => EndToEndOperations.RunAsync(name, fixture);
}

/// <summary>The table holds exactly the operations of the API document: 34, each once, each with a canned answer.</summary>
public sealed class OperationCoverageTests
{
    [Fact]
    public void TableCoversEveryOperationOfTheSpec()
    {
        string specPath = typeof(OperationCoverageTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "SpecPath").Value!;
        using var spec = JsonDocument.Parse(System.IO.File.ReadAllBytes(specPath));
        var fromSpec = new List<(string Id, string Method)>();
        foreach (var path in spec.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var op in path.Value.EnumerateObject())
            {
                if (op.Name is "get" or "post" or "put" or "patch" or "delete")
                {
                    fromSpec.Add((op.Value.GetProperty("operationId").GetString()!, op.Name.ToUpperInvariant()));
                }
            }
        }

        Assert.Equal(34, fromSpec.Count);
        Assert.Equal(34, ConferencingOperations.All.Count);
        Assert.Equal(34, ConferencingOperations.All.Select(c => c.Name).Distinct().Count());
        Assert.Equal(ConferencingOperations.All.Select(c => c.Name).Order(StringComparer.Ordinal), EndToEndOperations.Answers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(
            fromSpec.OrderBy(x => x.Id, StringComparer.Ordinal),
            ConferencingOperations.All.Select(c => (Id: c.OperationId, c.Method)).OrderBy(x => x.Id, StringComparer.Ordinal));

        int theoryRows = Rows(ConferencesEndToEndTests.Cases) + Rows(ConferenceActionsEndToEndTests.Cases)
            + Rows(QueuesEndToEndTests.QueueCases) + Rows(QueuesEndToEndTests.CallCases);
        Assert.Equal(34, theoryRows);
    }

    private static int Rows(TheoryData<string> data) => ((IEnumerable<object[]>)data).Count();
}
