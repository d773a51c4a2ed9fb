using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Telnyx.Runtime.Primitives;

/// <summary>
/// Bridges a generated type into System.Text.Json, so that <c>JsonSerializer</c> users (for example ASP.NET
/// Core) can read and write the generated models. The generated types carry it as their <c>[JsonConverter]</c>.
/// </summary>
public sealed class TelnyxJsonConverter<T> : JsonConverter<T> where T : ITelnyxJsonModel<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => T.ReadJson(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => value.WriteJson(writer);
}
