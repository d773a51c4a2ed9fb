using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace Telnyx.Runtime.Primitives;

/// <summary>
/// Query parameters whose value is structured: OpenAPI <c>style: deepObject</c> (<c>filter[name]=x</c>,
/// <c>filter[outbound][voice_profile_id]=y</c>, arrays repeated), or the JSON text for other styles.
/// The value goes through its generated JSON writer, so the query uses the same field names as the body would.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DeepObjectQuery
{
    /// <summary>Adds a generated model as a deepObject parameter.</summary>
    public static void Add<T>(TelnyxRequest request, string name, T? value) where T : ITelnyxJsonModel<T>
    {
        ArgumentNullException.ThrowIfNull(request);
        if (value is null) return;
        using var document = JsonDocument.Parse(TelnyxJson.SerializeToUtf8Bytes(value));
        AddElement(request, name, document.RootElement);
    }

    /// <summary>Adds a generated model (nullable value type) as a deepObject parameter.</summary>
    public static void Add<T>(TelnyxRequest request, string name, T? value) where T : struct, ITelnyxJsonModel<T>
    {
        if (value is { } v) Add<T>(request, name, v);
    }

    /// <summary>Adds raw JSON as a deepObject parameter.</summary>
    public static void Add(TelnyxRequest request, string name, JsonElement? value)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (value is { } v) AddElement(request, name, v);
    }

    /// <summary>Adds a dictionary as a deepObject parameter.</summary>
    public static void Add(TelnyxRequest request, string name, IReadOnlyDictionary<string, string>? value)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (value is null) return;
        foreach (var pair in value) request.AddQuery(name + "[" + pair.Key + "]", pair.Value);
    }

    /// <summary>Adds a list as repeated values.</summary>
    public static void Add(TelnyxRequest request, string name, IReadOnlyList<string>? value)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (value is not null) request.AddQuery(name, value);
    }

    /// <summary>Adds a generated model as one parameter holding its JSON text.</summary>
    public static void AddJson<T>(TelnyxRequest request, string name, T? value) where T : ITelnyxJsonModel<T>
    {
        ArgumentNullException.ThrowIfNull(request);
        if (value is null) return;
        request.AddQuery(name, TelnyxJson.Serialize(value));
    }

    /// <summary>Adds raw JSON as one parameter holding its JSON text (a string value is sent unquoted).</summary>
    public static void AddJson(TelnyxRequest request, string name, JsonElement? value)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (value is not { } v) return;
        request.AddQuery(name, v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText());
    }

    /// <summary>Adds a dictionary as one parameter per key.</summary>
    public static void AddJson(TelnyxRequest request, string name, IReadOnlyDictionary<string, string>? value) => Add(request, name, value);

    /// <summary>Adds a list as repeated values.</summary>
    public static void AddJson(TelnyxRequest request, string name, IReadOnlyList<string>? value) => Add(request, name, value);

    /// <summary>Adds a list of scalars as repeated values, formatted with the invariant culture.</summary>
    public static void AddValues<T>(TelnyxRequest request, string name, IReadOnlyList<T>? values)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (values is null) return;
        foreach (var value in values)
        {
            request.AddQuery(name, value switch
            {
                null => null,
                bool b => b ? "true" : "false",
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            });
        }
    }

    private static void AddElement(TelnyxRequest request, string prefix, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    AddElement(request, prefix + "[" + property.Name + "]", property.Value);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    AddElement(request, prefix, item);
                }
                break;
            case JsonValueKind.String:
                request.AddQuery(prefix, element.GetString());
                break;
            case JsonValueKind.True:
            case JsonValueKind.False:
                request.AddQuery(prefix, element.GetBoolean());
                break;
            case JsonValueKind.Number:
                request.AddQuery(prefix, element.GetRawText());
                break;
            default:
                break; // null and undefined add nothing
        }
    }
}
