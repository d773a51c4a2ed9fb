using System;

namespace Telnyx.Runtime.Tests.Webhooks;

internal static class Hex
{
    public static byte[] Decode(string hex) => Convert.FromHexString(hex);

    public static string Encode(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
