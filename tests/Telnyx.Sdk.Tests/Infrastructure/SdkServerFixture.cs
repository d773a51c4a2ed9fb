using System;
using System.Threading.Tasks;
using Telnyx.Runtime;

namespace Telnyx.Sdk.Tests.Infrastructure;

/// <summary>The generated client against the shared fake server (tests/Telnyx.Testing).</summary>
public static class FakeServerClients
{
    /// <summary>A client for <paramref name="server"/>: key <c>KEY_test</c>, no retries.</summary>
    public static TelnyxClient CreateClient(this FakeTelnyxServer server, Action<TelnyxClientOptions>? configure = null)
    {
        var options = new TelnyxClientOptions
        {
            ApiKey = "KEY_test",
            BaseUrl = server.BaseUrl,
            Retry = { MaxRetries = 0 },
            Timeout = TimeSpan.FromSeconds(20),
        };
        configure?.Invoke(options);
        return new TelnyxClient(options);
    }
}

/// <summary>One scripted server (and one client) per test class; stopped when the class is done.</summary>
public sealed class SdkServerFixture : IAsyncLifetime
{
    private FakeTelnyxServer? _server;
    private TelnyxClient? _client;

    public FakeTelnyxServer Server => _server ?? throw new InvalidOperationException("The server is not started.");

    public TelnyxClient Client => _client ?? throw new InvalidOperationException("The server is not started.");

    public async Task InitializeAsync()
    {
        _server = await FakeTelnyxServer.StartScriptedAsync();
        _client = _server.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
