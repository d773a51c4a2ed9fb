using System;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Telnyx.Runtime;
using Telnyx.Testing;

namespace Telnyx.Demo;

internal static class Program
{
    private const string Usage = """
        Telnyx.Demo: a call-centre scenario (queue, conference, supervisor whisper, recording) on the generated TelnyxClient.

        Usage: dotnet run --project samples/Telnyx.Demo [-- options]

          (no options)       Run against an embedded Telnyx-compatible server on 127.0.0.1 (random port), with
                             Ed25519-signed webhooks delivered to a local receiver that verifies them.
          --live             Target the real API (https://api.telnyx.com/v2) with the key in TELNYX_API_KEY.
                             Only steps that need no live calls run; no embedded server, no webhook receiver.
          --base-url <url>   Override the API root (with --live, or to point the scenario at another compatible server).
          --trace            Print every span of the "Telnyx" and "System.Net.Http" sources (OpenTelemetry console exporter).
          -h, --help         Show this help.

        Exit code 0 when every step succeeded, 1 on a failed step, 2 on bad arguments.
        """;

    private static async Task<int> Main(string[] args)
    {
        var live = false;
        var trace = false;
        Uri? baseUrl = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help" or "-?":
                    Console.WriteLine(Usage);
                    return 0;
                case "--live":
                    live = true;
                    break;
                case "--trace":
                    trace = true;
                    break;
                case "--base-url" when i + 1 < args.Length && Uri.TryCreate(args[i + 1], UriKind.Absolute, out var url):
                    baseUrl = url;
                    i++;
                    break;
                default:
                    Console.Error.WriteLine($"Unknown or incomplete option '{args[i]}'. Try --help.");
                    return 2;
            }
        }

        using var tracing = trace ? DemoTracing.Start() : null;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
        try
        {
            return live || baseUrl is not null
                ? await RunRemoteAsync(live, baseUrl, cts.Token)
                : await RunEmbeddedAsync(cts.Token);
        }
        catch (TelnyxApiException e)
        {
            Console.Error.WriteLine($"FAILED: HTTP {e.StatusCode} {e.GetType().Name}: {e.Message}");
            return 1;
        }
        catch (TelnyxException e)
        {
            Console.Error.WriteLine($"FAILED: {e.GetType().Name}: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            Console.Error.WriteLine("FAILED: cancelled (Ctrl+C or the 50-second limit).");
            return 1;
        }
        catch (Exception e) when (e is InvalidOperationException or System.Net.Http.HttpRequestException or System.IO.IOException)
        {
            Console.Error.WriteLine($"FAILED: {e.GetType().Name}: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> RunEmbeddedAsync(CancellationToken ct)
    {
        const string apiKey = "KEY-demo-0123456789";
        Timeline.Start();

        // The fake server (tests/Telnyx.Testing) signs its webhooks (NSec, libsodium from its NuGet package); the receiver verifies them.
        using var signer = new WebhookSigner();
        WebhookReceiver receiver = await WebhookReceiver.StartAsync(signer.PublicKeyBytes);

        await using (receiver)
        await using (var server = await FakeTelnyxServer.StartAsync(apiKey, receiver.Url, signer))
        {
            Timeline.Step($"embedded Telnyx API on {server.BaseUrl}, webhooks to {receiver.Url}");
            await SendForgedWebhookAsync(receiver.Url, ct);
            using (var client = new TelnyxClient(new TelnyxClientOptions { ApiKey = apiKey, BaseUrl = server.BaseUrl }))
            {
                await Scenario.CheckBadKeyAsync(server.BaseUrl, ct);
                await Scenario.RunAsync(client, ct);
            }

            var api = server.Api;
            var flushed = await api.FlushWebhooksAsync(TimeSpan.FromSeconds(2));
            Timeline.Step($"done: {api.Requests} API requests, {api.DuplicateCommands} duplicate command_id replayed, " +
                $"{receiver.Verified} webhooks verified, {receiver.Rejected} forged rejected, {api.WebhooksFailed} undelivered" +
                (flushed ? string.Empty : " (gave up waiting for the rest after 2 s)"));
            if (receiver.Verified == 0 || receiver.Rejected != 1 || api.WebhooksFailed > 0 || !flushed)
            {
                Console.Error.WriteLine("FAILED: not every webhook was delivered and verified.");
                return 1;
            }
        }
        return 0;
    }

    /// <summary>Posts an event with a bogus signature; the receiver must answer 400 and not act on it.</summary>
    private static async Task SendForgedWebhookAsync(Uri url, CancellationToken ct)
    {
        using var http = new HttpClient();
        using var forged = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent("""{"data":{"record_type":"event","event_type":"conference.ended","id":"forged","payload":{}}}""", Encoding.UTF8, "application/json"),
        };
        forged.Headers.Add("telnyx-timestamp", DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        forged.Headers.Add("telnyx-signature-ed25519", Convert.ToBase64String(new byte[64]));
        using var response = await http.SendAsync(forged, ct);
        Timeline.Step($"forged webhook (bogus signature) -> receiver answered {(int)response.StatusCode}");
        if (response.StatusCode != HttpStatusCode.BadRequest)
        {
            throw new InvalidOperationException("The webhook receiver accepted a forged event.");
        }
    }

    private static async Task<int> RunRemoteAsync(bool live, Uri? baseUrl, CancellationToken ct)
    {
        var apiKey = Environment.GetEnvironmentVariable(TelnyxClientOptions.ApiKeyEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            Console.Error.WriteLine($"FAILED: {TelnyxClientOptions.ApiKeyEnvironmentVariable} is not set; it must hold a Telnyx API key (KEY...).");
            return 2;
        }
        Timeline.Start();
        var options = new TelnyxClientOptions { ApiKey = apiKey, BaseUrl = baseUrl ?? TelnyxClientOptions.DefaultBaseUrl };
        Timeline.Step($"{(live ? "live" : "remote")} API at {options.BaseUrl} (no embedded server, no webhook receiver)");
        using var client = new TelnyxClient(options);
        if (live)
        {
            await Scenario.RunLiveAsync(client, ct);
        }
        else
        {
            await Scenario.RunAsync(client, ct);
        }
        return 0;
    }
}

/// <summary>Prints the timeline: one line per step with the elapsed milliseconds, webhooks indented.</summary>
internal static class Timeline
{
    private static readonly Stopwatch Clock = new();
    private static readonly object Gate = new();

    public static void Start() => Clock.Restart();

    public static void Step(string text) => Write($"[{Clock.ElapsedMilliseconds,4} ms] {text}");

    public static void Detail(string text) => Write($"            {text}");

    public static void Webhook(string text) => Write($"  {text}");

    private static void Write(string line)
    {
        lock (Gate)
        {
            Console.WriteLine(line);
        }
    }
}
