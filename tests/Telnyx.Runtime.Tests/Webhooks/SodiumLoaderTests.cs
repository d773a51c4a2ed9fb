using System;
using System.Runtime.InteropServices;
using NSec.Cryptography;

namespace Telnyx.Runtime.Tests.Webhooks;

/// <summary>A native libsodium that cannot be loaded gives one clear exception naming it, never a crash.</summary>
public class SodiumLoaderTests
{
    [Fact]
    public void AMissingNativeLibraryBecomesOneClearException()
    {
        // A real DllNotFoundException from the runtime's loader, raised inside a type initializer as NSec's would be.
        var e = Assert.Throws<PlatformNotSupportedException>(() => SodiumLoader.Load(static () => FailingInitializer.Algorithm));
        Assert.Contains("libsodium", e.Message);
        Assert.Contains("libsodium-telnyx-test-missing", e.Message); // the loader's own reason is kept
        Assert.IsType<TypeInitializationException>(e.InnerException);
    }

    [Theory]
    [InlineData("dll")]
    [InlineData("badimage")]
    [InlineData("entrypoint")]
    [InlineData("nsec")]
    public void EachNativeFailureIsTranslated(string kind)
    {
        Exception failure = kind switch
        {
            "dll" => new DllNotFoundException("libsodium.so: cannot open shared object file"),
            "badimage" => new BadImageFormatException("wrong architecture"),
            "entrypoint" => new EntryPointNotFoundException("sodium_init"),
            _ => new PlatformNotSupportedException("NSec: could not initialize platform-specific components", new DllNotFoundException("x")),
        };
        var e = Assert.Throws<PlatformNotSupportedException>(() => SodiumLoader.Load(() => throw failure));
        Assert.StartsWith("Telnyx webhook verification needs the native libsodium library", e.Message);
        Assert.Same(failure, e.InnerException);
    }

    [Fact]
    public void OtherExceptionsAreNotDisguised()
    {
        Assert.Throws<ArgumentException>(() => SodiumLoader.Load(static () => throw new ArgumentException("unrelated")));
    }

    [Fact]
    public void TheShippedLibraryLoads()
    {
        Assert.Same(SignatureAlgorithm.Ed25519, SodiumLoader.Ed25519);
    }

    private static class FailingInitializer
    {
        public static readonly SignatureAlgorithm Algorithm = Load();

        private static SignatureAlgorithm Load()
        {
            NativeLibrary.Load("libsodium-telnyx-test-missing");
            return SignatureAlgorithm.Ed25519;
        }
    }
}
