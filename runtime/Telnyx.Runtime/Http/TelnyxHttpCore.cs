using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Telnyx.Runtime.Primitives;

/// <summary>
/// Sends <see cref="TelnyxRequest"/>s: authentication, default headers, per-attempt timeouts, retries with backoff,
/// typed errors and envelope unwrapping. Thread-safe; create one per client and reuse it.
/// </summary>
/// <remarks>
/// <para>Retries follow <see cref="TelnyxClientOptions.Retry"/> (a <see cref="TelnyxRetryPolicy"/>): by default up to
/// two retries (<see cref="RequestOptions.MaxRetries"/> overrides the count per call) after a connection failure
/// (no response, or a response cut off), an attempt timeout, or a 408, 409, 429 or 5xx status, with a jittered
/// exponential backoff or the wait the server asks for in <c>retry-after-ms</c> / <c>Retry-After</c>. Cancelling the
/// caller's token stops at once, even during a wait, with an <see cref="OperationCanceledException"/>; nothing is
/// retried after it.</para>
/// <para>Requests that create things (POST) are retried too: pass an idempotency key such as Telnyx's
/// <c>command_id</c> where the endpoint accepts one, or set <see cref="RequestOptions.MaxRetries"/> to 0 for that call.</para>
/// </remarks>
public sealed class TelnyxHttpCore : IDisposable
{
    private static readonly string s_userAgent = BuildUserAgent();

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly string? _authorization;
    private readonly HttpRequestFactory _requests;
    private readonly AttemptTimeoutPool _timeouts = new();
    private readonly TimeSpan _timeout;
    private readonly int _maxRetries;
    private readonly TimeProvider _timeProvider;
    private readonly TelnyxRetryPolicy _retry;
    private readonly Action<TelnyxRetryEvent>? _retryLog;
    private volatile bool _disposed;

    /// <summary>Creates the core from <paramref name="options"/>, which are read once, now.</summary>
    /// <param name="options">The client options.</param>
    /// <exception cref="ArgumentOutOfRangeException">A timeout, delay cap or retry count is out of range.</exception>
    /// <exception cref="TelnyxConfigurationException">The base URL is not an absolute http(s) URL.</exception>
    public TelnyxHttpCore(TelnyxClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;

        ValidateTimeout(options.Timeout, nameof(TelnyxClientOptions.Timeout));
        var retry = options.Retry;
        ArgumentOutOfRangeException.ThrowIfNegative(retry.MaxRetries, "options.Retry.MaxRetries");
        ArgumentOutOfRangeException.ThrowIfLessThan(retry.MaxDelay, TimeSpan.Zero, "options.Retry.MaxDelay");
        ArgumentOutOfRangeException.ThrowIfLessThan(retry.MaxRetryAfter, TimeSpan.Zero, "options.Retry.MaxRetryAfter");

        string? key = options.ApiKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            key = options.ReadEnvironment(TelnyxClientOptions.ApiKeyEnvironmentVariable);
        }
        _authorization = string.IsNullOrWhiteSpace(key) ? null : "Bearer " + key.Trim();

        Uri? baseUrl = options.BaseUrl;
        if (baseUrl is null)
        {
            string? fromEnv = options.ReadEnvironment(TelnyxClientOptions.BaseUrlEnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(fromEnv) && !Uri.TryCreate(fromEnv.Trim(), UriKind.Absolute, out baseUrl))
            {
                throw new TelnyxConfigurationException($"The {TelnyxClientOptions.BaseUrlEnvironmentVariable} environment variable is not an absolute URL: '{fromEnv}'.");
            }
        }
        baseUrl ??= TelnyxClientOptions.DefaultBaseUrl;
        if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new TelnyxConfigurationException($"The Telnyx base URL must be an absolute http or https URL: '{baseUrl}'.");
        }
        BaseUrl = baseUrl;
        _requests = new HttpRequestFactory(baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/'), _authorization);

        _timeout = options.Timeout;
        _maxRetries = retry.MaxRetries;
        _timeProvider = options.TimeProvider ?? TimeProvider.System;
        _retry = retry;
        _retryLog = options.RetryLog;

        if (options.HttpClient is { } http)
        {
            _http = http;
        }
        else
        {
            var handler = new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            };
            _http = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            _ownsHttp = true;
        }
    }

    /// <summary>The options this core was created from.</summary>
    public TelnyxClientOptions Options { get; }

    /// <summary>The resolved API root (options, else <c>TELNYX_BASE_URL</c>, else production).</summary>
    public Uri BaseUrl { get; }

    /// <summary>The <c>User-Agent</c> sent with every request: <c>Telnyx.Generated/&lt;version&gt; (.NET &lt;runtime&gt;)</c>.</summary>
    public static string UserAgent => s_userAgent;

    /// <summary>
    /// Sends the request and returns the <c>data</c> member of the 2xx JSON body <c>{ "data": ..., ... }</c>,
    /// read with <paramref name="dataReader"/>; other top-level members are ignored.
    /// </summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="dataReader">Reads the <c>data</c> value.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call, including retry waits.</param>
    /// <exception cref="TelnyxApiException">A non-2xx status (a subclass for well-known statuses).</exception>
    /// <exception cref="TelnyxInvalidResponseException">The body is empty, not JSON, or has no <c>data</c>.</exception>
    /// <exception cref="TelnyxConnectionException">No response after every retry.</exception>
    /// <exception cref="TelnyxTimeoutException">Every attempt timed out.</exception>
    /// <exception cref="TelnyxConfigurationException">No API key is configured.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<T> SendForDataAsync<T>(TelnyxRequest request, JsonValueReader<T> dataReader, RequestOptions? options, CancellationToken cancellationToken) =>
        SendWithHandlerAsync<DataEnvelopeHandler<T>, T>(request, new(dataReader), options, cancellationToken);

    /// <summary>Like <see cref="SendForDataAsync{T}"/>, also returning the raw response (status, headers, body).</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="dataReader">Reads the <c>data</c> value.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call, including retry waits.</param>
    public Task<TelnyxResponse<T>> SendForDataWithResponseAsync<T>(TelnyxRequest request, JsonValueReader<T> dataReader, RequestOptions? options, CancellationToken cancellationToken) =>
        SendWithHandlerAsync<WithResponseHandler<DataEnvelopeHandler<T>, T>, TelnyxResponse<T>>(request, new(new(dataReader)), options, cancellationToken);

    /// <summary>Sends the request and reads the whole 2xx JSON body (no envelope) with <paramref name="bodyReader"/>.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="bodyReader">Reads the body value.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call, including retry waits.</param>
    /// <exception cref="TelnyxInvalidResponseException">The body is empty, not JSON, or not the expected shape.</exception>
    public Task<T> SendAsync<T>(TelnyxRequest request, JsonValueReader<T> bodyReader, RequestOptions? options, CancellationToken cancellationToken) =>
        SendWithHandlerAsync<WholeBodyHandler<T>, T>(request, new(bodyReader), options, cancellationToken);

    /// <summary>Like <see cref="SendAsync{T}(TelnyxRequest, JsonValueReader{T}, RequestOptions?, CancellationToken)"/>, also returning the raw response (status, headers, body).</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="bodyReader">Reads the body value.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call, including retry waits.</param>
    public Task<TelnyxResponse<T>> SendWithResponseAsync<T>(TelnyxRequest request, JsonValueReader<T> bodyReader, RequestOptions? options, CancellationToken cancellationToken) =>
        SendWithHandlerAsync<WithResponseHandler<WholeBodyHandler<T>, T>, TelnyxResponse<T>>(request, new(new(bodyReader)), options, cancellationToken);

    /// <summary>Sends the request and ignores the body of the 2xx response (204 or any other 2xx).</summary>
    /// <param name="request">The request.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call, including retry waits.</param>
    public Task SendNoContentAsync(TelnyxRequest request, RequestOptions? options, CancellationToken cancellationToken) =>
        SendWithHandlerAsync<NoContentHandler, bool>(request, default, options, cancellationToken);

    /// <summary>
    /// Sends the request and returns the raw 2xx response. Non-2xx statuses still throw the typed exceptions, and
    /// retries apply as usual.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call, including retry waits.</param>
    public Task<TelnyxRawResponse> SendRawAsync(TelnyxRequest request, RequestOptions? options, CancellationToken cancellationToken) =>
        SendWithHandlerAsync<RawHandler, TelnyxRawResponse>(request, default, options, cancellationToken);

    /// <summary>
    /// Sends a request the API document does not describe, with the same authentication, headers, retries and
    /// errors as generated calls.
    /// </summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path relative to the base URL, starting with <c>/</c>, already escaped; may carry a query.</param>
    /// <param name="jsonBody">A UTF-8 JSON body, sent as <c>application/json</c>, or null for none.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call, including retry waits.</param>
    public Task<TelnyxRawResponse> SendRawAsync(HttpMethod method, string path, ReadOnlyMemory<byte>? jsonBody, RequestOptions? options, CancellationToken cancellationToken)
    {
        var request = new TelnyxRequest(method, path);
        if (jsonBody is { } body)
        {
            request.SetJsonBody(body.Span);
        }
        return SendRawAsync(request, options, cancellationToken);
    }

    /// <summary>Disposes the <see cref="HttpClient"/> this core created; a user-supplied one is left alone.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Sending and retrying

    /// <summary>
    /// The one send path: every public method (and the pager) is this with a different <paramref name="handler"/>,
    /// which reads the 2xx body while it is still in the pooled buffer. Attempts repeat as
    /// <see cref="TelnyxRetryPolicy"/> decides; a final failure throws the typed exception. One async state machine
    /// per call, as a hand-written call has: generic over the handler, so each response shape has its own copy.
    /// </summary>
    internal async Task<T> SendWithHandlerAsync<THandler, T>(TelnyxRequest request, THandler handler, RequestOptions? options, CancellationToken cancellationToken)
        where THandler : struct, IResponseHandler<T>
    {
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_authorization is null)
        {
            throw new TelnyxConfigurationException(
                "No Telnyx API key is configured: set TelnyxClientOptions.ApiKey or the TELNYX_API_KEY environment variable.");
        }
        cancellationToken.ThrowIfCancellationRequested();

        int maxRetries = _maxRetries;
        TimeSpan timeout = _timeout;
        Dictionary<string, string>? extraHeaders = null;
        Dictionary<string, string>? extraQuery = null;
        Dictionary<string, JsonNode?>? extraBody = null;
        if (options is not null)
        {
            if (options.MaxRetries is int r)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(r, "options.MaxRetries");
                maxRetries = r;
            }
            if (options.Timeout is TimeSpan t)
            {
                ValidateTimeout(t, "options.Timeout");
                timeout = t;
            }
            extraHeaders = options.ExtraHeadersOrNull;
            extraQuery = options.ExtraQueryOrNull;
            extraBody = options.ExtraBodyOrNull;
        }

        // Null unless something listens; its span is Activity.Current while the attempts run, so HttpClient's nest in it.
        var telemetry = OperationTelemetry.Start(request);
        BufferedResponse success;
        try
        {
            Uri uri = _requests.BuildUri(request, extraQuery);
            // Extra body fields are merged into JSON bodies only; a non-JSON body is sent as given.
            byte[]? body = extraBody is null || request.ContentType is not null ? request.BodyBytes : HttpRequestFactory.MergeBody(request.BodyBytes, extraBody);

            for (int attempt = 1; ; attempt++)
            {
                // What the failed attempt leaves for the retry: a status (and the wait it asked for) or an exception.
                int? failedStatus = null;
                TimeSpan? retryAfter = null;
                Exception? failure = null;

                var scope = new AttemptTimeout(_timeouts, _timeProvider, timeout, cancellationToken);
                HttpResponseMessage? response = null;
                byte[] buffer = Array.Empty<byte>();
                int length = 0;
                try
                {
                    using (var message = _requests.BuildMessage(request, uri, body, extraHeaders))
                    {
                        response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, scope.Token).ConfigureAwait(false);
                        (buffer, length) = await ResponseBuffer.ReadAsync(response.Content, scope.Token).ConfigureAwait(false);
                    }
                }
                catch (Exception ex) when (IsTransportFailure(ex))
                {
                    response?.Dispose();
                    response = null;
                    // Read before Dispose: the source may go back to the pool and serve another call.
                    bool timedOut = ex is OperationCanceledException || scope.TimedOut;
                    scope.Dispose();
                    if (cancellationToken.IsCancellationRequested)
                    {
                        throw new TaskCanceledException("The Telnyx request was canceled.", ex, cancellationToken);
                    }
                    if (attempt > maxRetries || !_retry.ShouldRetry(ex))
                    {
                        throw TransportException(request, ex, timedOut, timeout, attempt);
                    }
                    failure = ex;
                }
                catch
                {
                    response?.Dispose();
                    scope.Dispose();
                    throw;
                }

                if (response is not null)
                {
                    scope.Dispose();
                    int status = (int)response.StatusCode;
                    if (status >= 200 && status <= 299)
                    {
                        telemetry?.Succeeded(status, attempt);
                        success = new BufferedResponse(response, buffer, length, attempt, telemetry);
                        break;
                    }
                    try
                    {
                        bool retryable = _retry.ShouldRetry(status);
                        // A 429 carries its Retry-After on the exception even when it is not retried.
                        retryAfter = retryable || status == 429 ? RetryAfterHeader.Read(response.Headers.NonValidated, _timeProvider) : null;
                        if (!retryable || attempt > maxRetries)
                        {
                            throw TelnyxErrorFactory.Create(status, response.ReasonPhrase, buffer.AsSpan(0, length), ResponseHeaders.Collect(response), attempt, retryAfter);
                        }
                        failedStatus = status;
                    }
                    finally
                    {
                        ResponseBuffer.Return(buffer);
                        response.Dispose();
                    }
                }

                TimeSpan delay = _retry.GetDelay(attempt, retryAfter);
                var retry = new TelnyxRetryEvent(request.Method, request.Path, attempt, delay, failedStatus, failure);
                _retryLog?.Invoke(retry);
                _retry.OnRetry(retry);
                telemetry?.Retry(attempt, delay, failedStatus, failure);
                await _retry.DelayAsync(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        catch (Exception ex) when (telemetry is not null && telemetry.FailedAndStop(ex))
        {
            // Never entered: the filter records the failure and returns false.
            throw;
        }
        return Handle<THandler, T>(handler, in success);
    }

    /// <summary>Runs the handler on a 2xx response, then returns its buffer; a reader failure is an invalid response.</summary>
    private static T Handle<THandler, T>(THandler handler, in BufferedResponse response)
        where THandler : struct, IResponseHandler<T>
    {
        try
        {
            return handler.Handle(in response);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or OverflowException)
        {
            int status = (int)response.Message.StatusCode;
            string text = Encoding.UTF8.GetString(response.Span);
            var invalid = new TelnyxInvalidResponseException(
                $"Telnyx API returned {status.ToString(CultureInfo.InvariantCulture)} with a body that is not the expected JSON: {ex.Message}",
                status, text, ex, response.Attempts);
            response.Telemetry?.Failed(invalid);
            throw invalid;
        }
        catch (Exception ex) when (response.Telemetry is { } telemetry && telemetry.Failed(ex))
        {
            // Never entered: any other failure of the reader is recorded on the span by the filter.
            throw;
        }
        finally
        {
            response.Dispose();
        }
    }

    private static TelnyxException TransportException(TelnyxRequest request, Exception ex, bool timedOut, TimeSpan timeout, int attempts) =>
        timedOut
            ? new TelnyxTimeoutException(
                $"The Telnyx request {request.Method} {request.Path} timed out after {FormatSpan(timeout)} ({FormatAttempts(attempts)}).",
                timeout, ex, attempts)
            : new TelnyxConnectionException(
                $"The Telnyx request {request.Method} {request.Path} failed without a complete response ({FormatAttempts(attempts)}): {ex.Message}",
                ex, attempts);

    private static bool IsTransportFailure(Exception ex) =>
        ex is OperationCanceledException or HttpRequestException or IOException;

    private static void ValidateTimeout(TimeSpan timeout, string name)
    {
        if (timeout != System.Threading.Timeout.InfiniteTimeSpan && (timeout <= TimeSpan.Zero || timeout.TotalMilliseconds > int.MaxValue))
        {
            throw new ArgumentOutOfRangeException(name, timeout, "The timeout must be positive (at most about 24 days) or Timeout.InfiniteTimeSpan.");
        }
    }

    private static string FormatAttempts(int attempts) => attempts == 1 ? "1 attempt" : attempts.ToString(CultureInfo.InvariantCulture) + " attempts";

    private static string FormatSpan(TimeSpan span) =>
        span.TotalSeconds >= 1 ? span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s" : span.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + " ms";

    private static string BuildUserAgent()
    {
        string version = typeof(TelnyxHttpCore).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(TelnyxHttpCore).Assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        int plus = version.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            version = version[..plus];
        }
        return $"Telnyx.Generated/{version} (.NET {Environment.Version})";
    }
}
