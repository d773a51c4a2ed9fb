using Telnyx.Generator.Modeling;

namespace Telnyx.Generator.Emit;

/// <summary>
/// Emits an open enum: a string-backed struct with the known values as static members. A value the spec does not
/// list (a newer server) is kept and round-trips instead of failing the response.
/// </summary>
internal static class EnumEmitter
{
    public static void Emit(SourceWriter w, EnumModel model)
    {
        var self = model.Name;
        w.Doc(model.Doc ?? model.Name);
        w.Begin().Add("/// <remarks>Known values: ");
        for (var i = 0; i < model.Members.Count; i++)
        {
            w.Add(i == 0 ? "\"" : ", \"").AddXml(model.Members[i].Value).Add('"');
        }
        w.Add(". Other values are kept as they are.</remarks>").End();
        w.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + CSharpTypes.Converter + "<" + self + ">))]");
        w.Line(CSharpTypes.GeneratedCode);
        using (w.Block("public readonly partial struct " + self + " : global::System.IEquatable<" + self + ">, " + CSharpTypes.Model + "<" + self + ">"))
        {
            w.Line("private readonly string? _value;");
            w.Line();
            w.Doc("Wraps any value, known or not.");
            using (w.Block("public " + self + "(string value)"))
            {
                w.Line("global::System.ArgumentNullException.ThrowIfNull(value);");
                w.Line("_value = value;");
            }
            foreach (var member in model.Members)
            {
                w.Line();
                w.Begin().Add("/// <summary>The value <c>").AddXml(member.Value).Add("</c>.</summary>").End();
                w.Begin().Add("public static ").Add(self).Add(' ').Add(member.Name).Add(" { get; } = new(").AddLiteral(member.Value).Add(");").End();
            }
            w.Line();
            w.Doc("The wire value.");
            w.Line("public string Value => _value ?? string.Empty;");
            w.Line();
            w.Doc("True when the value is one the spec lists.");
            if (model.Members.Count == 0)
            {
                w.Line("public bool IsKnown => false;");
            }
            else
            {
                w.Begin().Add("public bool IsKnown => Value is ");
                for (var i = 0; i < model.Members.Count; i++)
                {
                    if (i > 0) w.Add(" or ");
                    w.AddLiteral(model.Members[i].Value);
                }
                w.Add(';').End();
            }
            w.Line();
            w.Doc("Converts a wire value.");
            w.Line("public static implicit operator " + self + "(string value) => new(value);");
            w.Line();
            w.Doc("Compares wire values (ordinal).");
            w.Line("public static bool operator ==(" + self + " left, " + self + " right) => left.Equals(right);");
            w.Line();
            w.Doc("Compares wire values (ordinal).");
            w.Line("public static bool operator !=(" + self + " left, " + self + " right) => !left.Equals(right);");
            w.Line();
            w.Line("/// <inheritdoc />");
            w.Line("public bool Equals(" + self + " other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
            w.Line();
            w.Line("/// <inheritdoc />");
            w.Line("public override bool Equals(object? obj) => obj is " + self + " other && Equals(other);");
            w.Line();
            w.Line("/// <inheritdoc />");
            w.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
            w.Line();
            w.Line("/// <inheritdoc />");
            w.Line("public override string ToString() => Value;");
            w.Line();
            w.Doc("Reads a JSON string; known values reuse their cached instance.");
            using (w.Block("public static " + self + " ReadJson(ref " + CSharpTypes.Reader + " reader)"))
            {
                using (w.Block("if (reader.TokenType != " + CSharpTypes.TokenType + ".String)"))
                {
                    w.Line("throw " + CSharpTypes.JsonRead + ".Unexpected(ref reader, " + SourceWriter.Literal(self) + ");");
                }
                foreach (var member in model.Members)
                {
                    w.Begin().Add("if (reader.ValueTextEquals(").AddUtf8Literal(member.Value).Add(")) return ").Add(member.Name).Add(';').End();
                }
                w.Line("return new " + self + "(reader.GetString()!);");
            }
            w.Line();
            w.Doc("Writes the wire value.");
            w.Line("public void WriteJson(" + CSharpTypes.Writer + " writer) => writer.WriteStringValue(Value);");
        }
    }
}
