using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Telnyx.Generator.Model;

namespace Telnyx.Generator.Emit;

/// <summary>Emits a <c>sealed record</c> for an object schema, with its reflection-free JSON reader and writer.</summary>
internal static class ObjectEmitter
{
    private enum Storage
    {
        /// <summary>C# <c>required</c>; always written.</summary>
        Required,
        /// <summary>The spec allows null: a presence bit keeps "unset" and "null" apart.</summary>
        Tracked,
        /// <summary>Written only when not null.</summary>
        Optional,
    }

    public static void Emit(SourceWriter w, ObjectModel model, string ns)
    {
        var self = model.Name;
        var properties = model.Properties.AsImmutableArray();
        var storage = properties.Select(p => StorageOf(model, p)).ToList();
        var bits = new Dictionary<int, int>();
        for (var i = 0; i < properties.Length; i++)
        {
            if (storage[i] == Storage.Tracked) bits[i] = bits.Count;
        }

        w.Doc(model.Doc ?? model.Name);
        w.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + CSharpTypes.Converter + "<" + self + ">))]");
        w.Line(CSharpTypes.GeneratedCode);
        using (w.Block("public sealed partial record " + self + " : " + CSharpTypes.Model + "<" + self + ">"))
        {
            for (var word = 0; word * 64 < bits.Count; word++)
            {
                w.Line("private ulong _present" + word + ";");
            }
            for (var i = 0; i < properties.Length; i++)
            {
                var fieldType = FieldType(properties[i], storage[i], ns);
                w.Line("private " + fieldType + " " + Field(properties[i]) + (fieldType.EndsWith("?", System.StringComparison.Ordinal) ? ";" : " = null!;"));
            }
            w.Line("private global::System.Collections.Generic.IReadOnlyDictionary<string, " + CSharpTypes.JsonElement + ">? _additionalProperties;");
            w.Line();

            w.Doc("Creates an empty instance; set the properties with an object initializer.");
            w.Line("public " + self + "()");
            w.Line("{");
            w.Line("}");
            w.Line();
            // The reader sets whatever the JSON holds; a response missing a required field still reads.
            w.Line("#pragma warning disable CS8618");
            w.Line("[global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers]");
            w.Line("private " + self + "(global::Telnyx.Runtime.Json.JsonReadMarker marker)");
            w.Line("{");
            w.Line("}");
            w.Line("#pragma warning restore CS8618");

            for (var i = 0; i < properties.Length; i++)
            {
                w.Line();
                EmitProperty(w, properties[i], storage[i], bits.TryGetValue(i, out var bit) ? bit : -1, ns);
            }

            w.Line();
            w.Doc("JSON properties this version of the spec does not describe (or values of an unexpected JSON type), kept so they round-trip.");
            w.Line("public global::System.Collections.Generic.IReadOnlyDictionary<string, " + CSharpTypes.JsonElement + ">? " + model.AdditionalPropertiesName);
            w.Line("{");
            w.Indent();
            w.Line("get => _additionalProperties;");
            w.Line("init => _additionalProperties = value;");
            w.Unindent();
            w.Line("}");

            w.Line();
            EmitRead(w, model, properties, storage, bits, ns);
            w.Line();
            EmitWrite(w, properties, storage, bits, ns);
            w.Line();
            EmitValidate(w, model, properties, storage);
        }
    }

    private static Storage StorageOf(ObjectModel model, PropertyModel p)
    {
        if (model.RequiredIsEnforced && p.IsRequired) return Storage.Required;
        return p.IsNullable ? Storage.Tracked : Storage.Optional;
    }

    private static string Field(PropertyModel p) => "_" + char.ToLowerInvariant(p.Name[0]) + p.Name.Substring(1);

    private static string PropertyType(PropertyModel p, Storage storage, string ns)
    {
        var type = CSharpTypes.Name(p.Type, ns);
        return storage == Storage.Required && !p.IsNullable ? type : type + "?";
    }

    private static string FieldType(PropertyModel p, Storage storage, string ns)
    {
        var type = CSharpTypes.Name(p.Type, ns);
        return storage == Storage.Required && !p.IsNullable && !p.Type.IsValueType ? type : type + "?";
    }

    private static void EmitProperty(SourceWriter w, PropertyModel p, Storage storage, int bit, string ns)
    {
        var doc = p.Doc ?? p.JsonName;
        if (p.IsDeprecated) doc += "\nDeprecated by the API.";
        w.Doc(doc);
        if (p.Constant is not null) w.Line("/// <remarks>Always <c>" + SourceWriter.EscapeXml(p.Constant) + "</c>.</remarks>");
        if (storage == Storage.Tracked) w.Line("/// <remarks>Nullable in the API: an explicit <c>null</c> is sent when set to null; never sent when left unset.</remarks>");
        var required = storage == Storage.Required ? "required " : "";
        var field = Field(p);
        var type = PropertyType(p, storage, ns);
        // A required value-type field is stored nullable so a response that omits it reads as the default.
        var getter = storage == Storage.Required && !p.IsNullable && p.Type.IsValueType ? field + ".GetValueOrDefault()" : field;
        var setter = storage == Storage.Tracked
            ? "{ " + field + " = value; _present" + (bit / 64) + " |= " + Mask(bit) + "; }"
            : field + " = value;";
        w.Line("public " + required + type + " " + p.Name);
        w.Line("{");
        w.Indent();
        w.Line("get => " + getter + ";");
        w.Line(storage == Storage.Tracked ? "init " + setter : "init => " + setter);
        w.Unindent();
        w.Line("}");
    }

    private static string Mask(int bit) => "0x" + (1UL << (bit % 64)).ToString("X", CultureInfo.InvariantCulture) + "UL";

    private static void EmitRead(SourceWriter w, ObjectModel model, IReadOnlyList<PropertyModel> properties, List<Storage> storage, Dictionary<int, int> bits, string ns)
    {
        var self = model.Name;
        w.Doc("Reads an instance from JSON. Unknown properties, and values of an unexpected JSON type, go to " + model.AdditionalPropertiesName + ".");
        using (w.Block("public static " + self + " ReadJson(ref " + CSharpTypes.Reader + " reader)"))
        {
            using (w.Block("if (reader.TokenType != " + CSharpTypes.TokenType + ".StartObject)"))
            {
                w.Line("throw " + CSharpTypes.JsonRead + ".Unexpected(ref reader, " + SourceWriter.Literal(self) + ");");
            }
            w.Line("var result = new " + self + "(default(global::Telnyx.Runtime.Json.JsonReadMarker));");
            w.Line("global::System.Collections.Generic.Dictionary<string, " + CSharpTypes.JsonElement + ">? extra = null;");
            using (w.Block("while (reader.Read() && reader.TokenType == " + CSharpTypes.TokenType + ".PropertyName)"))
            {
                w.Line("var index = PropertyIndex(ref reader);");
                w.Line("var unknownName = index < 0 ? reader.GetString()! : null;");
                w.Line("reader.Read();");
                using (w.Block("switch (index)"))
                {
                    for (var i = 0; i < properties.Count; i++)
                    {
                        var p = properties[i];
                        var field = Field(p);
                        w.Line("case " + i.ToString(CultureInfo.InvariantCulture) + ":");
                        w.Indent();
                        var presence = bits.TryGetValue(i, out var bit) ? " result._present" + (bit / 64) + " |= " + Mask(bit) + ";" : "";
                        using (w.Block("if (reader.TokenType == " + CSharpTypes.TokenType + ".Null)"))
                        {
                            if (presence.Length > 0) w.Line(presence.Trim());
                            w.Line("result." + field + " = default!;");
                        }
                        using (w.Block("else if (" + CSharpTypes.TryRead(p.Type, ns, "var value" + i.ToString(CultureInfo.InvariantCulture)) + ")"))
                        {
                            w.Line("result." + field + " = value" + i.ToString(CultureInfo.InvariantCulture) + ";");
                            if (presence.Length > 0) w.Line(presence.Trim());
                        }
                        using (w.Block("else"))
                        {
                            w.Line(CSharpTypes.JsonRead + ".Capture(ref extra, " + SourceWriter.Literal(p.JsonName) + ", ref reader);");
                        }
                        w.Line("break;");
                        w.Unindent();
                    }
                    w.Line("default:");
                    w.Indent();
                    w.Line(CSharpTypes.JsonRead + ".Capture(ref extra, unknownName!, ref reader);");
                    w.Line("break;");
                    w.Unindent();
                }
            }
            w.Line("result._additionalProperties = extra;");
            w.Line("return result;");
        }

        w.Line();
        using (w.Block("private static int PropertyIndex(ref " + CSharpTypes.Reader + " reader)"))
        {
            w.Line("global::System.ReadOnlySpan<byte> name = reader.HasValueSequence || reader.ValueIsEscaped ? " + CSharpTypes.JsonRead + ".UnescapedName(ref reader) : reader.ValueSpan;");
            var groups = properties.Select((p, i) => (Bytes: System.Text.Encoding.UTF8.GetByteCount(p.JsonName), Index: i, p.JsonName))
                .GroupBy(x => x.Bytes).OrderBy(g => g.Key).ToList();
            if (groups.Count > 0)
            {
                using (w.Block("switch (name.Length)"))
                {
                    foreach (var group in groups)
                    {
                        w.Line("case " + group.Key.ToString(CultureInfo.InvariantCulture) + ":");
                        w.Indent();
                        foreach (var item in group)
                        {
                            w.Line("if (global::System.MemoryExtensions.SequenceEqual(name, " + SourceWriter.Utf8Literal(item.JsonName) + ")) return " + item.Index.ToString(CultureInfo.InvariantCulture) + ";");
                        }
                        w.Line("break;");
                        w.Unindent();
                    }
                }
            }
            w.Line("return -1;");
        }
    }

    private static void EmitWrite(SourceWriter w, IReadOnlyList<PropertyModel> properties, List<Storage> storage, Dictionary<int, int> bits, string ns)
    {
        w.Doc("Writes this instance as JSON; optional properties that were never set are left out.");
        using (w.Block("public void WriteJson(" + CSharpTypes.Writer + " writer)"))
        {
            w.Line("writer.WriteStartObject();");
            for (var i = 0; i < properties.Count; i++)
            {
                var p = properties[i];
                var field = Field(p);
                var name = SourceWriter.Utf8Literal(p.JsonName);
                var value = p.Type.IsValueType ? field + ".Value" : field;
                switch (storage[i])
                {
                    case Storage.Required:
                        w.Line("writer.WritePropertyName(" + name + ");");
                        WriteOrNull(w, p, field, value, ns);
                        break;
                    case Storage.Tracked:
                        var bit = bits[i];
                        using (w.Block("if ((_present" + (bit / 64) + " & " + Mask(bit) + ") != 0)"))
                        {
                            w.Line("writer.WritePropertyName(" + name + ");");
                            WriteOrNull(w, p, field, value, ns);
                        }
                        break;
                    default:
                        using (w.Block("if (" + field + " is not null)"))
                        {
                            w.Line("writer.WritePropertyName(" + name + ");");
                            CSharpTypes.WriteValue(w, p.Type, ns, value);
                        }
                        break;
                }
            }
            w.Line(CSharpTypes.JsonRead + ".WriteAdditional(writer, _additionalProperties);");
            w.Line("writer.WriteEndObject();");
        }
    }

    private static void WriteOrNull(SourceWriter w, PropertyModel p, string field, string value, string ns)
    {
        using (w.Block("if (" + field + " is null)"))
        {
            w.Line("writer.WriteNullValue();");
        }
        using (w.Block("else"))
        {
            CSharpTypes.WriteValue(w, p.Type, ns, value);
        }
    }

    private static void EmitValidate(SourceWriter w, ObjectModel model, IReadOnlyList<PropertyModel> properties, List<Storage> storage)
    {
        w.DocXml("Throws when a required property holds null (possible through <c>null!</c>), before anything is sent.");
        using (w.Block("internal void ThrowIfInvalid(string parameterName)"))
        {
            for (var i = 0; i < properties.Count; i++)
            {
                var p = properties[i];
                if (storage[i] != Storage.Required || p.IsNullable) continue;
                if (p.Type.Kind == TypeKind.Enum)
                {
                    // default(SomeEnum) wraps no value at all: as good as unset.
                    using (w.Block("if (" + Field(p) + " is null || " + Field(p) + ".Value.Value.Length == 0)"))
                    {
                        w.Line("throw new global::System.ArgumentException(" + SourceWriter.Literal(model.Name + "." + p.Name + " (\"" + p.JsonName + "\") is required and must be set to a value.") + ", parameterName);");
                    }
                    continue;
                }
                if (p.Type.IsValueType) continue;
                using (w.Block("if (" + Field(p) + " is null)"))
                {
                    w.Line("throw new global::System.ArgumentException(" + SourceWriter.Literal(model.Name + "." + p.Name + " (\"" + p.JsonName + "\") is required and must not be null.") + ", parameterName);");
                }
            }
        }
    }
}
