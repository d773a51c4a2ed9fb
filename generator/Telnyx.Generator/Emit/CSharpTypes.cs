using Telnyx.Generator.Modeling;

namespace Telnyx.Generator.Emit;

/// <summary>C# spellings of model types, and the runtime helpers that read them.</summary>
internal static class CSharpTypes
{
    public const string JsonElement = "global::System.Text.Json.JsonElement";
    public const string Reader = "global::System.Text.Json.Utf8JsonReader";
    public const string Writer = "global::System.Text.Json.Utf8JsonWriter";
    public const string TokenType = "global::System.Text.Json.JsonTokenType";
    public const string JsonRead = "global::Telnyx.Runtime.Primitives.JsonRead";
    public const string JsonWrite = "global::Telnyx.Runtime.Primitives.JsonWrite";
    public const string PropertyNames = "global::Telnyx.Runtime.Primitives.JsonPropertyNames";
    public const string Model = "global::Telnyx.Runtime.Primitives.ITelnyxJsonModel";
    public const string Converter = "global::Telnyx.Runtime.Primitives.TelnyxJsonConverter";
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

    /// <summary>Appends the C# spelling of <paramref name="type"/>, like <see cref="Name"/> without building a string.</summary>
    public static SourceWriter AddName(this SourceWriter w, TypeRef type, string ns)
    {
        switch (type.Kind)
        {
            case TypeKind.Array:
                return w.Add("global::System.Collections.Generic.IReadOnlyList<").AddName(type.Element!, ns).Add('>');
            case TypeKind.Map:
                return w.Add("global::System.Collections.Generic.IReadOnlyDictionary<string, ").AddName(type.Element!, ns).Add('>');
            case TypeKind.Object or TypeKind.Enum or TypeKind.Union:
                return w.Add("global::").Add(ns).Add('.').Add(type.Name!);
            default:
                return w.Add(Name(type, ns));
        }
    }

    /// <summary>
    /// Appends an expression that reads the property the reader is on into the local <paramref name="local"/> (or keeps a
    /// misfit in <c>extra</c>) and yields false only in that last case.
    /// </summary>
    public static SourceWriter AddReadProperty(this SourceWriter w, TypeRef type, string ns, string local, string jsonName, string? constant = null)
    {
        w.Add(JsonRead);
        if (constant is not null && type.Kind == TypeKind.String)
        {
            // The spec's one value comes back as the literal itself: no string allocated per item of a page.
            return w.Add(".ReadConstant(ref reader, ref ").Add(local).Add(", ref extra, ").AddLiteral(jsonName).Add(", ").AddLiteral(constant).Add(')');
        }
        switch (type.Kind)
        {
            case TypeKind.Array:
                w.Add(".ReadList(ref reader, ").Add(ElementReader(type.Element!, ns)).Add(", ");
                break;
            case TypeKind.Map:
                w.Add(".ReadMap(ref reader, ").Add(ElementReader(type.Element!, ns)).Add(", ");
                break;
            case TypeKind.Object:
                w.Add(".ReadObject<").AddName(type, ns).Add(">(ref reader, ");
                break;
            case TypeKind.Enum:
                w.Add(".ReadEnum<").AddName(type, ns).Add(">(ref reader, ");
                break;
            case TypeKind.Union:
                w.Add(".ReadUnion<").AddName(type, ns).Add(">(ref reader, ");
                break;
            default:
                w.Add(".Read").Add(Primitive(type.Kind)).Add("(ref reader, ");
                break;
        }
        return w.Add("ref ").Add(local).Add(", ref extra, ").AddLiteral(jsonName).Add(')');
    }

    /// <summary>Appends a statement that writes a property's name and value (JSON null when the value is null).</summary>
    public static SourceWriter AddWriteProperty(this SourceWriter w, TypeRef type, string ns, string jsonName, string value)
    {
        w.Add(JsonWrite);
        switch (type.Kind)
        {
            case TypeKind.Array:
                return w.Add(".List(writer, ").AddUtf8Literal(jsonName).Add(", ").Add(value).Add(", ").Add(ElementWriter(type.Element!, ns)).Add(");");
            case TypeKind.Map:
                return w.Add(".Map(writer, ").AddUtf8Literal(jsonName).Add(", ").Add(value).Add(", ").Add(ElementWriter(type.Element!, ns)).Add(");");
            case TypeKind.Object or TypeKind.Union:
                w.Add(".Model<").AddName(type, ns).Add('>');
                break;
            case TypeKind.Enum:
                w.Add(".Enum<").AddName(type, ns).Add('>');
                break;
            default:
                w.Add('.').Add(Primitive(type.Kind));
                break;
        }
        return w.Add("(writer, ").AddUtf8Literal(jsonName).Add(", ").Add(value).Add(");");
    }

    /// <summary>A statement that writes <paramref name="expression"/> (never null) as a JSON value.</summary>
    public static void WriteValue(SourceWriter w, TypeRef type, string ns, string expression)
    {
        w.Line(type.Kind switch
        {
            TypeKind.String or TypeKind.DateTimeOffset => "writer.WriteStringValue(" + expression + ");",
            TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double => "writer.WriteNumberValue(" + expression + ");",
            TypeKind.Boolean => "writer.WriteBooleanValue(" + expression + ");",
            TypeKind.Json => expression + ".WriteTo(writer);",
            TypeKind.Array => JsonWrite + ".ListValue(writer, " + expression + ", " + ElementWriter(type.Element!, ns) + ");",
            TypeKind.Map => JsonWrite + ".MapValue(writer, " + expression + ", " + ElementWriter(type.Element!, ns) + ");",
            _ => expression + ".WriteJson(writer);",
        });
    }

    /// <summary>A <c>JsonWriteValue&lt;T&gt;</c> for collection elements of <paramref name="element"/>.</summary>
    private static string ElementWriter(TypeRef element, string ns) => element.Kind switch
    {
        TypeKind.Array => "static (writer, value) => " + JsonWrite + ".ListValue(writer, value, " + ElementWriter(element.Element!, ns) + ")",
        TypeKind.Map => "static (writer, value) => " + JsonWrite + ".MapValue(writer, value, " + ElementWriter(element.Element!, ns) + ")",
        TypeKind.Object or TypeKind.Union => JsonWrite + ".ModelValue<" + Name(element, ns) + ">",
        TypeKind.Enum => JsonWrite + ".EnumValue<" + Name(element, ns) + ">",
        _ => JsonWrite + "." + Primitive(element.Kind) + "Value",
    };

    private static string Primitive(TypeKind kind) => kind switch
    {
        TypeKind.String => "String",
        TypeKind.Int32 => "Int32",
        TypeKind.Int64 => "Int64",
        TypeKind.Double => "Double",
        TypeKind.Boolean => "Boolean",
        TypeKind.DateTimeOffset => "DateTimeOffset",
        TypeKind.Json => "JsonElement",
        _ => throw new System.ArgumentOutOfRangeException(nameof(kind), kind, "not a primitive"),
    };
}
