using System;

namespace Telnyx.Runtime.Primitives;

/// <summary>
/// Turns a buffered 2xx response into the call's result. Implemented by readonly structs and taken as a constrained
/// generic by <see cref="TelnyxHttpCore.SendWithHandlerAsync{THandler, T}"/>, so each shape is one call, never a boxed object.
/// A <see cref="System.Text.Json.JsonException"/>, <see cref="InvalidOperationException"/>, <see cref="FormatException"/>
/// or <see cref="OverflowException"/> thrown here becomes a <see cref="TelnyxInvalidResponseException"/>.
/// </summary>
/// <typeparam name="T">The result type.</typeparam>
internal interface IResponseHandler<T>
{
    T Handle(in BufferedResponse response);
}

/// <summary>The <c>data</c> member of <c>{ "data": ..., ... }</c>.</summary>
internal readonly struct DataEnvelopeHandler<T> : IResponseHandler<T>
{
    private readonly JsonValueReader<T> _reader;

    public DataEnvelopeHandler(JsonValueReader<T> dataReader) => _reader = dataReader ?? throw new ArgumentNullException(nameof(dataReader));

    public T Handle(in BufferedResponse response) => EnvelopeReader.ReadData(response.Span, _reader);
}

/// <summary>The whole body, no envelope.</summary>
internal readonly struct WholeBodyHandler<T> : IResponseHandler<T>
{
    private readonly JsonValueReader<T> _reader;

    public WholeBodyHandler(JsonValueReader<T> bodyReader) => _reader = bodyReader ?? throw new ArgumentNullException(nameof(bodyReader));

    public T Handle(in BufferedResponse response) => EnvelopeReader.ReadWhole(response.Span, _reader);
}

/// <summary>One page of a list: <c>{ "data": [...], "meta": {...} }</c>.</summary>
internal readonly struct PageHandler<T> : IResponseHandler<EnvelopePage<T>>
{
    private readonly JsonValueReader<T> _itemReader;
    private readonly int _pageNumber;

    public PageHandler(JsonValueReader<T> itemReader, int pageNumber)
    {
        _itemReader = itemReader;
        _pageNumber = pageNumber;
    }

    public EnvelopePage<T> Handle(in BufferedResponse response) => EnvelopeReader.ReadPage(response.Span, _itemReader, _pageNumber);
}

/// <summary>Status, headers and a copy of the body.</summary>
internal readonly struct RawHandler : IResponseHandler<TelnyxRawResponse>
{
    public TelnyxRawResponse Handle(in BufferedResponse response) => response.ToRaw();
}

/// <summary>Nothing: the body of a 204 (or any 2xx) is dropped.</summary>
internal readonly struct NoContentHandler : IResponseHandler<bool>
{
    public bool Handle(in BufferedResponse response) => true;
}

/// <summary>The value another handler reads, together with the raw response.</summary>
internal readonly struct WithResponseHandler<THandler, T> : IResponseHandler<TelnyxResponse<T>>
    where THandler : struct, IResponseHandler<T>
{
    private readonly THandler _value;

    public WithResponseHandler(THandler value) => _value = value;

    public TelnyxResponse<T> Handle(in BufferedResponse response)
    {
        T value = _value.Handle(in response);
        return new TelnyxResponse<T>(value, response.ToRaw());
    }
}
