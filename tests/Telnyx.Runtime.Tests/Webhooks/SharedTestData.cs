using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Telnyx.Runtime.Tests.Webhooks;

/// <summary>
/// Finds the <c>shared/</c> folder beside the repository, which holds test vectors that are never copied into the repo:
/// from TELNYX_SHARED_DIR, else the path baked in at build time (the test project's SharedDir metadata), else by walking
/// up from the test assembly's folder.
/// </summary>
internal static class SharedTestData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string GetPath(params string[] relative) => Path.Combine([Root.Value, .. relative]);

    private static string FindRoot()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("TELNYX_SHARED_DIR");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        string? baked = typeof(SharedTestData).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SharedDir")?.Value;
        if (!string.IsNullOrEmpty(baked) && Directory.Exists(Path.Combine(baked, "test-vectors")))
        {
            return baked;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "test-vectors")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"Could not find shared/test-vectors (SharedDir metadata: '{baked}', walked up from {AppContext.BaseDirectory}); set TELNYX_SHARED_DIR.");
    }
}
