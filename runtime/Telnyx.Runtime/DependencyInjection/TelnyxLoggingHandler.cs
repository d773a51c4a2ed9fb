using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Telnyx.Runtime;

/// <summary>
/// Logs each HTTP attempt: method, path (no query), status and elapsed time. The <c>Authorization</c> header is
/// shown as its scheme followed by <c>[REDACTED]</c>; the key itself is never written.
/// </summary>
internal sealed class TelnyxLoggingHandler : DelegatingHandler
{
    private readonly ILogger _logger;

    public TelnyxLoggingHandler(ILogger logger) => _logger = logger;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var method = request.Method.Method;
        var path = request.RequestUri is { IsAbsoluteUri: true } uri ? uri.AbsolutePath : request.RequestUri?.OriginalString.Split('?')[0] ?? string.Empty;
        var authorization = request.Headers.Authorization is { } auth ? auth.Scheme + " [REDACTED]" : "none";
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            TelnyxLog.Request(_logger, method, path, (int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds, authorization);
            return response;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            TelnyxLog.RequestFailed(_logger, method, path, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ex.GetType().Name, authorization);
            throw;
        }
    }
}

/// <summary>The log messages (compile-time generated, no boxing or reflection).</summary>
internal static partial class TelnyxLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Telnyx {Method} {Path} responded {StatusCode} in {ElapsedMilliseconds:0.0} ms (Authorization: {Authorization})")]
    public static partial void Request(ILogger logger, string method, string path, int statusCode, double elapsedMilliseconds, string authorization);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Telnyx {Method} {Path} failed after {ElapsedMilliseconds:0.0} ms with {Error} (Authorization: {Authorization})")]
    public static partial void RequestFailed(ILogger logger, string method, string path, double elapsedMilliseconds, string error, string authorization);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Telnyx retry after attempt {Attempt} of {Method} {Path}: waiting {DelayMilliseconds:0} ms after {Reason}")]
    public static partial void Retry(ILogger logger, string method, string path, int attempt, double delayMilliseconds, string reason);
}
