using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Telnyx.Runtime;
using Telnyx.Sdk.Tests.Infrastructure;
using static Telnyx.Sdk.Tests.Infrastructure.Samples;

namespace Telnyx.Sdk.Tests.Telemetry;

/// <summary>
/// Runs alone, after the parallel classes: whether an activity is created depends on the listeners of the whole
/// process, so no other test may hold one meanwhile.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NoListenerCollection
{
    public const string Name = "Telemetry without listeners";
}

[Collection(NoListenerCollection.Name)]
public sealed class NoListenerTests
{
    [Fact]
    public async Task WithoutAListenerNoActivityExistsWhileTheRequestIsSent()
    {
        await using var server = await FakeTelnyxServer.StartScriptedAsync();
        server.Enqueue(CannedResponse.Data(ConferenceJson), CannedResponse.Data(ConferenceJson));
        var seen = new List<Activity?>();
        using var http = new HttpClient(new CurrentActivityProbe(seen, new SocketsHttpHandler()));
        using var client = server.CreateClient(o => o.HttpClient = http);
        Assert.Null(Activity.Current);

        await client.Conferences.RetrieveAsync(ConferenceId);

        // The probe runs where the SDK calls HttpClient.SendAsync: with a listener it sees the SDK span there.
        using (var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TelnyxTelemetry.Name,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        })
        {
            ActivitySource.AddActivityListener(listener);
            await client.Conferences.RetrieveAsync(ConferenceId);
        }

        Assert.Equal(2, seen.Count);
        Assert.Null(seen[0]);
        Assert.Equal("RetrieveConference", seen[1]?.DisplayName);
        Assert.Null(server.Requests[0].Header("traceparent"));
        Assert.Null(Activity.Current);
    }

    /// <summary>Records <see cref="Activity.Current"/> as each request enters the HttpClient pipeline.</summary>
    private sealed class CurrentActivityProbe(List<Activity?> seen, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (seen)
            {
                seen.Add(Activity.Current);
            }
            return base.SendAsync(request, cancellationToken);
        }
    }
}
