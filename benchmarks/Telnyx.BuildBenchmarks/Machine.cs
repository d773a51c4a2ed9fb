using System.IO;

namespace Telnyx.BuildBenchmarks;

public static class Machine
{
    /// <summary>The 1, 5 and 15 minute load averages (this machine's cores are shared with other work).</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "n/a";
}
