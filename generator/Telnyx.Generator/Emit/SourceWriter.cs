using System;
using System.Text;

namespace Telnyx.Generator.Emit;

/// <summary>An indented text builder; <see cref="Block"/> returns a scope that closes the brace, so emitters read like the code they write.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new(32 * 1024); // typical generated files are 10-40 KB: grow rarely
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0) _builder.Append(' ', _indent * 4).Append(text);
        _builder.Append('\n');
        return this;
    }

    public BlockScope Block(string header)
    {
        Line(header);
        Line("{");
        _indent++;
        return new BlockScope(this, "}");
    }

    public BlockScope Block(string header, string closing)
    {
        Line(header);
        Line("{");
        _indent++;
        return new BlockScope(this, closing);
    }

    public void Indent() => _indent++;

    public void Unindent() => _indent--;

    /// <summary>Writes an XML doc comment: summary text escaped, one line per source line.</summary>
    public SourceWriter Doc(string? summary, string tag = "summary")
    {
        if (string.IsNullOrWhiteSpace(summary)) return this;
        Line("/// <" + tag + ">");
        foreach (var line in summary!.Replace("\r\n", "\n").Split('\n'))
        {
            var trimmed = line.TrimEnd();
            Line(trimmed.Length == 0 ? "/// <para/>" : "/// " + EscapeXml(trimmed));
        }
        Line("/// </" + tag + ">");
        return this;
    }

    /// <summary>Writes an XML doc comment whose text is already valid XML (generator-authored markup).</summary>
    public SourceWriter DocXml(string markup, string tag = "summary")
    {
        Line("/// <" + tag + ">");
        foreach (var line in markup.Split('\n'))
        {
            Line("/// " + line.TrimEnd());
        }
        Line("/// </" + tag + ">");
        return this;
    }

    public override string ToString() => _builder.ToString();

    public static string EscapeXml(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                default:
                    // Control characters are not allowed in XML comments.
                    if (char.IsControl(c) && c != '\t') sb.Append(' ');
                    else sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>A C# string literal for any text.</summary>
    public static string Literal(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\0': sb.Append("\\0"); break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c) || c == '\u2028' || c == '\u2029' || c == '\u0085')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    /// <summary>A UTF-8 literal (<c>"x"u8</c>) for a JSON property name.</summary>
    public static string Utf8Literal(string value) => Literal(value) + "u8";

    internal readonly struct BlockScope : IDisposable
    {
        private readonly SourceWriter _writer;
        private readonly string _closing;

        public BlockScope(SourceWriter writer, string closing)
        {
            _writer = writer;
            _closing = closing;
        }

        public void Dispose()
        {
            _writer._indent--;
            _writer.Line(_closing);
        }
    }
}
