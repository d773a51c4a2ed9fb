using System;
using Telnyx.Generator.Modeling;

namespace Telnyx.Generator.Emit;

/// <summary>
/// Emits a <c>sealed record</c> for an object schema, with its reflection-free JSON reader and writer. Each property
/// costs one line in the reader and one in the writer: the per-type logic lives in the runtime's <c>JsonRead</c> and
/// <c>JsonWrite</c> helpers, which keeps the generated code (and the consumer's compile) small.
/// </summary>
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

    /// <summary>What the emitter needs per property, worked out once.</summary>
    private readonly struct Slot
    {
        public Slot(PropertyModel property, Storage storage, int bit, string field)
        {
            Property = property;
            Storage = storage;
            Bit = bit;
            Field = field;
        }

        public PropertyModel Property { get; }
        public Storage Storage { get; }
        /// <summary>The presence bit of a tracked property, else -1.</summary>
        public int Bit { get; }
        public string Field { get; }
    }

    private static readonly string[] Masks = CreateMasks();

    public static void Emit(SourceWriter w, ObjectModel model, string ns)
    {
        var self = model.Name;
        var properties = model.Properties.AsImmutableArray();
        var slots = new Slot[properties.Length];
        var tracked = 0;
        for (var i = 0; i < slots.Length; i++)
        {
            var p = properties[i];
            var storage = model.RequiredIsEnforced && p.IsRequired ? Storage.Required : p.IsNullable ? Storage.Tracked : Storage.Optional;
            slots[i] = new Slot(p, storage, storage == Storage.Tracked ? tracked++ : -1, FieldName(p.Name));
        }
        AvoidFixedFields(slots, tracked);

        w.Doc(model.Doc ?? model.Name);
        w.Begin().Add("[global::System.Text.Json.Serialization.JsonConverter(typeof(").Add(CSharpTypes.Converter).Add('<').Add(self).Add(">))]").End();
        w.Line(CSharpTypes.GeneratedCode);
        w.Begin().Add("public sealed partial record ").Add(self).Add(" : ").Add(CSharpTypes.Model).Add('<').Add(self).Add('>').End();
        using (w.Open())
        {
            for (var word = 0; word * 64 < tracked; word++)
            {
                w.Begin().Add("private ulong _present").Add(word).Add(';').End();
            }
            foreach (var slot in slots)
            {
                // Every field is nullable: the reader may find a required property missing; the getter decides.
                w.Begin().Add("private ").AddName(slot.Property.Type, ns).Add("? ").Add(slot.Field).Add(';').End();
            }
            w.Line("private global::System.Collections.Generic.IReadOnlyDictionary<string, " + CSharpTypes.JsonElement + ">? _additionalProperties;");
            w.Line();

            w.Doc("Creates an empty instance; set the properties with an object initializer.");
            w.Begin().Add("public ").Add(self).Add("() { }").End();
            w.Line();
            // The reader sets whatever the JSON holds; a response missing a required field still reads.
            w.Line("#pragma warning disable CS8618");
            w.Line("[global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers]");
            w.Begin().Add("private ").Add(self).Add("(global::Telnyx.Runtime.Json.JsonReadMarker marker) { }").End();
            w.Line("#pragma warning restore CS8618");

            foreach (var slot in slots)
            {
                w.Line();
                EmitProperty(w, slot, ns);
            }

            w.Line();
            w.Doc("JSON properties this version of the spec does not describe (or values of an unexpected JSON type), kept so they round-trip.");
            w.Begin().Add("public global::System.Collections.Generic.IReadOnlyDictionary<string, ").Add(CSharpTypes.JsonElement).Add(">? ")
                .Add(model.AdditionalPropertiesName).Add(" { get => _additionalProperties; init => _additionalProperties = value; }").End();

            w.Line();
            EmitRead(w, model, slots, ns);
            w.Line();
            EmitPropertyIndex(w, slots);
            w.Line();
            EmitWrite(w, slots, ns);
            w.Line();
            EmitValidate(w, model, slots);
        }
    }

    private static string FieldName(string property) => "_" + char.ToLowerInvariant(property[0]) + property.Substring(1);

    /// <summary>
    /// Property fields are <c>_camelCase</c>, which is one-to-one for the PascalCase property names; only the fixed
    /// fields (<c>_additionalProperties</c>, <c>_present0</c>...) can clash, as a property named
    /// <c>additional_properties</c> or <c>present0</c> would. Such a field takes a suffix no other field has.
    /// </summary>
    private static void AvoidFixedFields(Slot[] slots, int tracked)
    {
        var fixedFields = new System.Collections.Generic.List<string> { "_additionalProperties" };
        for (var word = 0; word * 64 < tracked; word++) fixedFields.Add("_present" + word.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var clash = false;
        foreach (var slot in slots) clash |= fixedFields.Contains(slot.Field);
        if (!clash) return;
        var scope = new Naming.NameScope(fixedFields.ToArray());
        foreach (var slot in slots) scope.TryClaim(slot.Field);
        for (var i = 0; i < slots.Length; i++)
        {
            if (!fixedFields.Contains(slots[i].Field)) continue;
            slots[i] = new Slot(slots[i].Property, slots[i].Storage, slots[i].Bit, scope.Claim(slots[i].Field + "Field"));
        }
    }

    private static void EmitProperty(SourceWriter w, in Slot slot, string ns)
    {
        var p = slot.Property;
        w.Doc(p.IsDeprecated ? (p.Doc ?? p.JsonName) + "\nDeprecated by the API." : p.Doc ?? p.JsonName);
        if (p.Constant is not null) w.Begin().Add("/// <remarks>Always <c>").AddXml(p.Constant).Add("</c>.</remarks>").End();
        if (slot.Storage == Storage.Tracked) w.Line("/// <remarks>Nullable in the API: an explicit <c>null</c> is sent when set to null; never sent when left unset.</remarks>");

        var required = slot.Storage == Storage.Required;
        var forced = required && !p.IsNullable;
        w.Begin().Add(required ? "public required " : "public ").AddName(p.Type, ns);
        if (!forced) w.Add('?');
        w.Add(' ').Add(p.Name).Add(" { get => ").Add(slot.Field);
        // A required field read from a response that omits it yields the type's default rather than a null it promised not to be.
        if (forced) w.Add(p.Type.IsValueType ? ".GetValueOrDefault()" : "!");
        if (slot.Storage == Storage.Tracked)
        {
            w.Add("; init { ").Add(slot.Field).Add(" = value; _present").Add(slot.Bit / 64).Add(" |= ").Add(Masks[slot.Bit % 64]).Add("; } }").End();
        }
        else
        {
            w.Add("; init => ").Add(slot.Field).Add(" = value; }").End();
        }
    }

    private static void EmitRead(SourceWriter w, ObjectModel model, Slot[] slots, string ns)
    {
        var self = model.Name;
        w.Begin().Add("/// <summary>Reads an instance from JSON. Unknown properties, and values of an unexpected JSON type, go to ")
            .Add(model.AdditionalPropertiesName).Add(".</summary>").End();
        w.Begin().Add("public static ").Add(self).Add(" ReadJson(ref ").Add(CSharpTypes.Reader).Add(" reader)").End();
        using (w.Open())
        {
            using (w.Block("if (reader.TokenType != " + CSharpTypes.TokenType + ".StartObject)"))
            {
                w.Begin().Add("throw ").Add(CSharpTypes.JsonRead).Add(".Unexpected(ref reader, ").AddLiteral(self).Add(");").End();
            }
            w.Begin().Add("var result = new ").Add(self).Add("(default(global::Telnyx.Runtime.Json.JsonReadMarker));").End();
            w.Line("global::System.Collections.Generic.Dictionary<string, " + CSharpTypes.JsonElement + ">? extra = null;");
            using (w.Block("while (reader.Read() && reader.TokenType == " + CSharpTypes.TokenType + ".PropertyName)"))
            {
                w.Line("var index = PropertyIndex(ref reader);");
                w.Line("var unknownName = index < 0 ? reader.GetString()! : null;");
                w.Line("reader.Read();");
                using (w.Block("switch (index)"))
                {
                    for (var i = 0; i < slots.Length; i++)
                    {
                        var slot = slots[i];
                        w.Begin().Add("case ").Add(i).Add(": ");
                        if (slot.Bit < 0)
                        {
                            w.AddReadProperty(slot.Property.Type, ns, slot.Field, slot.Property.JsonName).Add("; break;").End();
                        }
                        else
                        {
                            w.Add("if (").AddReadProperty(slot.Property.Type, ns, slot.Field, slot.Property.JsonName)
                                .Add(") result._present").Add(slot.Bit / 64).Add(" |= ").Add(Masks[slot.Bit % 64]).Add("; break;").End();
                        }
                    }
                    w.Begin().Add("default: ").Add(CSharpTypes.JsonRead).Add(".Capture(ref extra, unknownName!, ref reader); break;").End();
                }
            }
            w.Line("result._additionalProperties = extra;");
            w.Line("return result;");
        }
    }

    /// <summary>Maps the UTF-8 property name the reader is on to a property index: a switch on length, then byte compares.</summary>
    private static void EmitPropertyIndex(SourceWriter w, Slot[] slots)
    {
        using (w.Block("private static int PropertyIndex(ref " + CSharpTypes.Reader + " reader)"))
        {
            w.Line("global::System.ReadOnlySpan<byte> name = reader.HasValueSequence || reader.ValueIsEscaped ? " + CSharpTypes.JsonRead + ".UnescapedName(ref reader) : reader.ValueSpan;");
            if (slots.Length > 0)
            {
                // Sorted by (UTF-8 length, property index): each length is one case, properties in spec order within it.
                var keys = new long[slots.Length];
                for (var i = 0; i < slots.Length; i++)
                {
                    keys[i] = ((long)System.Text.Encoding.UTF8.GetByteCount(slots[i].Property.JsonName) << 32) | (uint)i;
                }
                Array.Sort(keys);
                using (w.Block("switch (name.Length)"))
                {
                    for (var k = 0; k < keys.Length; k++)
                    {
                        var length = (int)(keys[k] >> 32);
                        if (k == 0 || length != (int)(keys[k - 1] >> 32))
                        {
                            w.Begin().Add("case ").Add(length).Add(':').End();
                            w.Indent();
                        }
                        var index = (int)(keys[k] & 0xFFFFFFFF);
                        w.Begin().Add("if (global::System.MemoryExtensions.SequenceEqual(name, ").AddUtf8Literal(slots[index].Property.JsonName)
                            .Add(")) return ").Add(index).Add(';').End();
                        if (k == keys.Length - 1 || length != (int)(keys[k + 1] >> 32))
                        {
                            w.Line("break;");
                            w.Unindent();
                        }
                    }
                }
            }
            w.Line("return -1;");
        }
    }

    private static void EmitWrite(SourceWriter w, Slot[] slots, string ns)
    {
        w.Doc("Writes this instance as JSON; optional properties that were never set are left out.");
        using (w.Block("public void WriteJson(" + CSharpTypes.Writer + " writer)"))
        {
            w.Line("writer.WriteStartObject();");
            foreach (var slot in slots)
            {
                w.Begin();
                switch (slot.Storage)
                {
                    case Storage.Tracked:
                        w.Add("if ((_present").Add(slot.Bit / 64).Add(" & ").Add(Masks[slot.Bit % 64]).Add(") != 0) ");
                        break;
                    case Storage.Optional:
                        w.Add("if (").Add(slot.Field).Add(" is not null) ");
                        break;
                }
                w.AddWriteProperty(slot.Property.Type, ns, slot.Property.JsonName, slot.Field).End();
            }
            w.Line(CSharpTypes.JsonRead + ".WriteAdditional(writer, _additionalProperties);");
            w.Line("writer.WriteEndObject();");
        }
    }

    private static void EmitValidate(SourceWriter w, ObjectModel model, Slot[] slots)
    {
        w.DocXml("Throws when a required property holds null (possible through <c>null!</c>), before anything is sent.");
        using (w.Block("internal void ThrowIfInvalid(string parameterName)"))
        {
            foreach (var slot in slots)
            {
                var p = slot.Property;
                if (slot.Storage != Storage.Required || p.IsNullable) continue;
                if (p.Type.Kind == TypeKind.Enum)
                {
                    // default(SomeEnum) wraps no value at all: as good as unset.
                    using (w.Block("if (" + slot.Field + " is null || " + slot.Field + ".Value.Value.Length == 0)"))
                    {
                        w.Line("throw new global::System.ArgumentException(" + SourceWriter.Literal(model.Name + "." + p.Name + " (\"" + p.JsonName + "\") is required and must be set to a value.") + ", parameterName);");
                    }
                    continue;
                }
                if (p.Type.IsValueType) continue;
                using (w.Block("if (" + slot.Field + " is null)"))
                {
                    w.Line("throw new global::System.ArgumentException(" + SourceWriter.Literal(model.Name + "." + p.Name + " (\"" + p.JsonName + "\") is required and must not be null.") + ", parameterName);");
                }
            }
        }
    }

    private static string[] CreateMasks()
    {
        var masks = new string[64];
        for (var bit = 0; bit < 64; bit++)
        {
            masks[bit] = "0x" + (1UL << bit).ToString("X", System.Globalization.CultureInfo.InvariantCulture) + "UL";
        }
        return masks;
    }
}
