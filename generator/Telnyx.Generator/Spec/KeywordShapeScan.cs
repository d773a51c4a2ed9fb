using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Telnyx.Generator.Diagnostics;
using Telnyx.Generator.Model;

namespace Telnyx.Generator.Spec;

/// <summary>
/// Finds keyword values that Microsoft.OpenApi drops or keeps without a word: an entry of <c>parameters</c> that is not
/// an object, a non-string in <c>required</c>, an <c>enum</c> mixing JSON types, a <c>minimum</c> that is not a number.
/// It rides on the reader pass that validates the JSON, so the document is not read a second time.
/// </summary>
/// <remarks>
/// A key is a keyword only in a keyword object (a schema, an operation, a parameter...). In a name map such as
/// <c>properties</c> or <c>responses</c> the keys are names, so a property called <c>minimum</c> is not a bound; and
/// literal values (<c>example</c>, <c>examples</c>, <c>default</c>, <c>const</c>, <c>x-</c> extensions) are skipped.
/// </remarks>
internal static class KeywordShapeScan
{
    /// <summary>What a key of a keyword object means for its value.</summary>
    private enum KeyRole : byte
    {
        /// <summary>An object value is a keyword object; an array holds keyword objects.</summary>
        Keyword,
        /// <summary>An object value maps names to keyword objects.</summary>
        NameMap,
        /// <summary>Any JSON at all: nothing inside is a keyword.</summary>
        Literal,
        Parameters,
        Required,
        Enum,
        Minimum,
        /// <summary>An array of security requirements: each maps scheme names to scopes.</summary>
        Security,
    }

    private enum FrameKind : byte
    {
        KeywordObject,
        NameMap,
        Array,
    }

    [Flags]
    private enum JsonKinds : byte
    {
        None = 0,
        String = 1,
        Number = 2,
        Boolean = 4,
        Object = 8,
        Array = 16,
    }

    private struct Frame
    {
        public FrameKind Kind;
        /// <summary>For an array: the key that holds it, which says what its entries must be.</summary>
        public KeyRole Role;
        /// <summary>Byte offset of the property name this container is the value of; -1 for the root or an array entry.</summary>
        public int KeyOffset;
        /// <summary>The index of this container in its parent array.</summary>
        public int Index;
        /// <summary>For an array: entries seen so far.</summary>
        public int Count;
        /// <summary>For an <c>enum</c> array: the kinds of its non-null values.</summary>
        public JsonKinds Kinds;
    }

    /// <summary>
    /// Reads the whole document with <paramref name="reader"/> (throwing <see cref="JsonException"/> on invalid JSON)
    /// and adds a TLX0007 for every value found. Pointers are built only for findings, from the stored key offsets.
    /// </summary>
    public static void Scan(ref Utf8JsonReader reader, byte[] utf8, List<PendingDiagnostic> findings)
    {
        var frames = new Frame[32];
        var depth = 0;
        while (reader.Read())
        {
            var token = reader.TokenType;
            if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                ref var closed = ref frames[depth - 1];
                if (closed.Kind == FrameKind.Array && closed.Role == KeyRole.Enum && IsMixed(closed.Kinds))
                {
                    Report(findings, PointerOf(frames, depth, utf8),
                        "'enum' mixes JSON types (" + Describe(closed.Kinds) + "); only an enum of strings becomes a C# enum, so its values are ignored and the schema is typed by its 'type' alone");
                }
                depth--;
                continue;
            }

            // A value: the root, an array entry, or an object member (its name first).
            var keyOffset = -1;
            var index = 0;
            KeyRole role;
            if (token == JsonTokenType.PropertyName)
            {
                keyOffset = (int)reader.TokenStartIndex;
                role = frames[depth - 1].Kind == FrameKind.KeywordObject ? Classify(ref reader) : KeyRole.Keyword;
                reader.Read();
                token = reader.TokenType;
                if (role == KeyRole.Literal)
                {
                    reader.Skip();
                    continue;
                }
                if (role == KeyRole.Minimum && token != JsonTokenType.Number)
                {
                    Report(findings, PointerOf(frames, depth, utf8) + "/minimum", "'minimum' must be a number, not " + DescribeValue(ref reader) + "; the bound is ignored");
                    reader.Skip();
                    continue;
                }
                if (role is KeyRole.Required or KeyRole.Enum && token != JsonTokenType.StartArray)
                {
                    // 'required: true' belongs to a parameter; any other shape is the reader's to report.
                    reader.Skip();
                    continue;
                }
            }
            else if (depth > 0)
            {
                ref var array = ref frames[depth - 1];
                index = array.Count++;
                if (CheckEntry(ref reader, ref array, frames, depth, index, utf8, findings)) continue;
                role = array.Role == KeyRole.Security ? KeyRole.NameMap : KeyRole.Keyword;
            }
            else
            {
                role = KeyRole.Keyword;
            }

            if (token is not (JsonTokenType.StartObject or JsonTokenType.StartArray)) continue;
            if (depth == frames.Length) Array.Resize(ref frames, frames.Length * 2);
            frames[depth++] = new Frame
            {
                Kind = token == JsonTokenType.StartArray ? FrameKind.Array
                    : role is KeyRole.NameMap or KeyRole.Parameters ? FrameKind.NameMap // an object under 'parameters' maps names (components, links)
                    : FrameKind.KeywordObject,
                Role = role,
                KeyOffset = keyOffset,
                Index = index,
            };
        }
    }

    /// <summary>Checks one entry of an array whose key constrains its entries; true when the entry is consumed.</summary>
    private static bool CheckEntry(ref Utf8JsonReader reader, ref Frame array, Frame[] frames, int depth, int index, byte[] utf8, List<PendingDiagnostic> findings)
    {
        var token = reader.TokenType;
        switch (array.Role)
        {
            case KeyRole.Parameters when token != JsonTokenType.StartObject:
                Report(findings, PointerOf(frames, depth, utf8) + "/" + Index(index),
                    "an entry of 'parameters' must be a Parameter Object or a $ref, not " + DescribeValue(ref reader) + "; the generator leaves it out");
                reader.Skip();
                return true;
            case KeyRole.Required:
                if (token != JsonTokenType.String)
                {
                    Report(findings, PointerOf(frames, depth, utf8) + "/" + Index(index),
                        "'required' must list property names as strings; " + DescribeValue(ref reader) + " names no property and is ignored");
                }
                reader.Skip();
                return true;
            case KeyRole.Enum:
                array.Kinds |= token switch
                {
                    JsonTokenType.String => JsonKinds.String,
                    JsonTokenType.Number => JsonKinds.Number,
                    JsonTokenType.True or JsonTokenType.False => JsonKinds.Boolean,
                    JsonTokenType.StartObject => JsonKinds.Object,
                    JsonTokenType.StartArray => JsonKinds.Array,
                    _ => JsonKinds.None, // null is nullability, not a kind of value
                };
                reader.Skip();
                return true;
            default:
                return false;
        }
    }

    private static KeyRole Classify(ref Utf8JsonReader reader)
    {
        // An escaped name is rare: compare its unescaped form.
        ReadOnlySpan<byte> name = reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.GetString() ?? string.Empty) : reader.ValueSpan;
        if (name.Length > 2 && name[0] == (byte)'x' && name[1] == (byte)'-') return KeyRole.Literal;
        switch (name.Length)
        {
            case 4:
                if (name.SequenceEqual("enum"u8)) return KeyRole.Enum;
                break;
            case 5:
                if (name.SequenceEqual("const"u8)) return KeyRole.Literal;
                if (name.SequenceEqual("paths"u8) || name.SequenceEqual("links"u8) || name.SequenceEqual("$defs"u8)) return KeyRole.NameMap;
                break;
            case 6:
                if (name.SequenceEqual("scopes"u8)) return KeyRole.NameMap;
                break;
            case 7:
                if (name.SequenceEqual("minimum"u8)) return KeyRole.Minimum;
                if (name.SequenceEqual("example"u8) || name.SequenceEqual("default"u8)) return KeyRole.Literal;
                if (name.SequenceEqual("schemas"u8) || name.SequenceEqual("headers"u8) || name.SequenceEqual("content"u8) || name.SequenceEqual("mapping"u8)) return KeyRole.NameMap;
                break;
            case 8:
                if (name.SequenceEqual("required"u8)) return KeyRole.Required;
                if (name.SequenceEqual("security"u8)) return KeyRole.Security;
                if (name.SequenceEqual("examples"u8)) return KeyRole.Literal;
                if (name.SequenceEqual("webhooks"u8) || name.SequenceEqual("encoding"u8)) return KeyRole.NameMap;
                break;
            case 9:
                if (name.SequenceEqual("responses"u8) || name.SequenceEqual("callbacks"u8) || name.SequenceEqual("pathItems"u8) || name.SequenceEqual("variables"u8)) return KeyRole.NameMap;
                break;
            case 10:
                if (name.SequenceEqual("parameters"u8)) return KeyRole.Parameters;
                if (name.SequenceEqual("properties"u8)) return KeyRole.NameMap;
                break;
            case 11:
                if (name.SequenceEqual("definitions"u8)) return KeyRole.NameMap;
                break;
            case 13:
                if (name.SequenceEqual("requestBodies"u8)) return KeyRole.NameMap;
                break;
            case 15:
                if (name.SequenceEqual("securitySchemes"u8)) return KeyRole.NameMap;
                break;
            case 16:
                if (name.SequenceEqual("dependentSchemas"u8)) return KeyRole.NameMap;
                break;
            case 17:
                if (name.SequenceEqual("patternProperties"u8) || name.SequenceEqual("dependentRequired"u8)) return KeyRole.NameMap;
                break;
        }
        return KeyRole.Keyword;
    }

    /// <summary>The JSON pointer of the innermost open container (frames[0..depth)).</summary>
    private static string PointerOf(Frame[] frames, int depth, byte[] utf8)
    {
        var pointer = new StringBuilder("#");
        for (var i = 1; i < depth; i++)
        {
            pointer.Append('/');
            pointer.Append(frames[i].KeyOffset >= 0 ? SchemaFacts.EscapePointerSegment(NameAt(utf8, frames[i].KeyOffset)) : Index(frames[i].Index));
        }
        return pointer.ToString();
    }

    private static string NameAt(byte[] utf8, int offset)
    {
        var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(utf8, offset, utf8.Length - offset));
        reader.Read();
        return reader.GetString() ?? string.Empty;
    }

    private static string Index(int index) => index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static bool IsMixed(JsonKinds kinds) => kinds != JsonKinds.None && (kinds & (kinds - 1)) != 0;

    private static string Describe(JsonKinds kinds)
    {
        var names = new List<string>();
        if ((kinds & JsonKinds.String) != 0) names.Add("string");
        if ((kinds & JsonKinds.Number) != 0) names.Add("number");
        if ((kinds & JsonKinds.Boolean) != 0) names.Add("boolean");
        if ((kinds & JsonKinds.Object) != 0) names.Add("object");
        if ((kinds & JsonKinds.Array) != 0) names.Add("array");
        return string.Join(", ", names);
    }

    /// <summary>The value the reader is on, for a message: <c>the number 3</c>, <c>the string "x"</c>, <c>null</c>.</summary>
    private static string DescribeValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                var text = reader.GetString() ?? string.Empty;
                return "the string \"" + (text.Length > 40 ? text.Substring(0, 40) + "…" : text) + "\"";
            case JsonTokenType.Number:
                return "the number " + Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            case JsonTokenType.Null:
                return "null";
            case JsonTokenType.StartObject:
                return "an object";
            default:
                return "an array";
        }
    }

    private static void Report(List<PendingDiagnostic> findings, string pointer, string message)
        => findings.Add(new PendingDiagnostic(DiagnosticDescriptors.ReaderWarning.Id, pointer, new[] { message }.ToEquatableArray()));
}
