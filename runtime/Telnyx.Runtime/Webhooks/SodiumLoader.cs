using System;
using NSec.Cryptography;

namespace Telnyx.Runtime;

/// <summary>
/// The first use of NSec loads the native libsodium (from the <c>libsodium</c> NuGet package's <c>runtimes/</c> folder).
/// When that fails, NSec's own exceptions (DllNotFoundException, or a TypeInitializationException around it) do not say
/// what to do; this turns them into one <see cref="PlatformNotSupportedException"/> that names the library.
/// </summary>
internal static class SodiumLoader
{
    private static SignatureAlgorithm? s_ed25519;

    /// <summary>NSec's Ed25519, loaded on first use.</summary>
    /// <exception cref="PlatformNotSupportedException">The native libsodium library could not be loaded.</exception>
    public static SignatureAlgorithm Ed25519 => s_ed25519 ??= Load(static () => SignatureAlgorithm.Ed25519);

    /// <summary>Runs <paramref name="load"/> (a seam for tests), translating native-library failures.</summary>
    internal static SignatureAlgorithm Load(Func<SignatureAlgorithm> load)
    {
        try
        {
            return load(); // NSec's constructor initialises libsodium and self-tests it: every native failure surfaces here
        }
        catch (Exception e) when (IsLoadFailure(e))
        {
            throw new PlatformNotSupportedException(
                "Telnyx webhook verification needs the native libsodium library (libsodium.so / libsodium.dylib / libsodium.dll), " +
                "which the 'libsodium' NuGet package (a dependency of NSec.Cryptography) provides for linux, osx and win under " +
                $"runtimes/<rid>/native. It could not be loaded on {System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier}: " +
                Innermost(e).Message,
                e);
        }
    }

    private static bool IsLoadFailure(Exception e) => e switch
    {
        DllNotFoundException or BadImageFormatException or EntryPointNotFoundException => true,
        PlatformNotSupportedException => true, // NSec wraps DllNotFoundException in this
        TypeInitializationException t => t.InnerException is not null && IsLoadFailure(t.InnerException),
        InvalidOperationException => true, // NSec's "initialization failed" / version mismatch (only load() runs in the try)
        _ => false,
    };

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }
}
