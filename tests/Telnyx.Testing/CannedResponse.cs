using System;
using System.Collections.Generic;

namespace Telnyx.Testing;

/// <summary>What the server answers to one request of a script, or a handler writes with <see cref="FakeTelnyxServer.WriteAsync"/>.</summary>
public sealed class CannedResponse
{
    /// <summary>200, no body (set the properties).</summary>
    public CannedResponse()
        : this(200)
    {
    }

    public CannedResponse(int status, string? body = null, string contentType = "application/json")
    {
        StatusCode = status;
        Body = body;
        ContentType = contentType;
    }

    public int StatusCode { get; init; }

    /// <summary>The body text, or null for none.</summary>
    public string? Body { get; init; }

    public string ContentType { get; init; }

    public Dictionary<string, string> Headers { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits this long (or until the client goes away) before answering.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Sends the headers (with the full Content-Length) and this many body bytes, then aborts the connection.</summary>
    public int? AbortAfterBodyBytes { get; init; }

    /// <summary>Aborts the connection without sending anything.</summary>
    public bool AbortBeforeResponse { get; init; }

    public static CannedResponse Json(string body, int status = 200) => new(status, body);

    public static CannedResponse Data(string dataJson) => new(200, "{\"data\":" + dataJson + "}");

    public static CannedResponse CommandOk => Data("{\"result\":\"ok\"}");

    public static CannedResponse NoContent => new(204);

    public static CannedResponse Status(int status, string? body = null, params (string Name, string Value)[] headers)
    {
        var response = new CannedResponse(status, body);
        foreach (var (name, value) in headers)
        {
            response.Headers[name] = value;
        }
        return response;
    }

    public static CannedResponse List(params string[] items) => List(1, 20, 1, items.Length, items);

    public static CannedResponse List(long pageNumber, long pageSize, long totalPages, long totalResults, params string[] items) =>
        new(200, "{\"data\":[" + string.Join(",", items) + "],\"meta\":{\"page_number\":" + pageNumber + ",\"page_size\":" + pageSize
            + ",\"total_pages\":" + totalPages + ",\"total_results\":" + totalResults + "}}");

    /// <summary>A response whose body is cut off after <paramref name="bytes"/> bytes (the connection is aborted).</summary>
    public static CannedResponse CutOff(string body = "{\"data\":{\"id\":\"partial-response-that-never-ends\"}}", int bytes = 10) =>
        new(200, body) { AbortAfterBodyBytes = bytes };
}
