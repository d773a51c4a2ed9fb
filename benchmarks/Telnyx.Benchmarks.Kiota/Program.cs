using System;
using System.Linq;
using BenchmarkDotNet.Running;

namespace Telnyx.Benchmarks.Kiota;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/Telnyx.Benchmarks.Kiota -- --filter '*' [--quick]</c> runs the two
/// Kiota classes in BenchmarkDotNet with the same job as Telnyx.Benchmarks; <c>-- --interleaved</c> runs the
/// interleaved cross-check of the same rows.
/// </summary>
public static class KiotaProgram
{
    public static int Main(string[] args)
    {
        if (args.Contains("--interleaved", StringComparer.OrdinalIgnoreCase))
        {
            KiotaInterleaved.Run();
            return 0;
        }

        bool quick = args.Contains("--quick", StringComparer.OrdinalIgnoreCase);
        string[] rest = args.Where(a => !string.Equals(a, "--quick", StringComparison.OrdinalIgnoreCase)).ToArray();
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(KiotaProgram).Assembly).Run(rest, Telnyx.Benchmarks.Program.CreateConfig(quick));
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
