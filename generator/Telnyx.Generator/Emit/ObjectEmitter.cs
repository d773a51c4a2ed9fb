using System;
using Telnyx.Generator.Modeling;

namespace Telnyx.Generator.Emit;

/// <summary>
/// Emits an object schema as a <c>sealed partial record</c> in two files: the shape (<see cref="EmitShape"/>: docs and
/// auto-properties, what a person would write) and its reflection-free JSON reader and writer (<see cref="EmitJson"/>).
/// Each property costs one line in the reader and one in the writer: the per-type logic lives in the runtime's
/// <c>JsonRead</c> and <c>JsonWrite</c> helpers, which keeps the generated code (and the consumer's compile) small.
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
        public Slot(PropertyModel property, Storage storage, int bit, string local)
        {
            Property = property;
            Storage = storage;
            Bit = bit;
            Local = local;
        }

        public PropertyModel Property { get; }
        public Storage Storage { get; }
        /// <summary>The presence bit of a tracked property, else -1.</summary>
        public int Bit { get; }
        /// <summary>The reader's local for this property.</summary>
        public string Local { get; }

        /// <summary>Required and not nullable: the type promises a value.</summary>
        public bool Forced => Storage == Storage.Required && !Property.IsNullable;
    }

    /// <summary>The reader's own locals and parameters, and contextual keywords it uses, which no property local may take.</summary>
    private static readonly string[] ReaderNames = { "reader", "extra", "index", "unknownName", "result", "value", "writer", "var", "nameof", "global" };

    private static readonly string[] Masks = CreateMasks();

    /// <summary>The type's declaration, its documentation and its properties; the attributes and interface are on the JSON half.</summary>
    public static void EmitShape(SourceWriter w, ObjectModel model, string ns)
    {
        var slots = Plan(model, out var tracked);
        w.Doc(model.Doc ?? model.Name);
        w.Begin().Add("public sealed partial record ").Add(model.Name).End();
        using (w.Open())
        {
            // Presence words: property names are PascalCase (or start "_" and a digit), so "_present0" never clashes.
            for (var word = 0; word * 64 < tracked; word++)
            {
                w.Begin().Add("private ulong _present").Add(word).Add(';').End();
            }
            var first = tracked == 0;
            foreach (var slot in slots)
            {
                if (!first) w.Line();
                first = false;
                EmitProperty(w, slot, ns);
            }

            if (!first) w.Line();
            w.Doc("JSON properties this version of the spec does not describe (or values of an unexpected JSON type), kept so they round-trip.");
            w.Begin().Add("public global::System.Collections.Generic.IReadOnlyDictionary<string, ").Add(CSharpTypes.JsonElement).Add(">? ")
                .Add(model.AdditionalPropertiesName).Add(" { get; init; }").End();

            if (Validates(model))
            {
                w.Line();
                EmitValidate(w, model, slots);
            }
        }
    }

    /// <summary>The serialization half: converter attribute, <c>ITelnyxJsonModel&lt;T&gt;</c>, wire-name table, reader, writer.</summary>
    public static void EmitJson(SourceWriter w, ObjectModel model, string ns)
    {
        var self = model.Name;
        var slots = Plan(model, out var tracked);
        w.Begin().Add("[global::System.Text.Json.Serialization.JsonConverter(typeof(").Add(CSharpTypes.Converter).Add('<').Add(self).Add(">))]").End();
        w.Line(CSharpTypes.GeneratedCode);
        w.Begin().Add("partial record ").Add(self).Add(" : ").Add(CSharpTypes.Model).Add('<').Add(self).Add('>').End();
        using (w.Open())
        {
            EmitNames(w, slots);
            w.Line();
            EmitRead(w, model, slots, tracked, ns);
            w.Line();
            EmitWrite(w, model, slots, ns);
        }
    }

    /// <summary>
    /// True when <c>ThrowIfInvalid</c> checks something: a required, non-nullable property whose type can hold
    /// "nothing" (a reference set to <c>null!</c>, or an enum's default). Only those types emit it, and only their
    /// call sites call it.
    /// </summary>
    public static bool Validates(ObjectModel model)
    {
        if (!model.RequiredIsEnforced) return false;
        foreach (var p in model.Properties)
        {
            if (p.IsRequired && !p.IsNullable && (p.Type.Kind == TypeKind.Enum || !p.Type.IsValueType)) return true;
        }
        return false;
    }

    private static Slot[] Plan(ObjectModel model, out int tracked)
    {
        var properties = model.Properties.AsImmutableArray();
        var slots = new Slot[properties.Length];
        var locals = new Naming.NameScope(ReaderNames);
        for (var word = 0; word * 64 < properties.Length; word++) locals.TryClaim("present" + word.ToString(System.Globalization.CultureInfo.InvariantCulture));
        tracked = 0;
        for (var i = 0; i < slots.Length; i++)
        {
            var p = properties[i];
            var storage = model.RequiredIsEnforced && p.IsRequired ? Storage.Required : p.IsNullable ? Storage.Tracked : Storage.Optional;
            slots[i] = new Slot(p, storage, storage == Storage.Tracked ? tracked++ : -1, LocalName(locals, p.Name));
        }
        return slots;
    }

    /// <summary>The property's name with a lower-case first letter (one-to-one on PascalCase names), escaped when a keyword.</summary>
    private static string LocalName(Naming.NameScope locals, string property)
    {
        var camel = locals.Claim(char.ToLowerInvariant(property[0]) + property.Substring(1));
        return Naming.Identifiers.IsIdentifier(camel) ? camel : "@" + camel;
    }

    private static void EmitProperty(SourceWriter w, in Slot slot, string ns)
    {
        var p = slot.Property;
        w.Doc(p.IsDeprecated ? (p.Doc ?? p.JsonName) + "\nDeprecated by the API." : p.Doc ?? p.JsonName);
        if (p.Constant is not null) w.Begin().Add("/// <remarks>Always <c>").AddXml(p.Constant).Add("</c>.</remarks>").End();
        if (slot.Storage == Storage.Tracked) w.Line("/// <remarks>Nullable in the API: an explicit <c>null</c> is sent when set to null; never sent when left unset.</remarks>");

        w.Begin().Add(slot.Storage == Storage.Required ? "public required " : "public ").AddName(p.Type, ns);
        if (!slot.Forced) w.Add('?');
        w.Add(' ').Add(p.Name);
        if (slot.Storage == Storage.Tracked)
        {
            w.Add(" { get; init { field = value; _present").Add(slot.Bit / 64).Add(" |= ").Add(Masks[slot.Bit % 64]).Add("; } }").End();
        }
        else
        {
            w.Add(" { get; init; }").End();
        }
    }

    /// <summary>
    /// Reads every property into a local, then builds the record with an object initializer. A response that omits a
    /// required property still reads: the property gets its type's default (null for a reference), as it always did.
    /// </summary>
    private static void EmitRead(SourceWriter w, ObjectModel model, Slot[] slots, int tracked, string ns)
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
            foreach (var slot in slots)
            {
                w.Begin().AddName(slot.Property.Type, ns).Add("? ").Add(slot.Local).Add(" = null;").End();
            }
            for (var word = 0; word * 64 < tracked; word++)
            {
                w.Begin().Add("ulong present").Add(word).Add(" = 0;").End();
            }
            w.Line("global::System.Collections.Generic.Dictionary<string, " + CSharpTypes.JsonElement + ">? extra = null;");
            using (w.Block("while (reader.Read() && reader.TokenType == " + CSharpTypes.TokenType + ".PropertyName)"))
            {
                w.Line("var index = s_names.IndexOf(ref reader);");
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
                            w.AddReadProperty(slot.Property.Type, ns, slot.Local, slot.Property.JsonName, slot.Property.Constant).Add("; break;").End();
                        }
                        else
                        {
                            w.Add("if (").AddReadProperty(slot.Property.Type, ns, slot.Local, slot.Property.JsonName, slot.Property.Constant)
                                .Add(") present").Add(slot.Bit / 64).Add(" |= ").Add(Masks[slot.Bit % 64]).Add("; break;").End();
                        }
                    }
                    w.Begin().Add("default: ").Add(CSharpTypes.JsonRead).Add(".Capture(ref extra, unknownName!, ref reader); break;").End();
                }
            }
            w.Begin().Add(tracked == 0 ? "return new " : "var result = new ").Add(self).End();
            using (w.Open("};"))
            {
                foreach (var slot in slots)
                {
                    w.Begin().Add(slot.Property.Name).Add(" = ").Add(slot.Local);
                    // A required property the JSON left out gets its type's default rather than a null it promised not to be.
                    if (slot.Forced) w.Add(slot.Property.Type.IsValueType ? ".GetValueOrDefault()" : "!");
                    w.Add(',').End();
                }
                w.Begin().Add(model.AdditionalPropertiesName).Add(" = extra,").End();
            }
            if (tracked == 0) return;
            // The initializer marked every tracked property present; only those the JSON held are.
            for (var word = 0; word * 64 < tracked; word++)
            {
                w.Begin().Add("result._present").Add(word).Add(" = present").Add(word).Add(';').End();
            }
            w.Line("return result;");
        }
    }

    /// <summary>
    /// The model's wire names in property order, built once into the runtime's lookup table, so the reader's
    /// <c>switch (index)</c> needs no per-model name-matching code.
    /// </summary>
    private static void EmitNames(SourceWriter w, Slot[] slots)
    {
        w.Begin().Add("private static readonly ").Add(CSharpTypes.PropertyNames).Add(" s_names = new(");
        for (var i = 0; i < slots.Length; i++)
        {
            if (i > 0) w.Add(", ");
            w.AddLiteral(slots[i].Property.JsonName);
        }
        w.Add(");").End();
    }

    private static void EmitWrite(SourceWriter w, ObjectModel model, Slot[] slots, string ns)
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
                        w.Add("if (").Add(slot.Property.Name).Add(" is not null) ");
                        break;
                }
                w.AddWriteProperty(slot.Property.Type, ns, slot.Property.JsonName, slot.Property.Name).End();
            }
            w.Line(CSharpTypes.JsonRead + ".WriteAdditional(writer, " + model.AdditionalPropertiesName + ");");
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
                if (!slot.Forced) continue;
                if (p.Type.Kind == TypeKind.Enum)
                {
                    // default(SomeEnum) wraps no value at all: as good as unset.
                    using (w.Block("if (" + p.Name + ".Value.Length == 0)"))
                    {
                        w.Line("throw new global::System.ArgumentException(" + SourceWriter.Literal(model.Name + "." + p.Name + " (\"" + p.JsonName + "\") is required and must be set to a value.") + ", parameterName);");
                    }
                    continue;
                }
                if (p.Type.IsValueType) continue;
                using (w.Block("if (" + p.Name + " is null)"))
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
