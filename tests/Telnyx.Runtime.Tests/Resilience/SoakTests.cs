using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Telnyx.Runtime.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Telnyx.Runtime.Tests.Resilience;

public sealed class SoakTests
{
    private const int Calls = 1000;
    private const int Concurrency = 16;

    private readonly ITestOutputHelper _output;

    public SoakTests(ITestOutputHelper output) => _output = output;

    private enum Fault
    {
        None,
        Status500,
        Status503,
        RateLimited,
        CutOffMidResponse,
        ExecutedButResponseLost,
    }

    [Fact]
    public async Task ThousandCommandsUnderThirtyPercentFaultsExecuteAtMostOnceAndNeverHang()
    {
        var gate = new object();
        var results = new Dictionary<string, long>();
        var executions = new Dictionary<string, int>();
        int duplicateDeliveries = 0;
        long counter = 0;
        var random = new Random(20261121);
        var faults = new ConcurrentDictionary<Fault, int>();

        long Execute(string commandId)
        {
            lock (gate)
            {
                if (results.TryGetValue(commandId, out long existing))
                {
                    duplicateDeliveries++;
                    return existing;
                }
                long result = ++counter;
                results[commandId] = result;
                executions[commandId] = executions.GetValueOrDefault(commandId) + 1;
                return result;
            }
        }

        Fault Roll()
        {
            int roll;
            lock (random)
            {
                roll = random.Next(100);
            }
            return roll switch
            {
                < 6 => Fault.Status500,
                < 12 => Fault.Status503,
                < 18 => Fault.RateLimited,
                < 24 => Fault.CutOffMidResponse,
                < 30 => Fault.ExecutedButResponseLost,
                _ => Fault.None,
            };
        }

        await using var server = await FakeTelnyxServer.StartScriptedAsync(async (context, request) =>
        {
            var command = TelnyxJson.Deserialize<TestCommand>(request.Body);
            string id = command.CommandId ?? throw new InvalidOperationException("no command_id");
            var fault = Roll();
            faults.AddOrUpdate(fault, 1, (_, n) => n + 1);
            switch (fault)
            {
                case Fault.Status500:
                    await FakeTelnyxServer.WriteAsync(context, CannedResponse.Status(500, "{\"errors\":[{\"code\":\"90000\",\"title\":\"boom\"}]}"));
                    return;
                case Fault.Status503:
                    await FakeTelnyxServer.WriteAsync(context, new CannedResponse { StatusCode = 503, Body = "<html>unavailable</html>", ContentType = "text/html" });
                    return;
                case Fault.RateLimited:
                    await FakeTelnyxServer.WriteAsync(context, CannedResponse.Status(429, null, ("retry-after-ms", "5")));
                    return;
            }
            long result = Execute(id);
            string body = "{\"data\":{\"id\":\"" + id + "\",\"result\":" + result.ToString(CultureInfo.InvariantCulture) + "}}";
            var response = fault switch
            {
                Fault.CutOffMidResponse => CannedResponse.CutOff(body, 12),
                Fault.ExecutedButResponseLost => new CannedResponse { AbortBeforeResponse = true },
                _ => CannedResponse.Json(body),
            };
            await FakeTelnyxServer.WriteAsync(context, response);
        });

        var delay = new RecordingRetryPolicy { Jitter = null };
        var core = TestClients.Create(server, delay);
        var outcomes = new ConcurrentDictionary<string, int>();
        var unexpected = new ConcurrentQueue<Exception>();
        var mismatches = new ConcurrentQueue<string>();
        using var limiter = new SemaphoreSlim(Concurrency);

        async Task CallAsync(int i)
        {
            await limiter.WaitAsync();
            try
            {
                string id = "cmd-" + i.ToString(CultureInfo.InvariantCulture);
                var request = TestClients.Post("/calls/v3:abc/actions/speak", new TestCommand { CommandId = id, Name = "say " + i });
                try
                {
                    var result = await core.SendForDataAsync(request, TestResult.Reader, null, default);
                    long expected;
                    lock (gate)
                    {
                        expected = results[id];
                    }
                    if (result.Id != id || result.Result != expected)
                    {
                        mismatches.Enqueue($"{id}: got {result.Id}/{result.Result}, server executed {expected}");
                    }
                    outcomes.AddOrUpdate("success", 1, (_, n) => n + 1);
                }
                catch (TelnyxServerException ex) when (ex.Attempts == 3 && ex.StatusCode is 500 or 503)
                {
                    outcomes.AddOrUpdate("server-" + ex.StatusCode.ToString(CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
                }
                catch (TelnyxRateLimitException ex) when (ex.Attempts == 3)
                {
                    outcomes.AddOrUpdate("rate-limited", 1, (_, n) => n + 1);
                }
                catch (TelnyxConnectionException ex) when (ex.Attempts == 3 && ex.InnerException is not null)
                {
                    outcomes.AddOrUpdate("connection", 1, (_, n) => n + 1);
                }
                catch (Exception ex)
                {
                    unexpected.Enqueue(ex);
                }
            }
            finally
            {
                limiter.Release();
            }
        }

        var started = DateTime.UtcNow;
        var all = Task.WhenAll(Enumerable.Range(0, Calls).Select(i => Task.Run(() => CallAsync(i))));
        var finished = await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(finished == all, "Some calls hung: not every call completed within 60 s.");
        await all;
        var elapsed = DateTime.UtcNow - started;

        // Connections: at most one pooled connection per concurrent call while the client lives, none after.
        int openBeforeDispose = await WaitUntilAsync(() => server.OpenConnections, n => n <= Concurrency, TimeSpan.FromSeconds(5));
        core.Dispose();
        bool closed = await server.WaitForNoOpenConnectionsAsync(TimeSpan.FromSeconds(10));

        _output.WriteLine($"elapsed {elapsed.TotalSeconds:0.00} s, server requests {server.RequestCount}, connections opened {server.TotalConnections}");
        _output.WriteLine("faults: " + string.Join(", ", faults.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}")));
        _output.WriteLine("outcomes: " + string.Join(", ", outcomes.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}")));
        _output.WriteLine($"duplicate deliveries deduplicated: {duplicateDeliveries}, retry delays: {delay.Delays.Length}, open before dispose: {openBeforeDispose}");

        Assert.Empty(unexpected);
        Assert.Empty(mismatches);
        Assert.Equal(Calls, outcomes.Values.Sum());
        Assert.True(outcomes.GetValueOrDefault("success") >= Calls * 9 / 10, "fewer than 90% of calls succeeded");
        lock (gate)
        {
            Assert.All(executions.Values, count => Assert.Equal(1, count));
        }
        Assert.True(duplicateDeliveries > 0, "the fault mix should have made the client resend executed commands");
        Assert.True(faults.Values.Sum() > Calls, "faults should have caused retries");
        Assert.True(openBeforeDispose <= Concurrency, $"{openBeforeDispose} connections open with {Concurrency} calls in flight at most");
        Assert.True(closed, $"{server.OpenConnections} connections still open after disposing the client");
        Assert.True(elapsed < TimeSpan.FromSeconds(30), $"soak took {elapsed}");
    }

    private static async Task<int> WaitUntilAsync(Func<int> read, Func<int, bool> done, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        int value = read();
        while (!done(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
            value = read();
        }
        return value;
    }
}
