using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Telnyx.Generator.Diagnostics;
using Telnyx.Generator.Helpers;
using Telnyx.Generator.Modeling;

namespace Telnyx.Generator.OpenApi;

/// <summary>
/// Finds keyword values that Microsoft.OpenApi drops or keeps without a word: an entry of <c>parameters</c> that is not
/// an object, a non-string in <c>required</c>, an <c>enum</c> mixing JSON types, a <c>minimum</c> that is not a number,
/// a number or string where a schema, path item or other object belongs (which the reader may also crash on), and the
/// <c>type</c> arrays a 3.0 reader drops. It rides on the reader pass that validates the JSON, so the document is not
/// read a second time.
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
        /// <summary>A schema's <c>type</c>: an array is recorded for 3.0 documents.</summary>
        Type,
        /// <summary>The value must be a schema object (<c>items</c>, <c>not</c>, <c>schema</c>...).</summary>
        Schema,
        /// <summary>The value is a schema object or a boolean (<c>additionalProperties</c>).</summary>
        BoolOrSchema,
        /// <summary>An array of schema objects (<c>allOf</c>, <c>anyOf</c>, <c>oneOf</c>, <c>prefixItems</c>).</summary>
        SchemaList,
        /// <summary>The value must be an object (an operation, a request body).</summary>
        ObjectValue,
        /// <summary>The root's <c>components</c>: an object whose <c>parameters</c> map holds objects.</summary>
        Components,
        /// <summary>The root's <c>openapi</c> version.</summary>
        Version,
        /// <summary>3.0's <c>nullable</c>, which the 3.0 reader loses when the type is an array.</summary>
        Nullable,
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
        /// <summary>For a name map: every value must be an object (schemas, paths, responses; not scopes or link parameters).</summary>
        public bool ObjectValues;
        /// <summary>For a schema: the types of its <c>type</c> array (3.0 documents), and whether it says <c>nullable: true</c>.</summary>
        public Microsoft.OpenApi.JsonSchemaType? TypeArray;
        public bool Nullable;
    }

    /// <summary>
    /// Reads the whole document with <paramref name="reader"/> (throwing <see cref="JsonException"/> on invalid JSON)
    /// and adds a TLX0007 for every value found. Pointers are built only for findings, from the stored key offsets.
    /// </summary>
    public static void Scan(ref Utf8JsonReader reader, byte[] utf8, ScanFindings found)
    {
        var findings = found.Diagnostics;
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
                if (closed.TypeArray is { } types)
                {
                    found.TypeArrays.Add((PointerOf(frames, depth, utf8), closed.Nullable ? types | Microsoft.OpenApi.JsonSchemaType.Null : types));
                }
                depth--;
                continue;
            }

            // A value: the root, an array entry, or an object member (its name first).
            var keyOffset = -1;
            var index = 0;
            var objectEntries = false;
            KeyRole role;
            if (token == JsonTokenType.PropertyName)
            {
                keyOffset = (int)reader.TokenStartIndex;
                ref var parent = ref frames[depth - 1];
                role = parent.Kind == FrameKind.KeywordObject ? Classify(ref reader) : KeyRole.Keyword;
                // An x- key of a name map (paths, responses) is an extension: any JSON.
                var objectValue = parent.Kind == FrameKind.NameMap
                    ? parent.ObjectValues && !reader.ValueSpan.StartsWith("x-"u8)
                    : role is KeyRole.Schema or KeyRole.ObjectValue or KeyRole.Components;
                // Name maps hold objects, except link parameters (any values): components.parameters holds Parameter Objects.
                objectEntries = role == KeyRole.NameMap || role == KeyRole.Parameters && parent.Role == KeyRole.Components;
                reader.Read();
                token = reader.TokenType;
                if (role == KeyRole.Literal)
                {
                    reader.Skip();
                    continue;
                }
                if (role == KeyRole.Version && depth == 1)
                {
                    found.Version = token == JsonTokenType.String ? reader.GetString() : Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
                    continue;
                }
                if (token != JsonTokenType.StartObject && (objectValue || role == KeyRole.BoolOrSchema && token is not (JsonTokenType.True or JsonTokenType.False)))
                {
                    Replace(ref reader, found, PointerOf(frames, depth, utf8) + "/" + SchemaFacts.EscapePointerSegment(NameAt(utf8, keyOffset)));
                    continue;
                }
                if (role == KeyRole.Type && token == JsonTokenType.StartArray)
                {
                    RecordTypeArray(ref reader, found, frames, depth, utf8);
                    continue;
                }
                if (role == KeyRole.Nullable && token == JsonTokenType.True) parent.Nullable = true;
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
                if (CheckEntry(ref reader, ref array, frames, depth, index, utf8, found)) continue;
                if (array.Role == KeyRole.Security)
                {
                    // A security requirement maps scheme names to scope lists: nothing in it is a keyword.
                    reader.Skip();
                    continue;
                }
                role = KeyRole.Keyword;
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
                    : role is KeyRole.NameMap or KeyRole.Parameters ? FrameKind.NameMap // an object under 'parameters' maps names (components)
                    : FrameKind.KeywordObject,
                Role = role,
                KeyOffset = keyOffset,
                Index = index,
                ObjectValues = objectEntries,
            };
        }
    }

    /// <summary>Checks one entry of an array whose key constrains its entries; true when the entry is consumed.</summary>
    private static bool CheckEntry(ref Utf8JsonReader reader, ref Frame array, Frame[] frames, int depth, int index, byte[] utf8, ScanFindings found)
    {
        var findings = found.Diagnostics;
        var token = reader.TokenType;
        switch (array.Role)
        {
            case KeyRole.SchemaList when token != JsonTokenType.StartObject:
                Replace(ref reader, found, PointerOf(frames, depth, utf8) + "/" + Index(index));
                return true;
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
            case 2:
                if (name.SequenceEqual("if"u8)) return KeyRole.Schema;
                break;
            case 3:
                if (name.SequenceEqual("not"u8) || name.SequenceEqual("get"u8) || name.SequenceEqual("put"u8)) return name[0] == (byte)'n' ? KeyRole.Schema : KeyRole.ObjectValue;
                break;
            case 4:
                if (name.SequenceEqual("enum"u8)) return KeyRole.Enum;
                if (name.SequenceEqual("type"u8)) return KeyRole.Type;
                if (name.SequenceEqual("then"u8) || name.SequenceEqual("else"u8)) return KeyRole.Schema;
                if (name.SequenceEqual("post"u8) || name.SequenceEqual("head"u8)) return KeyRole.ObjectValue;
                break;
            case 5:
                // Link objects hold runtime expressions (a requestBody may be a string): nothing there is a keyword.
                if (name.SequenceEqual("const"u8) || name.SequenceEqual("links"u8)) return KeyRole.Literal;
                if (name.SequenceEqual("paths"u8) || name.SequenceEqual("$defs"u8)) return KeyRole.NameMap;
                if (name.SequenceEqual("items"u8)) return KeyRole.Schema;
                if (name.SequenceEqual("allOf"u8) || name.SequenceEqual("anyOf"u8) || name.SequenceEqual("oneOf"u8)) return KeyRole.SchemaList;
                if (name.SequenceEqual("patch"u8) || name.SequenceEqual("trace"u8)) return KeyRole.ObjectValue;
                break;
            case 6:
                // Scope descriptions are strings.
                if (name.SequenceEqual("scopes"u8)) return KeyRole.Literal;
                if (name.SequenceEqual("schema"u8)) return KeyRole.Schema;
                if (name.SequenceEqual("delete"u8)) return KeyRole.ObjectValue;
                break;
            case 7:
                if (name.SequenceEqual("minimum"u8)) return KeyRole.Minimum;
                if (name.SequenceEqual("openapi"u8)) return KeyRole.Version;
                // Discriminator mappings are strings.
                if (name.SequenceEqual("example"u8) || name.SequenceEqual("default"u8) || name.SequenceEqual("mapping"u8)) return KeyRole.Literal;
                if (name.SequenceEqual("schemas"u8) || name.SequenceEqual("headers"u8) || name.SequenceEqual("content"u8)) return KeyRole.NameMap;
                if (name.SequenceEqual("options"u8)) return KeyRole.ObjectValue;
                break;
            case 8:
                if (name.SequenceEqual("required"u8)) return KeyRole.Required;
                if (name.SequenceEqual("security"u8)) return KeyRole.Security;
                if (name.SequenceEqual("examples"u8)) return KeyRole.Literal;
                if (name.SequenceEqual("webhooks"u8) || name.SequenceEqual("encoding"u8)) return KeyRole.NameMap;
                if (name.SequenceEqual("contains"u8)) return KeyRole.Schema;
                if (name.SequenceEqual("nullable"u8)) return KeyRole.Nullable;
                break;
            case 9:
                if (name.SequenceEqual("responses"u8) || name.SequenceEqual("callbacks"u8) || name.SequenceEqual("pathItems"u8) || name.SequenceEqual("variables"u8)) return KeyRole.NameMap;
                break;
            case 10:
                if (name.SequenceEqual("parameters"u8)) return KeyRole.Parameters;
                if (name.SequenceEqual("properties"u8)) return KeyRole.NameMap;
                if (name.SequenceEqual("components"u8)) return KeyRole.Components;
                break;
            case 11:
                if (name.SequenceEqual("definitions"u8) || name.SequenceEqual("prefixItems"u8)) return name[0] == (byte)'d' ? KeyRole.NameMap : KeyRole.SchemaList;
                if (name.SequenceEqual("requestBody"u8)) return KeyRole.ObjectValue;
                break;
            case 13:
                if (name.SequenceEqual("requestBodies"u8)) return KeyRole.NameMap;
                if (name.SequenceEqual("propertyNames"u8)) return KeyRole.Schema;
                break;
            case 15:
                if (name.SequenceEqual("securitySchemes"u8)) return KeyRole.NameMap;
                break;
            case 16:
                if (name.SequenceEqual("dependentSchemas"u8)) return KeyRole.NameMap;
                if (name.SequenceEqual("unevaluatedItems"u8)) return KeyRole.BoolOrSchema;
                break;
            case 17:
                if (name.SequenceEqual("patternProperties"u8)) return KeyRole.NameMap;
                // Lists of property names.
                if (name.SequenceEqual("dependentRequired"u8)) return KeyRole.Literal;
                break;
            case 20:
                if (name.SequenceEqual("additionalProperties"u8)) return KeyRole.BoolOrSchema;
                break;
            case 21:
                if (name.SequenceEqual("unevaluatedProperties"u8)) return KeyRole.BoolOrSchema;
                break;
        }
        return KeyRole.Keyword;
    }

    /// <summary>
    /// A value of the wrong JSON kind where an object belongs: reported, and its span recorded so the OpenAPI reader is
    /// handed <c>{}</c> instead (it throws on some of these and silently drops others).
    /// </summary>
    private static void Replace(ref Utf8JsonReader reader, ScanFindings found, string pointer)
    {
        var start = (int)reader.TokenStartIndex;
        var value = DescribeValue(ref reader);
        reader.Skip();
        found.Replacements.Add((start, (int)reader.BytesConsumed));
        Report(found.Diagnostics, pointer, "this must be a JSON object, not " + value + "; the generator reads it as {} (for a schema: any JSON value, typed JsonElement)");
    }

    /// <summary>
    /// A <c>type</c> array. While the document may be 3.0 it is recorded: Microsoft.OpenApi's 3.0 reader drops it with an
    /// error, the generator reads it as 3.1 would. Names that are not JSON Schema types are reported and left out (the
    /// 3.1 reader drops them without a word).
    /// </summary>
    private static void RecordTypeArray(ref Utf8JsonReader reader, ScanFindings found, Frame[] frames, int depth, byte[] utf8)
    {
        var types = (Microsoft.OpenApi.JsonSchemaType)0;
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var type = reader.TokenType == JsonTokenType.String ? TypeNamed(reader.GetString()) : null;
            if (type is { } known)
            {
                types |= known;
            }
            else
            {
                Report(found.Diagnostics, PointerOf(frames, depth, utf8) + "/type/" + Index(index), "'type' lists " + DescribeValue(ref reader) + ", which is not a JSON Schema type; it is ignored");
            }
            reader.Skip();
            index++;
        }
        // Recorded when the schema closes, with its nullable; a 3.1 reader keeps the array itself.
        if (found.Version is null || found.IsOpenApi30) frames[depth - 1].TypeArray = types;
    }

    private static Microsoft.OpenApi.JsonSchemaType? TypeNamed(string? name) => name switch
    {
        "null" => Microsoft.OpenApi.JsonSchemaType.Null,
        "boolean" => Microsoft.OpenApi.JsonSchemaType.Boolean,
        "integer" => Microsoft.OpenApi.JsonSchemaType.Integer,
        "number" => Microsoft.OpenApi.JsonSchemaType.Number,
        "string" => Microsoft.OpenApi.JsonSchemaType.String,
        "object" => Microsoft.OpenApi.JsonSchemaType.Object,
        "array" => Microsoft.OpenApi.JsonSchemaType.Array,
        _ => null,
    };

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
