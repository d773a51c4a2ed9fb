using System.Globalization;
using System.Linq;
using Telnyx.Generator.Modeling;

namespace Telnyx.Generator.Emit;

/// <summary>
/// Emits a union for <c>oneOf</c>/<c>anyOf</c>: a sealed class holding exactly one case, with implicit conversions
/// from each case type and an unknown case that keeps JSON no case accepts.
/// </summary>
internal static class UnionEmitter
{
    public static void Emit(SourceWriter w, UnionModel model, string ns)
    {
        var self = model.Name;
        var cases = model.Cases.AsImmutableArray();
        w.Doc(model.Doc ?? model.Name);
        w.Line("/// <remarks>One of: " + SourceWriter.EscapeXml(string.Join(", ", cases.Select(c => c.Name))) + ". JSON that matches none is kept in <see cref=\"Raw\"/>.</remarks>");
        w.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + CSharpTypes.Converter + "<" + self + ">))]");
        w.Line(CSharpTypes.GeneratedCode);
        using (w.Block("public sealed partial class " + self + " : global::System.IEquatable<" + self + ">, " + CSharpTypes.Model + "<" + self + ">"))
        {
            w.Line("private readonly object? _value;");
            w.Line("private readonly int _case;");
            w.Line();
            using (w.Block("private " + self + "(object? value, int @case)"))
            {
                w.Line("_value = value;");
                w.Line("_case = @case;");
            }

            for (var i = 0; i < cases.Length; i++)
            {
                var c = cases[i];
                var type = CSharpTypes.Name(c.Type, ns);
                var index = (i + 1).ToString(CultureInfo.InvariantCulture);
                w.Line();
                w.Doc("Creates the " + c.Name + " case.");
                w.Line("public static " + self + " From" + c.Name + "(" + type + " value) => new(" + (c.Type.IsValueType ? "value" : "value ?? throw new global::System.ArgumentNullException(nameof(value))") + ", " + index + ");");
                if (c.Type.Kind is not (TypeKind.Array or TypeKind.Map))
                {
                    w.Line();
                    w.Doc("Converts to the " + c.Name + " case.");
                    w.Line("public static implicit operator " + self + "(" + type + " value) => From" + c.Name + "(value);");
                }
                w.Line();
                w.Doc("True when this holds the " + c.Name + " case.");
                w.Line("public bool Is" + c.Name + " => _case == " + index + ";");
                w.Line();
                w.Doc("The " + c.Name + " case, or null when this holds another case.");
                w.Line("public " + type + "? As" + c.Name + " => _case == " + index + " ? (" + type + "?)_value : default;");
            }
            w.Line();
            w.DocXml("True when the JSON matched no known case; <see cref=\"Raw\"/> holds it.");
            w.Line("public bool IsUnknown => _case == 0;");
            w.Line();
            w.Doc("The JSON of an unknown case.");
            w.Line("public " + CSharpTypes.JsonElement + "? Raw => _case == 0 ? (" + CSharpTypes.JsonElement + "?)_value : null;");
            w.Line();
            w.Doc("The value of whichever case this holds.");
            w.Line("public object Value => _value!;");
            w.Line();

            EmitRead(w, model, ns);
            w.Line();
            w.Line("/// <inheritdoc />");
            using (w.Block("public void WriteJson(" + CSharpTypes.Writer + " writer)"))
            {
                using (w.Block("switch (_case)"))
                {
                    for (var i = 0; i < cases.Length; i++)
                    {
                        var type = CSharpTypes.Name(cases[i].Type, ns);
                        w.Line("case " + (i + 1).ToString(CultureInfo.InvariantCulture) + ":");
                        w.Indent();
                        using (w.Open())
                        {
                            w.Line("var value = (" + type + ")_value!;");
                            CSharpTypes.WriteValue(w, cases[i].Type, ns, "value");
                        }
                        w.Line("break;");
                        w.Unindent();
                    }
                    w.Line("default:");
                    w.Indent();
                    w.Line("((" + CSharpTypes.JsonElement + ")_value!).WriteTo(writer);");
                    w.Line("break;");
                    w.Unindent();
                }
            }
            w.Line();
            w.Line("/// <inheritdoc />");
            w.Line("public bool Equals(" + self + "? other) => other is not null && _case == other._case && (_case == 0 ? " + CSharpTypes.JsonRead + ".JsonEquals(_value, other._value) : global::System.Object.Equals(_value, other._value));");
            w.Line();
            w.Line("/// <inheritdoc />");
            w.Line("public override bool Equals(object? obj) => obj is " + self + " other && Equals(other);");
            w.Line();
            w.Line("/// <inheritdoc />");
            w.Line("public override int GetHashCode() => _case == 0 ? 0 : global::System.HashCode.Combine(_case, _value);");
            w.Line();
            w.Line("/// <inheritdoc />");
            w.Line("public override string ToString() => global::System.Convert.ToString(_value, global::System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;");
        }
    }

    private static void EmitRead(SourceWriter w, UnionModel model, string ns)
    {
        var self = model.Name;
        var cases = model.Cases.AsImmutableArray();
        w.Doc("Reads whichever case the JSON matches; JSON that matches none becomes the unknown case.");
        using (w.Block("public static " + self + " ReadJson(ref " + CSharpTypes.Reader + " reader)"))
        {
            if (model.DiscriminatorProperty is { } discriminator && cases.Any(c => c.DiscriminatorValues.Count > 0))
            {
                using (w.Block("if (reader.TokenType == " + CSharpTypes.TokenType + ".StartObject)"))
                {
                    w.Line("var tag = " + CSharpTypes.JsonRead + ".PeekStringProperty(reader, " + SourceWriter.Utf8Literal(discriminator) + ");");
                    using (w.Block("switch (tag)"))
                    {
                        for (var i = 0; i < cases.Length; i++)
                        {
                            if (cases[i].DiscriminatorValues.Count == 0) continue;
                            foreach (var value in cases[i].DiscriminatorValues)
                            {
                                w.Line("case " + SourceWriter.Literal(value) + ":");
                            }
                            w.Indent();
                            EmitTry(w, cases[i], i + 1, ns, "tagged");
                            w.Line("break;");
                            w.Unindent();
                        }
                    }
                    w.Line("return new " + self + "(" + CSharpTypes.JsonElement + ".ParseValue(ref reader), 0);");
                }
            }
            // Without a discriminator, the JSON token picks the case; the first case that reads it wins.
            for (var i = 0; i < cases.Length; i++)
            {
                EmitTry(w, cases[i], i + 1, ns, "case");
            }
            w.Line("return new " + self + "(" + CSharpTypes.JsonElement + ".ParseValue(ref reader), 0);");
        }
    }

    private static void EmitTry(SourceWriter w, UnionCaseModel c, int index, string ns, string prefix)
    {
        var local = prefix + index.ToString(CultureInfo.InvariantCulture);
        // A failed attempt leaves the reader where it was, so the next case (or the unknown case) can read it.
        using (w.Block("if (reader.TokenType != " + CSharpTypes.TokenType + ".Null && " + CSharpTypes.TryRead(c.Type, ns, "var " + local) + ")"))
        {
            w.Line("return new(" + local + ", " + index.ToString(CultureInfo.InvariantCulture) + ");");
        }
    }
}
