using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Telnyx.Runtime;

/// <summary>Parses Telnyx error bodies and maps a status to its typed exception.</summary>
internal static class TelnyxErrorFactory
{
    /// <summary>
    /// Parses <c>{ "errors": [ { "code", "title", "detail", "source": { "pointer", "parameter" }, "meta" } ] }</c>
    /// leniently: a body that is empty, not JSON, or shaped differently yields an empty list, never an exception.
    /// </summary>
    /// <param name="body">The UTF-8 response body.</param>
    public static IReadOnlyList<TelnyxError> ParseErrors(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return Array.Empty<TelnyxError>();
        }
        try
        {
            var reader = new Utf8JsonReader(body, TelnyxJson.DefaultReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return Array.Empty<TelnyxError>();
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isErrors = reader.ValueTextEquals("errors"u8);
                reader.Read();
                if (isErrors && reader.TokenType == JsonTokenType.StartArray)
                {
                    var list = new List<TelnyxError>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (reader.TokenType == JsonTokenType.StartObject)
                        {
                            list.Add(ReadError(ref reader));
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }
                    return list;
                }
                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }
        return Array.Empty<TelnyxError>();
    }

    private static TelnyxError ReadError(ref Utf8JsonReader reader)
    {
        string? code = null, title = null, detail = null, pointer = null, parameter = null;
        JsonElement? meta = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("code"u8))
            {
                reader.Read();
                code = ReadLenientString(ref reader);
            }
            else if (reader.ValueTextEquals("title"u8))
            {
                reader.Read();
                title = ReadLenientString(ref reader);
            }
            else if (reader.ValueTextEquals("detail"u8))
            {
                reader.Read();
                detail = ReadLenientString(ref reader);
            }
            else if (reader.ValueTextEquals("source"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        if (reader.ValueTextEquals("pointer"u8))
                        {
                            reader.Read();
                            pointer = ReadLenientString(ref reader);
                        }
                        else if (reader.ValueTextEquals("parameter"u8))
                        {
                            reader.Read();
                            parameter = ReadLenientString(ref reader);
                        }
                        else
                        {
                            reader.Read();
                            reader.Skip();
                        }
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("meta"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.Null)
                {
                    meta = JsonElement.ParseValue(ref reader);
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        return new TelnyxError(code, title, detail, pointer, parameter, meta);
    }

    private static string? ReadLenientString(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            default:
                reader.Skip();
                return null;
        }
    }

    /// <summary>
    /// Builds the message <c>Telnyx API returned 404 Not Found: title: detail (code 10005)</c>, naming how many more
    /// errors the body carried.
    /// </summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="reasonPhrase">The reason phrase to use when the status is not a well-known one.</param>
    /// <param name="errors">The parsed errors.</param>
    public static string BuildMessage(int statusCode, string? reasonPhrase, IReadOnlyList<TelnyxError> errors)
    {
        var sb = new StringBuilder("Telnyx API returned ");
        sb.Append(statusCode.ToString(CultureInfo.InvariantCulture));
        string? phrase = GetReasonPhrase(statusCode) ?? reasonPhrase;
        if (!string.IsNullOrEmpty(phrase))
        {
            sb.Append(' ').Append(phrase);
        }
        if (errors.Count > 0)
        {
            var first = errors[0];
            if (!string.IsNullOrEmpty(first.Title))
            {
                sb.Append(": ").Append(first.Title);
            }
            if (!string.IsNullOrEmpty(first.Detail) && !string.Equals(first.Detail, first.Title, StringComparison.Ordinal))
            {
                sb.Append(": ").Append(first.Detail);
            }
            if (!string.IsNullOrEmpty(first.Code))
            {
                sb.Append(" (code ").Append(first.Code).Append(')');
            }
            if (errors.Count > 1)
            {
                sb.Append(" (and ").Append((errors.Count - 1).ToString(CultureInfo.InvariantCulture))
                  .Append(errors.Count == 2 ? " more error)" : " more errors)");
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// Creates the typed exception for <paramref name="statusCode"/>: 400, 401, 403, 404, 409, 422, 429 and 5xx map to
    /// their subclasses, any other status to <see cref="TelnyxApiException"/>.
    /// </summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="reasonPhrase">The response's reason phrase, used for statuses without a built-in phrase.</param>
    /// <param name="body">The UTF-8 response body.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="attempts">How many HTTP attempts were made.</param>
    /// <param name="retryAfter">The server's requested wait, if any (carried by <see cref="TelnyxRateLimitException"/>).</param>
    public static TelnyxApiException Create(
        int statusCode,
        string? reasonPhrase,
        ReadOnlySpan<byte> body,
        IReadOnlyDictionary<string, IReadOnlyList<string>> headers,
        int attempts,
        TimeSpan? retryAfter = null)
    {
        var errors = ParseErrors(body);
        string message = BuildMessage(statusCode, reasonPhrase, errors);
        string text = body.IsEmpty ? string.Empty : Encoding.UTF8.GetString(body);
        return statusCode switch
        {
            400 => new TelnyxBadRequestException(message, errors, headers, text, attempts),
            401 => new TelnyxAuthenticationException(message, errors, headers, text, attempts),
            403 => new TelnyxPermissionDeniedException(message, errors, headers, text, attempts),
            404 => new TelnyxNotFoundException(message, errors, headers, text, attempts),
            409 => new TelnyxConflictException(message, errors, headers, text, attempts),
            422 => new TelnyxUnprocessableEntityException(message, errors, headers, text, attempts),
            429 => new TelnyxRateLimitException(message, errors, headers, text, attempts, retryAfter),
            >= 500 and <= 599 => new TelnyxServerException(statusCode, message, errors, headers, text, attempts),
            _ => new TelnyxApiException(statusCode, message, errors, headers, text, attempts),
        };
    }

    private static string? GetReasonPhrase(int statusCode) => statusCode switch
    {
        300 => "Multiple Choices",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "Length Required",
        412 => "Precondition Failed",
        413 => "Content Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        418 => "I'm a teapot",
        422 => "Unprocessable Entity",
        423 => "Locked",
        425 => "Too Early",
        428 => "Precondition Required",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => null,
    };
}
