using System;
using System.Runtime.InteropServices;

namespace Telnyx.Runtime.Tests.Webhooks;

/// <summary>P/Invoke into the system libsodium (1.0.18, soname 23): the reference the managed verifier is compared with.</summary>
internal static unsafe class Libsodium
{
    private const string Library = "libsodium.so.23";

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int sodium_init();

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int crypto_sign_keypair(byte* pk, byte* sk);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int crypto_sign_seed_keypair(byte* pk, byte* sk, byte* seed);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int crypto_sign_detached(byte* sig, ulong* siglen, byte* m, ulong mlen, byte* sk);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int crypto_sign_verify_detached(byte* sig, byte* m, ulong mlen, byte* pk);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern IntPtr sodium_version_string();

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int crypto_scalarmult_ed25519_base_noclamp(byte* q, byte* n);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int crypto_core_ed25519_add(byte* r, byte* p, byte* q);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern void crypto_core_ed25519_scalar_reduce(byte* r, byte* s);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern void crypto_core_ed25519_scalar_mul(byte* z, byte* x, byte* y);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern void crypto_core_ed25519_scalar_add(byte* z, byte* x, byte* y);

    private static readonly object InitLock = new();
    private static bool initialized;

    private static void EnsureInitialized()
    {
        lock (InitLock)
        {
            if (!initialized)
            {
                if (sodium_init() < 0)
                {
                    throw new InvalidOperationException("sodium_init failed");
                }

                initialized = true;
            }
        }
    }

    public static string Version
    {
        get
        {
            EnsureInitialized();
            return Marshal.PtrToStringAnsi(sodium_version_string()) ?? "?";
        }
    }

    /// <summary>A fresh random key pair: (32-byte public key, 64-byte secret key).</summary>
    public static (byte[] PublicKey, byte[] SecretKey) GenerateKeyPair()
    {
        EnsureInitialized();
        byte[] pk = new byte[32];
        byte[] sk = new byte[64];
        fixed (byte* p = pk)
        fixed (byte* s = sk)
        {
            Check(crypto_sign_keypair(p, s));
        }

        return (pk, sk);
    }

    /// <summary>The deterministic key pair of a 32-byte seed (RFC 8032's "secret key").</summary>
    public static (byte[] PublicKey, byte[] SecretKey) KeyPairFromSeed(ReadOnlySpan<byte> seed)
    {
        EnsureInitialized();
        byte[] pk = new byte[32];
        byte[] sk = new byte[64];
        fixed (byte* p = pk)
        fixed (byte* s = sk)
        fixed (byte* sd = seed)
        {
            Check(crypto_sign_seed_keypair(p, s, sd));
        }

        return (pk, sk);
    }

    public static byte[] Sign(ReadOnlySpan<byte> message, ReadOnlySpan<byte> secretKey)
    {
        EnsureInitialized();
        byte[] sig = new byte[64];
        ulong length;
        fixed (byte* sg = sig)
        fixed (byte* m = message)
        fixed (byte* sk = secretKey)
        {
            Check(crypto_sign_detached(sg, &length, m, (ulong)message.Length, sk));
        }

        return sig;
    }

    /// <summary>libsodium's verdict; the inputs must be exactly 64 and 32 bytes (the C API takes no lengths).</summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != 32 || signature.Length != 64)
        {
            throw new ArgumentException("libsodium's detached API needs a 32-byte key and a 64-byte signature.");
        }

        EnsureInitialized();
        fixed (byte* sg = signature)
        fixed (byte* m = message)
        fixed (byte* pk = publicKey)
        {
            return crypto_sign_verify_detached(sg, m, (ulong)message.Length, pk) == 0;
        }
    }

    /// <summary>[n]B for a scalar n below L (no clamping).</summary>
    public static byte[] ScalarMultBase(ReadOnlySpan<byte> n)
    {
        EnsureInitialized();
        byte[] q = new byte[32];
        fixed (byte* qp = q)
        fixed (byte* np = n)
        {
            Check(crypto_scalarmult_ed25519_base_noclamp(qp, np));
        }

        return q;
    }

    /// <summary>P + Q for any two points on the curve (small-order ones included); null when libsodium refuses an input.</summary>
    public static byte[]? PointAdd(ReadOnlySpan<byte> p, ReadOnlySpan<byte> q)
    {
        EnsureInitialized();
        byte[] r = new byte[32];
        fixed (byte* rp = r)
        fixed (byte* pp = p)
        fixed (byte* qp = q)
        {
            return crypto_core_ed25519_add(rp, pp, qp) == 0 ? r : null;
        }
    }

    /// <summary>A 64-byte little-endian integer reduced mod L.</summary>
    public static byte[] ScalarReduce(ReadOnlySpan<byte> wide)
    {
        EnsureInitialized();
        byte[] r = new byte[32];
        fixed (byte* rp = r)
        fixed (byte* wp = wide)
        {
            crypto_core_ed25519_scalar_reduce(rp, wp);
        }

        return r;
    }

    /// <summary>x·y + z mod L.</summary>
    public static byte[] ScalarMulAdd(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y, ReadOnlySpan<byte> z)
    {
        EnsureInitialized();
        byte[] product = new byte[32];
        byte[] result = new byte[32];
        fixed (byte* pp = product)
        fixed (byte* rp = result)
        fixed (byte* xp = x)
        fixed (byte* yp = y)
        fixed (byte* zp = z)
        {
            crypto_core_ed25519_scalar_mul(pp, xp, yp);
            crypto_core_ed25519_scalar_add(rp, pp, zp);
        }

        return result;
    }

    private static void Check(int rc)
    {
        if (rc != 0)
        {
            throw new InvalidOperationException("libsodium call failed: " + rc);
        }
    }
}
