using System;
using System.Buffers;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Telnyx.Runtime.Primitives;

/// <summary>Reads a response body into a buffer rented from <see cref="ArrayPool{T}.Shared"/>; return it with <see cref="Return"/>.</summary>
internal static class ResponseBuffer
{
    public static async ValueTask<(byte[] Buffer, int Length)> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        long? contentLength = content.Headers.ContentLength;
        if (contentLength == 0)
        {
            return (Array.Empty<byte>(), 0);
        }
        // One byte more than announced, so the end of the stream is seen without growing the buffer.
        int initial = contentLength is long announced && announced < 16 * 1024 * 1024 ? (int)announced + 1 : 16 * 1024;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(initial);
        int length = 0;
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            while (true)
            {
                if (length == buffer.Length)
                {
                    byte[] larger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
                    Buffer.BlockCopy(buffer, 0, larger, 0, length);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                int read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }
                length += read;
            }
            return (buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    public static void Return(byte[] buffer)
    {
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
