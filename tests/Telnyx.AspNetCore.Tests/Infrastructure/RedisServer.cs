using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Telnyx.AspNetCore.Tests.Infrastructure;

/// <summary>
/// A real <c>redis-server</c> (the Debian package) on 127.0.0.1 at a free port, nothing persisted; killed on dispose,
/// so a test that fails still stops it. A machine without redis-server fails the test: it never skips.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;

    private RedisServer(Process process, int port, StringBuilder output)
    {
        _process = process;
        Port = port;
        _output = output;
    }

    public int Port { get; }

    /// <summary>What StackExchange.Redis is given: <c>127.0.0.1:port</c>.</summary>
    public string Configuration => "127.0.0.1:" + Port;

    public static string FindExecutable()
    {
        string? onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "redis-server"))
            .FirstOrDefault(File.Exists);
        string? found = onPath ?? (File.Exists("/usr/bin/redis-server") ? "/usr/bin/redis-server" : null);
        if (found is null)
        {
            Assert.Fail("redis-server is not installed: apt-get install redis-server (.ci/run installs it).");
        }

        return found;
    }

    /// <summary>A port nothing listens on now: bind to 0, read it, release it.</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public static async Task<RedisServer> StartAsync()
    {
        string executable = FindExecutable();
        for (int attempt = 0; ; attempt++)
        {
            int port = FreePort();
            var info = new ProcessStartInfo(executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string arg in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no" })
            {
                info.ArgumentList.Add(arg);
            }

            var output = new StringBuilder();
            var process = new Process { StartInfo = info };
            process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
            process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new RedisServer(process, port, output);
            if (await server.WaitForPingAsync(TimeSpan.FromSeconds(15)))
            {
                return server;
            }

            string log;
            lock (output)
            {
                log = output.ToString();
            }

            await server.DisposeAsync();
            // Another process may have taken the port between probe and bind: try another one, a few times.
            if (attempt == 2)
            {
                Assert.Fail($"redis-server did not answer PING on 127.0.0.1:{port}. Its output:\n{log}");
            }
        }
    }

    private async Task<bool> WaitForPingAsync(TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout && !_process.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                NetworkStream stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray());
                byte[] buffer = new byte[16];
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                int read = await stream.ReadAsync(buffer, cts.Token);
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal))
                {
                    return true;
                }
            }
            catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            _process.Dispose();
        }
    }
}
