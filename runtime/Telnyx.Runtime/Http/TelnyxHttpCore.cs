using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Telnyx.Runtime.Diagnostics;
using Telnyx.Runtime.Errors;
using Telnyx.Runtime.Json;

namespace Telnyx.Runtime.Http;

/// <summary>
/// Sends <see cref="TelnyxRequest"/>s: authentication, default headers, per-attempt timeouts, retries with backoff,
/// typed errors and envelope unwrapping. Thread-safe; create one per client and reuse it.
/// </summary>
/// <remarks>
/// <para>Retries: a request is retried (up to <see cref="TelnyxClientOptions.MaxRetries"/> or
/// <see cref="RequestOptions.MaxRetries"/> times) after a connection failure (no response, or a response cut off),
/// an attempt timeout, or a 408, 409, 429 or 5xx status. Other statuses are not retried. The wait before retry n
/// is <c>min(0.5 s × 2^(n-1), MaxRetryDelay) × (1 - 0.25 × jitter)</c>, jitter in [0, 1), unless the response
/// carries <c>retry-after-ms</c> or <c>Retry-After</c>, which is used instead (capped at
/// <see cref="TelnyxClientOptions.MaxRetryAfter"/>). Cancelling the caller's token stops at once, even during a wait,
/// with an <see cref="OperationCanceledException"/>; nothing is retried after it.</para>
/// <para>Requests that create things (POST) are retried too: pass an idempotency key such as Telnyx's
/// <c>command_id</c> where the endpoint accepts one, or set <c>MaxRetries = 0</c> for that call.</para>
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
    private readonly TimeSpan _maxRetryDelay;
    private readonly TimeSpan _maxRetryAfter;
    private readonly Func<TimeSpan, CancellationToken, Task>? _delay;
    private readonly Func<double>? _jitter;
    private readonly Action<TelnyxRetryEvent>? _onRetry;
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
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRetries, nameof(TelnyxClientOptions.MaxRetries));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxRetryDelay, TimeSpan.Zero, nameof(TelnyxClientOptions.MaxRetryDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxRetryAfter, TimeSpan.Zero, nameof(TelnyxClientOptions.MaxRetryAfter));

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
        _maxRetries = options.MaxRetries;
        _timeProvider = options.TimeProvider ?? TimeProvider.System;
        _maxRetryDelay = options.MaxRetryDelay;
        _maxRetryAfter = options.MaxRetryAfter;
        _delay = options.DelayOverride;
        _jitter = options.JitterSource;
        _onRetry = options.OnRetry;

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
    public async Task<T> SendForDataAsync<T>(TelnyxRequest request, JsonValueReader<T> dataReader, RequestOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataReader);
        var response = await SendBufferedAsync(request, options, cancellationToken).ConfigureAwait(false);
        try
        {
            return Parse(response, dataReader, static (body, reader) => EnvelopeReader.ReadData(body, reader));
        }
        finally
        {
            response.Dispose();
        }
    }

    /// <summary>Like <see cref="SendForDataAsync{T}"/>, also returning the raw response (status, headers, body).</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="dataReader">Reads the <c>data</c> value.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call, including retry waits.</param>
    public async Task<TelnyxResponse<T>> SendForDataWithResponseAsync<T>(TelnyxRequest request, JsonValueReader<T> dataReader, RequestOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataReader);
        var response = await SendBufferedAsync(request, options, cancellationToken).ConfigureAwait(false);
        try
        {
            T value = Parse(response, dataReader, static (body, reader) => EnvelopeReader.ReadData(body, reader));
            return new TelnyxResponse<T>(value, response.ToRaw());
        }
        finally
        {
            response.Dispose();
        }
    }

    /// <summary>Sends the request and reads the whole 2xx JSON body (no envelope) with <paramref name="bodyReader"/>.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="bodyReader">Reads the body value.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call, including retry waits.</param>
    /// <exception cref="TelnyxInvalidResponseException">The body is empty, not JSON, or not the expected shape.</exception>
    public async Task<T> SendAsync<T>(TelnyxRequest request, JsonValueReader<T> bodyReader, RequestOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bodyReader);
        var response = await SendBufferedAsync(request, options, cancellationToken).ConfigureAwait(false);
        try
        {
            return Parse(response, bodyReader, static (body, reader) => EnvelopeReader.ReadWhole(body, reader));
        }
        finally
        {
            response.Dispose();
        }
    }

    /// <summary>Like <see cref="SendAsync{T}"/>, also returning the raw response (status, headers, body).</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="bodyReader">Reads the body value.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call, including retry waits.</param>
    public async Task<TelnyxResponse<T>> SendWithResponseAsync<T>(TelnyxRequest request, JsonValueReader<T> bodyReader, RequestOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bodyReader);
        var response = await SendBufferedAsync(request, options, cancellationToken).ConfigureAwait(false);
        try
        {
            T value = Parse(response, bodyReader, static (body, reader) => EnvelopeReader.ReadWhole(body, reader));
            return new TelnyxResponse<T>(value, response.ToRaw());
        }
        finally
        {
            response.Dispose();
        }
    }

    /// <summary>Sends the request and ignores the body of the 2xx response (204 or any other 2xx).</summary>
    /// <param name="request">The request.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call, including retry waits.</param>
    public async Task SendNoContentAsync(TelnyxRequest request, RequestOptions? options, CancellationToken cancellationToken)
    {
        var response = await SendBufferedAsync(request, options, cancellationToken).ConfigureAwait(false);
        response.Dispose();
    }

    /// <summary>
    /// Sends the request and returns the raw 2xx response. Non-2xx statuses still throw the typed exceptions, and
    /// retries apply as usual.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call, including retry waits.</param>
    public async Task<TelnyxRawResponse> SendRawAsync(TelnyxRequest request, RequestOptions? options, CancellationToken cancellationToken)
    {
        var response = await SendBufferedAsync(request, options, cancellationToken).ConfigureAwait(false);
        try
        {
            return response.ToRaw();
        }
        finally
        {
            response.Dispose();
        }
    }

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

    internal delegate T BodyParser<TState, T>(ReadOnlySpan<byte> body, TState state);

    internal async Task<T> SendAndParseAsync<TState, T>(TelnyxRequest request, TState state, BodyParser<TState, T> parser, RequestOptions? options, CancellationToken cancellationToken)
    {
        var response = await SendBufferedAsync(request, options, cancellationToken).ConfigureAwait(false);
        try
        {
            return Parse(response, state, parser);
        }
        finally
        {
            response.Dispose();
        }
    }

    private async Task<BufferedResponse> SendBufferedAsync(TelnyxRequest request, RequestOptions? options, CancellationToken cancellationToken)
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
        try
        {
            Uri uri = _requests.BuildUri(request, extraQuery);
            // Extra body fields are merged into JSON bodies only; a non-JSON body is sent as given.
            byte[]? body = extraBody is null || request.ContentType is not null ? request.BodyBytes : HttpRequestFactory.MergeBody(request.BodyBytes, extraBody);

            for (int attempt = 1; ; attempt++)
            {
                TimeSpan delay;
                int? failedStatus = null;
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
                    // Read before Dispose: the source may go back to the pool and serve another call.
                    bool timedOut = ex is OperationCanceledException || scope.TimedOut;
                    scope.Dispose();
                    if (cancellationToken.IsCancellationRequested)
                    {
                        throw new TaskCanceledException("The Telnyx request was canceled.", ex, cancellationToken);
                    }
                    if (attempt > maxRetries)
                    {
                        if (timedOut)
                        {
                            throw new TelnyxTimeoutException(
                                $"The Telnyx request {request.Method} {request.Path} timed out after {FormatSpan(timeout)} ({FormatAttempts(attempt)}).",
                                timeout, ex, attempt);
                        }
                        throw new TelnyxConnectionException(
                            $"The Telnyx request {request.Method} {request.Path} failed without a complete response ({FormatAttempts(attempt)}): {ex.Message}",
                            ex, attempt);
                    }
                    failure = ex;
                    delay = Backoff(attempt);
                    goto Retry;
                }
                catch
                {
                    response?.Dispose();
                    scope.Dispose();
                    throw;
                }
                scope.Dispose();

                int status = (int)response.StatusCode;
                if (status >= 200 && status <= 299)
                {
                    telemetry?.Succeeded(status, attempt);
                    return new BufferedResponse(response, buffer, length, attempt, telemetry);
                }

                try
                {
                    bool retryable = IsRetryableStatus(status);
                    TimeSpan? retryAfter = retryable || status == 429 ? RetryAfterHeader.Read(response.Headers.NonValidated, _timeProvider) : null;
                    if (!retryable || attempt > maxRetries)
                    {
                        throw TelnyxErrorFactory.Create(status, response.ReasonPhrase, buffer.AsSpan(0, length), CollectHeaders(response), attempt, retryAfter);
                    }
                    failedStatus = status;
                    delay = retryAfter is TimeSpan ra ? Clamp(ra, _maxRetryAfter) : Backoff(attempt);
                }
                finally
                {
                    ResponseBuffer.Return(buffer);
                    response.Dispose();
                }

            Retry:
                _onRetry?.Invoke(new TelnyxRetryEvent(request.Method, request.Path, attempt, delay, failedStatus, failure));
                telemetry?.Retry(attempt, delay, failedStatus, failure);
                if (_delay is not null)
                {
                    await _delay(delay, cancellationToken).ConfigureAwait(false);
                }
                else if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
                }
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        catch (Exception ex) when (telemetry is not null && telemetry.FailedAndStop(ex))
        {
            // Never entered: the filter records the failure and returns false.
            throw;
        }
    }

    private static bool IsTransportFailure(Exception ex) =>
        ex is OperationCanceledException or HttpRequestException or IOException;

    private static bool IsRetryableStatus(int status) => status is 408 or 409 or 429 || status >= 500;

    private TimeSpan Backoff(int failedAttempt)
    {
        double seconds = Math.Min(0.5 * Math.Pow(2, Math.Min(failedAttempt - 1, 30)), _maxRetryDelay.TotalSeconds);
        double jitter = _jitter is null ? Random.Shared.NextDouble() : _jitter();
        if (!(jitter >= 0))
        {
            jitter = 0;
        }
        else if (jitter > 1)
        {
            jitter = 1;
        }
        return TimeSpan.FromSeconds(seconds * (1 - (0.25 * jitter)));
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan max) =>
        value < TimeSpan.Zero ? TimeSpan.Zero : value > max ? max : value;

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

    // ---------------------------------------------------------------------------------------------------------
    // Reading the response

    internal static IReadOnlyDictionary<string, IReadOnlyList<string>> CollectHeaders(HttpResponseMessage response)
    {
        var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        AddHeaders(map, response.Headers.NonValidated);
        AddHeaders(map, response.Content.Headers.NonValidated);
        return new ReadOnlyDictionary<string, IReadOnlyList<string>>(map);
    }

    private static void AddHeaders(Dictionary<string, IReadOnlyList<string>> map, HttpHeadersNonValidated headers)
    {
        foreach (var header in headers)
        {
            var values = new string[header.Value.Count];
            int i = 0;
            foreach (string value in header.Value)
            {
                values[i++] = value;
            }
            if (map.TryGetValue(header.Key, out var existing))
            {
                var merged = new string[existing.Count + values.Length];
                for (int j = 0; j < existing.Count; j++)
                {
                    merged[j] = existing[j];
                }
                values.CopyTo(merged, existing.Count);
                values = merged;
            }
            map[header.Key] = values;
        }
    }

    private static T Parse<TState, T>(in BufferedResponse response, TState state, BodyParser<TState, T> parser)
    {
        try
        {
            return parser(response.Span, state);
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
    }

    /// <summary>A 2xx response whose body sits in a pooled buffer; dispose exactly once.</summary>
    private readonly struct BufferedResponse
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

        /// <summary>The call's span and metrics, ended on <see cref="Dispose"/> (after the body is parsed).</summary>
        public OperationTelemetry? Telemetry { get; }

        public int Attempts { get; }

        public ReadOnlySpan<byte> Span => new(_buffer, 0, _length);

        public TelnyxRawResponse ToRaw() =>
            new((int)Message.StatusCode, CollectHeaders(Message), Span.ToArray(), Attempts);

        public void Dispose()
        {
            ResponseBuffer.Return(_buffer);
            Message.Dispose();
            Telemetry?.Stop();
        }
    }

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
