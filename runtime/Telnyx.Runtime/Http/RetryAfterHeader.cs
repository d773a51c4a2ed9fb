using System;
using System.Globalization;
using System.Net.Http.Headers;

namespace Telnyx.Runtime.Primitives;

/// <summary>Reads the server-requested retry wait from <c>retry-after-ms</c> / <c>Retry-After</c>.</summary>
internal static class RetryAfterHeader
{
    /// <summary>
    /// The wait a response asks for: <c>retry-after-ms</c> (milliseconds) wins over <c>Retry-After</c> (seconds or an
    /// HTTP date, relative to the <see cref="TimeProvider"/>'s now). Uncapped; null when absent or unreadable.
    /// </summary>
    public static TimeSpan? Read(HttpHeadersNonValidated headers, TimeProvider timeProvider)
    {
        if (headers.TryGetValues("retry-after-ms", out var msValues))
        {
            foreach (string value in msValues)
            {
                if (double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double ms) && double.IsFinite(ms))
                {
                    return TimeSpan.FromMilliseconds(Math.Clamp(ms, 0, 1e12));
                }
            }
        }
        if (headers.TryGetValues("Retry-After", out var values))
        {
            foreach (string raw in values)
            {
                string value = raw.Trim();
                if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && double.IsFinite(seconds))
                {
                    return TimeSpan.FromSeconds(Math.Clamp(seconds, 0, 1e9));
                }
                if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
                    || DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date))
                {
                    var wait = date - timeProvider.GetUtcNow();
                    return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
                }
            }
        }
        return null;
    }
}
