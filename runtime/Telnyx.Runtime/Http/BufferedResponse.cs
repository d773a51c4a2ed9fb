using System;
using System.Net.Http;

namespace Telnyx.Runtime.Primitives;

/// <summary>A 2xx response whose body sits in a pooled buffer; the send path disposes it exactly once.</summary>
internal readonly struct BufferedResponse
{
    private readonly byte[] _buffer;
    private readonly int _length;

    public BufferedResponse(HttpResponseMessage message, byte[] buffer, int length, int attempts, OperationTelemetry? telemetry)
    {
        Message = message;
        _buffer = buffer;
        _length = length;
        Attempts = attempts;
        Telemetry = telemetry;
    }

    public HttpResponseMessage Message { get; }

    /// <summary>The call's span and metrics, ended on <see cref="Dispose"/> (after the body is handled).</summary>
    public OperationTelemetry? Telemetry { get; }

    public int Attempts { get; }

    public ReadOnlySpan<byte> Span => new(_buffer, 0, _length);

    public TelnyxRawResponse ToRaw() =>
        new((int)Message.StatusCode, ResponseHeaders.Collect(Message), Span.ToArray(), Attempts);

    public void Dispose()
    {
        ResponseBuffer.Return(_buffer);
        Message.Dispose();
        Telemetry?.Stop();
    }
}
