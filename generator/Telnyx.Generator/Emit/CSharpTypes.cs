using Telnyx.Generator.Model;

namespace Telnyx.Generator.Emit;

/// <summary>C# spellings of model types, and the runtime helpers that read them.</summary>
internal static class CSharpTypes
{
    public const string JsonElement = "global::System.Text.Json.JsonElement";
    public const string Reader = "global::System.Text.Json.Utf8JsonReader";
    public const string Writer = "global::System.Text.Json.Utf8JsonWriter";
    public const string TokenType = "global::System.Text.Json.JsonTokenType";
    public const string JsonRead = "global::Telnyx.Runtime.Json.JsonRead";
    public const string Model = "global::Telnyx.Runtime.Json.ITelnyxJsonModel";
    public const string Converter = "global::Telnyx.Runtime.Json.TelnyxJsonConverter";
    public const string GeneratedCode = "[global::System.CodeDom.Compiler.GeneratedCode(\"Telnyx.Generator\", \"0.1.0\")]";

    public static string Name(TypeRef type, string ns) => type.Kind switch
    {
        TypeKind.String => "string",
        TypeKind.Int32 => "int",
        TypeKind.Int64 => "long",
        TypeKind.Double => "double",
        TypeKind.Boolean => "bool",
        TypeKind.DateTimeOffset => "global::System.DateTimeOffset",
        TypeKind.Json => JsonElement,
        TypeKind.Array => "global::System.Collections.Generic.IReadOnlyList<" + Name(type.Element!, ns) + ">",
        TypeKind.Map => "global::System.Collections.Generic.IReadOnlyDictionary<string, " + Name(type.Element!, ns) + ">",
        _ => "global::" + ns + "." + type.Name,
    };

    /// <summary>The runtime method group that reads one value of <paramref name="type"/>: <c>bool TryRead(ref reader, out T)</c>.</summary>
    public static string TryReadMethod(TypeRef type, string ns) => type.Kind switch
    {
        TypeKind.String => JsonRead + ".TryReadString",
        TypeKind.Int32 => JsonRead + ".TryReadInt32",
        TypeKind.Int64 => JsonRead + ".TryReadInt64",
        TypeKind.Double => JsonRead + ".TryReadDouble",
        TypeKind.Boolean => JsonRead + ".TryReadBoolean",
        TypeKind.DateTimeOffset => JsonRead + ".TryReadDateTimeOffset",
        TypeKind.Json => JsonRead + ".TryReadJson",
        TypeKind.Object => JsonRead + ".TryReadObject<" + Name(type, ns) + ">",
        TypeKind.Enum => JsonRead + ".TryReadEnum<" + Name(type, ns) + ">",
        TypeKind.Union => JsonRead + ".TryReadUnion<" + Name(type, ns) + ">",
        _ => null!,
    };

    /// <summary>An expression that reads one value into <paramref name="target"/> and yields whether it succeeded.</summary>
    public static string TryRead(TypeRef type, string ns, string target)
    {
        if (type.Kind == TypeKind.Array)
        {
            return JsonRead + ".TryReadList<" + Name(type.Element!, ns) + ">(ref reader, " + ElementReader(type.Element!, ns) + ", out " + target + ")";
        }
        if (type.Kind == TypeKind.Map)
        {
            return JsonRead + ".TryReadMap<" + Name(type.Element!, ns) + ">(ref reader, " + ElementReader(type.Element!, ns) + ", out " + target + ")";
        }
        return TryReadMethod(type, ns) + "(ref reader, out " + target + ")";
    }

    private static string ElementReader(TypeRef element, string ns)
    {
        if (element.Kind is TypeKind.Array or TypeKind.Map)
        {
            return "static (ref " + Reader + " reader, [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out " + Name(element, ns) + " value) => " + TryRead(element, ns, "value");
        }
        return TryReadMethod(element, ns);
    }

    /// <summary>Statements that write <paramref name="expression"/> (never null) as a JSON value.</summary>
    public static void WriteValue(SourceWriter w, TypeRef type, string ns, string expression, int depth = 0)
    {
        switch (type.Kind)
        {
            case TypeKind.String:
            case TypeKind.DateTimeOffset:
                w.Line("writer.WriteStringValue(" + expression + ");");
                break;
            case TypeKind.Int32:
            case TypeKind.Int64:
            case TypeKind.Double:
                w.Line("writer.WriteNumberValue(" + expression + ");");
                break;
            case TypeKind.Boolean:
                w.Line("writer.WriteBooleanValue(" + expression + ");");
                break;
            case TypeKind.Json:
                w.Line(expression + ".WriteTo(writer);");
                break;
            case TypeKind.Array:
            {
                var item = "item" + depth;
                w.Line("writer.WriteStartArray();");
                using (w.Block("foreach (var " + item + " in " + expression + ")"))
                {
                    WriteNullable(w, type.Element!, ns, item, depth + 1);
                }
                w.Line("writer.WriteEndArray();");
                break;
            }
            case TypeKind.Map:
            {
                var entry = "entry" + depth;
                w.Line("writer.WriteStartObject();");
                using (w.Block("foreach (var " + entry + " in " + expression + ")"))
                {
                    w.Line("writer.WritePropertyName(" + entry + ".Key);");
                    WriteNullable(w, type.Element!, ns, entry + ".Value", depth + 1);
                }
                w.Line("writer.WriteEndObject();");
                break;
            }
            default:
                w.Line(expression + ".WriteJson(writer);");
                break;
        }
    }

    /// <summary>Collection elements of reference types may still be null at run time: write JSON null for them.</summary>
    private static void WriteNullable(SourceWriter w, TypeRef type, string ns, string expression, int depth)
    {
        if (type.IsValueType)
        {
            WriteValue(w, type, ns, expression, depth);
            return;
        }
        using (w.Block("if (" + expression + " is null)"))
        {
            w.Line("writer.WriteNullValue();");
        }
        using (w.Block("else"))
        {
            WriteValue(w, type, ns, expression, depth);
        }
    }
}
