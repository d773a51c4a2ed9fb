using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Telnyx.Runtime;

namespace Telnyx.Contract.Tests.Infrastructure;

/// <summary>Every contract test shares one Prism process: its start-up is paid once per test run.</summary>
[CollectionDefinition(Name)]
public sealed class PrismCollection : ICollectionFixture<PrismFixture>
{
    public const string Name = "Prism";
}

/// <summary>
/// Runs <c>prism mock</c> (pinned in <c>tests/Telnyx.Contract.Tests/prism/package-lock.json</c>) on the OFFICIAL Telnyx
/// OpenAPI document on a free loopback port, and kills its process tree at the end. Prism validates every request
/// against the document and answers 422 with an <c>sl-violations</c> header when the request does not conform.
/// </summary>
public sealed class PrismFixture : IAsyncLifetime
{
    /// <summary>Path of the official document; default <c>../shared/telnyx-openapi/spec3.json</c> from the repository root.</summary>
    public const string SpecEnvironmentVariable = "TELNYX_OFFICIAL_SPEC";

    /// <summary>How long Prism may take to answer its first request (seconds; default 120).</summary>
    public const string StartupTimeoutEnvironmentVariable = "TELNYX_PRISM_STARTUP_TIMEOUT";

    private const int LogLines = 200;

    private readonly Queue<string> _log = new();
    private Process? _process;

    public PrismFixture()
    {
        RepoRoot = FindRepoRoot();
        PrismDirectory = Path.Combine(RepoRoot, "tests", "Telnyx.Contract.Tests", "prism");
        SpecPath = Environment.GetEnvironmentVariable(SpecEnvironmentVariable) is { Length: > 0 } fromEnv
            ? Path.GetFullPath(fromEnv)
            : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "telnyx-openapi", "spec3.json"));
    }

    public string RepoRoot { get; }

    public string PrismDirectory { get; }

    public string SpecPath { get; }

    /// <summary>
    /// The base URL the SDK must use. Prism serves the document's <c>paths</c> at the root, without the <c>/v2</c>
    /// of the document's server URL (<c>https://api.telnyx.com/v2</c>): GET /v2/conferences is a 404 there.
    /// </summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>From process start to the first HTTP answer.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>The last lines Prism wrote (its start-up listing of ~1,160 routes, then one line per request).</summary>
    public string RecentLog
    {
        get
        {
            lock (_log)
            {
                return string.Join(Environment.NewLine, _log);
            }
        }
    }

    /// <summary>A client for Prism: bearer token <c>test</c> (the document's security scheme), no retries.</summary>
    public TelnyxClient CreateClient(RecordingHandler recorder) => new(new TelnyxClientOptions
    {
        ApiKey = "test",
        BaseUrl = BaseUrl,
        Retry = { MaxRetries = 0 },
        Timeout = TimeSpan.FromSeconds(30),
        HttpClient = new HttpClient(recorder),
    });

    private async Task InstallPrismAsync()
    {
        var npm = new ProcessStartInfo("npm", "ci --no-audit --no-fund")
        {
            WorkingDirectory = PrismDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process? process;
        try
        {
            process = Process.Start(npm);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"Prism is not installed and npm is not available ({ex.Message}): install Node.js, then run `npm ci` in {PrismDirectory}.", ex);
        }
        if (process is null) return;
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"`npm ci` in {PrismDirectory} did not finish within 5 minutes.");
            }
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"`npm ci` in {PrismDirectory} failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
            }
        }
    }

    public async Task InitializeAsync()
    {
        string bin = Path.Combine(PrismDirectory, "node_modules", ".bin", OperatingSystem.IsWindows() ? "prism.cmd" : "prism");
        if (!File.Exists(bin))
        {
            // A fresh clone: install the pinned Prism from the lockfile, so `dotnet test` alone is enough.
            await InstallPrismAsync();
        }
        if (!File.Exists(bin))
        {
            throw new InvalidOperationException(
                $"Prism is not installed: {bin} is missing. Run `npm ci` in {PrismDirectory} (it installs the pinned @stoplight/prism-cli), then run the tests again.");
        }
        if (!File.Exists(SpecPath))
        {
            throw new InvalidOperationException(
                $"The official Telnyx OpenAPI document is missing: {SpecPath}. Set {SpecEnvironmentVariable} to its path.");
        }

        int port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo(bin)
        {
            WorkingDirectory = PrismDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Static mode (no -d): each response is the document's first example, so the parsed values are deterministic.
        foreach (string arg in new[] { "mock", SpecPath, "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        try
        {
            await WaitUntilAnsweringAsync(clock).ConfigureAwait(false);
        }
        catch
        {
            Kill();
            throw;
        }
        StartupTime = clock.Elapsed;
    }

    public Task DisposeAsync()
    {
        Kill();
        return Task.CompletedTask;
    }

    private async Task WaitUntilAnsweringAsync(Stopwatch clock)
    {
        var timeout = TimeSpan.FromSeconds(
            int.TryParse(Environment.GetEnvironmentVariable(StartupTimeoutEnvironmentVariable), out int seconds) && seconds > 0 ? seconds : 120);
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException(
                    $"Prism exited with code {_process.ExitCode} before answering. Its output:{Environment.NewLine}{RecentLog}");
            }
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseUrl, "/queues"));
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer test");
                using var response = await probe.SendAsync(request).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but still loading the document.
            }
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException(
                    $"Prism did not answer on {BaseUrl} within {timeout.TotalSeconds} s (set {StartupTimeoutEnvironmentVariable} to wait longer). Its output:{Environment.NewLine}{RecentLog}");
            }
            await Task.Delay(200).ConfigureAwait(false);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            _log.Enqueue(line);
            while (_log.Count > LogLines)
            {
                _log.Dequeue();
            }
        }
    }

    private void Kill()
    {
        var process = Interlocked.Exchange(ref _process, null);
        if (process is null)
        {
            return;
        }
        try
        {
            if (!process.HasExited)
            {
                // The .bin shim may run node as a child: take the whole tree down.
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            process.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string FindRepoRoot()
    {
        string? baked = typeof(PrismFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        if (baked is not null && File.Exists(Path.Combine(baked, "Telnyx.Generated.sln")))
        {
            return Path.GetFullPath(baked);
        }
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Telnyx.Generated.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root from " + AppContext.BaseDirectory);
    }
}
