using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;

namespace Telnyx.BuildBenchmarks;

/// <summary>What one process run cost: wall clock, and memory of its process tree.</summary>
/// <param name="TreeMaxRssMiB">
/// <c>/usr/bin/time -v</c>'s "Maximum resident set size": the peak RSS of the largest single process in the tree
/// (getrusage over waited-for descendants), not a sum. For a build that is the compiler or MSBuild, whichever peaked higher.
/// </param>
/// <param name="CompilerPeakMiB">The highest VmHWM (peak RSS) of any compiler (csc) process under this run, read from /proc while it ran.</param>
public sealed record ProcessCost(int ExitCode, double Seconds, double TreeMaxRssMiB, double CompilerPeakMiB, string Output);

/// <summary>
/// Runs a command as the user would (<c>dotnet build</c> in the project folder), under <c>/usr/bin/time -v</c>,
/// and samples the peak memory of the compiler processes it starts. On this machine UseSharedCompilation=false,
/// so every build starts csc as a child of MSBuild; there is no long-lived compiler server to account for.
/// </summary>
public static class TimedProcess
{
    private static readonly Regex MaxRss = new(@"Maximum resident set size \(kbytes\):\s*(\d+)", RegexOptions.Compiled);

    public static ProcessCost Run(string workingDirectory, string logFile, string file, params string[] args)
    {
        var timeFile = logFile + ".time";
        var start = new ProcessStartInfo("/usr/bin/time") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-v", "-o", timeFile, file }.Concat(args)) start.ArgumentList.Add(a);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["KIOTA_TUTORIAL_ENABLED"] = "false";
        start.Environment["KIOTA_OFFLINE_ENABLED"] = "true";

        var output = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var compilerPeakKiB = 0L;
        while (!process.WaitForExit(200))
        {
            compilerPeakKiB = Math.Max(compilerPeakKiB, CompilerPeakKiB(process.Id));
        }
        process.WaitForExit();
        var seconds = clock.Elapsed.TotalSeconds;
        var text = output.ToString();
        File.WriteAllText(logFile, text);
        var rss = File.Exists(timeFile) && MaxRss.Match(File.ReadAllText(timeFile)) is { Success: true } m
            ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) / 1024.0
            : double.NaN;
        return new ProcessCost(process.ExitCode, seconds, rss, compilerPeakKiB / 1024.0, text);
    }

    /// <summary>The largest VmHWM of the compiler processes that descend from <paramref name="rootPid"/>.</summary>
    private static long CompilerPeakKiB(int rootPid)
    {
        var peak = 0L;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                if (!IsCompiler(dir) || !DescendsFrom(pid, rootPid)) continue;
                foreach (var line in File.ReadLines(Path.Combine(dir, "status")))
                {
                    if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    {
                        peak = Math.Max(peak, long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));
                    }
                }
            }
            catch (IOException)
            {
                // The process ended while it was read.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return peak;
    }

    /// <summary>The SDK starts the compiler as its apphost (Roslyn/bincore/csc, comm "csc") or as "dotnet csc.dll".</summary>
    private static bool IsCompiler(string dir)
    {
        if (File.ReadAllText(Path.Combine(dir, "comm")).Trim() == "csc") return true;
        var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline"));
        return cmdline.Contains("csc.dll", StringComparison.Ordinal);
    }

    private static bool DescendsFrom(int pid, int ancestor)
    {
        for (var depth = 0; depth < 32 && pid > 1; depth++)
        {
            if (pid == ancestor) return true;
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // pid (comm) state ppid ...: comm may hold spaces, so read after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            pid = int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        return false;
    }
}
