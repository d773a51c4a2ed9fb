using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;

namespace Telnyx.Package.Tests;

/// <summary>
/// Packs Telnyx.Generated once, with a version no earlier run used (so no stale copy in the NuGet cache is
/// picked up), into a local folder feed in a temporary directory; removes the cached copy and the directory after.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    public static string RepoRoot { get; } = typeof(PackageFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "telnyx-pkg-" + Guid.NewGuid().ToString("N")[..12]);

    public string Version { get; } = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + "." + Environment.ProcessId;

    public string Feed => Path.Combine(Root, "feed");

    public string PackagePath => Path.Combine(Feed, $"Telnyx.Generated.{Version}.nupkg");

    public IReadOnlyList<string> Entries { get; private set; } = Array.Empty<string>();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        var project = Path.Combine(RepoRoot, "runtime", "Telnyx.Runtime", "Telnyx.Runtime.csproj");
        var result = await DotNet.RunAsync(RepoRoot, TimeSpan.FromMinutes(4),
            "pack", project, "-c", "Release", "-o", Feed, "--artifacts-path", Path.Combine(Root, "artifacts"),
            $"-p:Version={Version}", "-nologo");
        result.AssertSuccess("dotnet pack");
        Assert.True(File.Exists(PackagePath), $"no package at {PackagePath}:\n{result.Output}");
        using var zip = ZipFile.OpenRead(PackagePath);
        Entries = zip.Entries.Select(e => e.FullName).ToArray();
    }

    public Task DisposeAsync()
    {
        TryDelete(Root);
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        TryDelete(Path.Combine(cache, "telnyx.generated", Version.ToLowerInvariant()));
        return Task.CompletedTask;
    }

    private static void TryDelete(string dir)
    {
        try
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>Runs the dotnet CLI with a time limit, capturing its output.</summary>
public static class DotNet
{
    public sealed record Result(int ExitCode, string Output)
    {
        public void AssertSuccess(string what) => Assert.True(ExitCode == 0, $"{what} exited {ExitCode}:\n{Output}");
    }

    public static async Task<Result> RunAsync(string workingDirectory, TimeSpan timeout, params string[] args)
        => await RunAsync("dotnet", workingDirectory, timeout, args);

    public static async Task<Result> RunAsync(string fileName, string workingDirectory, TimeSpan timeout, params string[] args)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        // The consumer is built from scratch, outside this repository's Directory.Build.props.
        info.Environment.Remove("MSBuildExtensionsPath");
        info.Environment.Remove("MSBuildSDKsPath");
        info.Environment.Remove("MSBUILD_EXE_PATH");

        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new System.Threading.CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} took longer than {timeout}:\n{output}");
        }
        process.WaitForExit();
        lock (output)
        {
            return new Result(process.ExitCode, output.ToString());
        }
    }
}
