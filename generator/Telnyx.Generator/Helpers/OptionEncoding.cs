using System;
using System.Text;

namespace Telnyx.Generator.Helpers;

/// <summary>
/// Option values as the build props write them. The analyzer config file MSBuild writes drops everything after
/// <c>;</c> or <c>#</c> in a value as a comment, so build/Telnyx.Generated.props writes TelnyxInclude as
/// <see cref="Marker"/> + base64 of its UTF-8. A value without the marker (a hand-written analyzer config) is
/// taken as it is; a marked value that is not valid base64 is also kept as it is, so the selector that results
/// matches nothing and is reported (TLX0010) instead of vanishing.
/// </summary>
internal static class OptionEncoding
{
    /// <summary>Keep in step with <c>_TelnyxEncodedMarker</c> in build/Telnyx.Generated.props.</summary>
    public const string Marker = "telnyx-base64:";

    public static string Decode(string value)
    {
        if (!value.StartsWith(Marker, StringComparison.Ordinal)) return value;
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(value.Substring(Marker.Length)));
        }
        catch (FormatException)
        {
            return value;
        }
    }
}
