using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using Telnyx.Runtime.Primitives;

namespace Telnyx.Runtime;

/// <summary>
/// The span and the metrics of one SDK call, from the first attempt to the parsed result. An instance exists only
/// while something listens (<see cref="Start"/> returns null otherwise), so a call nobody observes pays three
/// flag checks and allocates nothing.
/// </summary>
internal sealed class OperationTelemetry
{
    // Boxed status codes and attempt counts, so tags on the hot path do not box per call.
    private static readonly object?[] s_boxed = new object?[600];
    private static readonly string?[] s_statusText = new string?[600];

    private readonly TelnyxRequest _request;
    private readonly Activity? _activity;
    private readonly long _startTimestamp;
    private int _attempts = 1;
    private int _statusCode;
    private Exception? _error;
    private string? _errorType;
    private bool _stopped;

    private OperationTelemetry(TelnyxRequest request, Activity? activity)
    {
        _request = request;
        _activity = activity;
        _startTimestamp = Stopwatch.GetTimestamp();
    }

    /// <summary>
    /// Starts the call's span (which becomes <see cref="Activity.Current"/> for the caller's async flow, so the
    /// HttpClient spans nest inside it); null when no activity listener and no metric listener is attached.
    /// </summary>
    public static OperationTelemetry? Start(TelnyxRequest request)
    {
        Activity? activity = null;
        if (TelnyxTelemetry.Source.HasListeners())
        {
            activity = TelnyxTelemetry.Source.StartActivity(SpanName(request), ActivityKind.Client);
            if (activity is { IsAllDataRequested: true })
            {
                if (request.OperationId is { } operationId)
                {
                    activity.SetTag(TelnyxTelemetry.OperationIdAttribute, operationId);
                }
                activity.SetTag(TelnyxTelemetry.MethodAttribute, request.Method.Method);
                if (request.RouteTemplate is { } template)
                {
                    activity.SetTag(TelnyxTelemetry.RouteTemplateAttribute, template);
                }
                if (!string.IsNullOrEmpty(request.CommandId))
                {
                    activity.SetTag(TelnyxTelemetry.CommandIdAttribute, request.CommandId);
                }
                if (request.PageNumber is int page)
                {
                    activity.SetTag(TelnyxTelemetry.PageNumberAttribute, Box(page));
                }
            }
        }
        if (activity is null && !TelnyxTelemetry.RequestDuration.Enabled && !TelnyxTelemetry.Retries.Enabled)
        {
            return null;
        }
        return new OperationTelemetry(request, activity);
    }

    /// <summary>Records that <paramref name="attempt"/> failed and will be retried after <paramref name="delay"/>.</summary>
    public void Retry(int attempt, TimeSpan delay, int? statusCode, Exception? failure)
    {
        _attempts = attempt + 1;
        string reason = statusCode is int status ? StatusText(status) : FailureType(failure);
        if (_activity is { IsAllDataRequested: true } activity)
        {
            var tags = new ActivityTagsCollection
            {
                { TelnyxTelemetry.RetryAttemptAttribute, Box(attempt) },
                { TelnyxTelemetry.RetryDelayAttribute, delay.TotalMilliseconds },
            };
            if (statusCode is int code)
            {
                tags.Add(TelnyxTelemetry.StatusCodeAttribute, Box(code));
            }
            else
            {
                tags.Add(TelnyxTelemetry.ErrorTypeAttribute, reason);
            }
            activity.AddEvent(new ActivityEvent(TelnyxTelemetry.RetryEventName, tags: tags));
        }
        if (TelnyxTelemetry.Retries.Enabled)
        {
            var tags = CallTags();
            tags.Add(TelnyxTelemetry.RetryReasonAttribute, reason);
            TelnyxTelemetry.Retries.Add(1, in tags);
        }
    }

    /// <summary>Records the 2xx response of the last attempt; the call ends when the response is disposed.</summary>
    public void Succeeded(int statusCode, int attempts)
    {
        _statusCode = statusCode;
        _attempts = attempts;
    }

    /// <summary>
    /// Records the failure the call ends with (it is thrown to the caller). Returns false, so it can run inside an
    /// exception filter without catching anything.
    /// </summary>
    public bool Failed(Exception exception)
    {
        if (_error is not null)
        {
            return false;
        }
        _error = exception;
        switch (exception)
        {
            case TelnyxApiException api:
                _statusCode = api.StatusCode;
                _errorType = StatusText(api.StatusCode);
                break;
            case TelnyxInvalidResponseException invalid:
                _statusCode = invalid.StatusCode;
                _errorType = exception.GetType().FullName;
                break;
            default:
                _errorType = exception.GetType().FullName;
                break;
        }
        if (exception is TelnyxException { Attempts: > 0 } telnyx)
        {
            _attempts = telnyx.Attempts;
        }
        return false;
    }

    /// <summary><see cref="Failed"/>, then <see cref="Stop"/>; returns false for use in an exception filter.</summary>
    public bool FailedAndStop(Exception exception)
    {
        Failed(exception);
        Stop();
        return false;
    }

    /// <summary>Ends the span and records the duration, once.</summary>
    public void Stop()
    {
        if (_stopped)
        {
            return;
        }
        _stopped = true;
        if (_activity is { } activity)
        {
            if (activity.IsAllDataRequested)
            {
                if (_statusCode != 0)
                {
                    activity.SetTag(TelnyxTelemetry.StatusCodeAttribute, Box(_statusCode));
                }
                activity.SetTag(TelnyxTelemetry.AttemptCountAttribute, Box(_attempts));
                if (_errorType is not null)
                {
                    activity.SetTag(TelnyxTelemetry.ErrorTypeAttribute, _errorType);
                }
            }
            if (_error is not null)
            {
                activity.SetStatus(ActivityStatusCode.Error, _error.Message);
            }
            activity.Stop();
        }
        if (TelnyxTelemetry.RequestDuration.Enabled)
        {
            var tags = CallTags();
            if (_statusCode != 0)
            {
                tags.Add(TelnyxTelemetry.StatusCodeAttribute, Box(_statusCode));
            }
            if (_errorType is not null)
            {
                tags.Add(TelnyxTelemetry.ErrorTypeAttribute, _errorType);
            }
            TelnyxTelemetry.RequestDuration.Record(Stopwatch.GetElapsedTime(_startTimestamp).TotalSeconds, in tags);
        }
    }

    private TagList CallTags()
    {
        var tags = default(TagList);
        if (_request.OperationId is { } operationId)
        {
            tags.Add(TelnyxTelemetry.OperationIdAttribute, operationId);
        }
        tags.Add(TelnyxTelemetry.MethodAttribute, _request.Method.Method);
        return tags;
    }

    private static string SpanName(TelnyxRequest request)
    {
        if (request.OperationId is { } operationId)
        {
            return operationId;
        }
        var method = request.Method;
        // The usual methods get a constant name; only an unusual one builds a string.
        if (method == HttpMethod.Get) return "Telnyx GET";
        if (method == HttpMethod.Post) return "Telnyx POST";
        if (method == HttpMethod.Put) return "Telnyx PUT";
        if (method == HttpMethod.Patch) return "Telnyx PATCH";
        if (method == HttpMethod.Delete) return "Telnyx DELETE";
        return "Telnyx " + method.Method;
    }

    private static string FailureType(Exception? failure) => failure switch
    {
        // An attempt timeout surfaces as a cancellation of the attempt's own token (the caller's is not retried).
        OperationCanceledException => "timeout",
        null => "unknown",
        _ => failure.GetType().FullName ?? failure.GetType().Name,
    };

    private static object Box(int value)
    {
        if ((uint)value >= (uint)s_boxed.Length)
        {
            return value;
        }
        return s_boxed[value] ??= value;
    }

    private static string StatusText(int status)
    {
        if ((uint)status >= (uint)s_statusText.Length)
        {
            return status.ToString(CultureInfo.InvariantCulture);
        }
        return s_statusText[status] ??= status.ToString(CultureInfo.InvariantCulture);
    }
}
