using System.Text.Json;

namespace Telnyx.Runtime.Primitives;

/// <summary>
/// Implemented by every generated model, enum and union: reflection-free JSON reading and writing.
/// </summary>
/// <remarks>
/// System.Text.Json's own source generator cannot see code that another generator emits, so the Telnyx
/// generator writes the serialization itself and exposes it through this interface.
/// </remarks>
/// <typeparam name="TSelf">The implementing type.</typeparam>
public interface ITelnyxJsonModel<TSelf> where TSelf : ITelnyxJsonModel<TSelf>
{
    /// <summary>Reads one value; the reader is positioned on its first token and is left on its last.</summary>
    /// <exception cref="JsonException">The JSON token cannot start a value of this type.</exception>
    static abstract TSelf ReadJson(ref Utf8JsonReader reader);

    /// <summary>Writes this value.</summary>
    void WriteJson(Utf8JsonWriter writer);
}
