using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Telnyx.Generator.Diagnostics;

namespace Telnyx.Generator.OpenApi;

/// <summary>
/// Maps JSON pointers (<c>#/paths/~1conferences/get</c>) to line and column in the spec text, so every
/// diagnostic points into the file. Only the requested pointers are walked: subtrees off their paths are skipped.
/// </summary>
internal static class JsonPointerLocator
{
    private sealed class TrieNode
    {
        public readonly Dictionary<string, TrieNode> Children = new(StringComparer.Ordinal);
        public int ByteOffset = -1;
        public int ByteLength;
    }

    public static Dictionary<string, SpecLocation> Locate(string filePath, string text, byte[] utf8, IEnumerable<string> pointers)
    {
        var root = new TrieNode();
        var targets = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var pointer in pointers)
        {
            if (targets.ContainsKey(pointer)) continue;
            var segments = Split(pointer);
            targets[pointer] = segments;
            var node = root;
            foreach (var segment in segments)
            {
                if (!node.Children.TryGetValue(segment, out var child))
                {
                    child = new TrieNode();
                    node.Children[segment] = child;
                }
                node = child;
            }
        }

        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (reader.Read())
            {
                root.ByteOffset = (int)reader.TokenStartIndex;
                Walk(ref reader, root);
            }
        }
        catch (JsonException)
        {
            // A partial walk still gives the nearest enclosing location for what it reached.
        }

        // Each pointer resolves to the deepest ancestor that was found.
        var found = new List<(string Pointer, int ByteOffset, int ByteLength)>(targets.Count);
        foreach (var pair in targets)
        {
            var node = root;
            var best = root;
            foreach (var segment in pair.Value)
            {
                if (!node.Children.TryGetValue(segment, out var child)) break;
                node = child;
                if (node.ByteOffset >= 0) best = node;
            }
            found.Add((pair.Key, Math.Max(0, best.ByteOffset), best.ByteLength));
        }

        // Byte offsets become character offsets in one forward pass: counting from the start of the text for each
        // diagnostic cost 25 ms for the official document's 245 informational diagnostics.
        found.Sort((a, b) => a.ByteOffset.CompareTo(b.ByteOffset));
        var preambleBytes = utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF ? 3 : 0;
        var countedBytes = preambleBytes;
        var countedChars = 0;
        var lines = new LineCounter(text);
        var result = new Dictionary<string, SpecLocation>(StringComparer.Ordinal);
        foreach (var (pointer, byteOffset, byteLength) in found)
        {
            var end = Math.Max(preambleBytes, Math.Min(byteOffset, utf8.Length));
            if (end > countedBytes)
            {
                countedChars += Encoding.UTF8.GetCharCount(utf8, countedBytes, end - countedBytes);
                countedBytes = end;
            }
            var charStart = Math.Min(countedChars, text.Length);
            // The span is counted in characters too: a key with "é" is one character shorter than its bytes.
            var spanBytes = Math.Max(0, Math.Min(byteLength, utf8.Length - end));
            var charLength = Math.Min(Encoding.UTF8.GetCharCount(utf8, end, spanBytes), text.Length - charStart);
            var (line, column) = lines.Advance(charStart);
            var (endLine, endColumn) = lines.Peek(charStart + charLength);
            result[pointer] = new SpecLocation(filePath, charStart, charLength, line, column, endLine, endColumn);
        }
        return result;
    }

    /// <summary>Line and column of increasing character offsets, counting line breaks as it goes (no table of every line).</summary>
    private struct LineCounter
    {
        private static readonly char[] Breaks = { '\r', '\n' };
        private readonly string _text;
        private int _scanned;
        private int _line;
        private int _lineStart;

        public LineCounter(string text)
        {
            _text = text;
            _scanned = 0;
            _line = 0;
            _lineStart = 0;
        }

        /// <summary>Moves to <paramref name="offset"/> (never backwards) and returns its position.</summary>
        public (int Line, int Column) Advance(int offset)
        {
            while (_scanned < offset)
            {
                var i = _text.IndexOfAny(Breaks, _scanned, offset - _scanned);
                if (i < 0)
                {
                    _scanned = offset;
                    break;
                }
                // "\r\n" is one break: an offset between its two characters is still on this line.
                var next = _text[i] == '\r' && i + 1 < _text.Length && _text[i + 1] == '\n' ? i + 2 : i + 1;
                if (next > offset) break;
                _line++;
                _lineStart = next;
                _scanned = next;
            }
            return (_line, offset - _lineStart);
        }

        /// <summary>The position of <paramref name="offset"/> without moving.</summary>
        public (int Line, int Column) Peek(int offset)
        {
            var copy = this;
            return copy.Advance(offset);
        }

        /// <summary>Moves to the start of <paramref name="line"/>, or of the last line when the text is shorter.</summary>
        public (int Line, int Start) AdvanceToLine(int line)
        {
            while (_line < line)
            {
                var i = _text.IndexOfAny(Breaks, _scanned);
                if (i < 0) break;
                var next = _text[i] == '\r' && i + 1 < _text.Length && _text[i + 1] == '\n' ? i + 2 : i + 1;
                _line++;
                _lineStart = next;
                _scanned = next;
            }
            return (_line, _lineStart);
        }
    }

    public static SpecLocation LocateOffset(string filePath, string text, byte[] utf8, long byteOffset)
    {
        var preambleBytes = utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF ? 3 : 0;
        var end = (int)Math.Min(Math.Max(preambleBytes, byteOffset), utf8.Length);
        var charStart = Math.Min(Encoding.UTF8.GetCharCount(utf8, preambleBytes, end - preambleBytes), text.Length);
        var (line, column) = new LineCounter(text).Advance(charStart);
        return new SpecLocation(filePath, charStart, 0, line, column, line, column);
    }

    public static SpecLocation LocateLine(string filePath, string text, long line, long bytePositionInLine)
    {
        var (lineIndex, lineStart) = new LineCounter(text).AdvanceToLine((int)Math.Min(Math.Max(0, line), int.MaxValue));
        // The reader counts UTF-8 bytes; the column is in characters (UTF-16 code units).
        var column = 0;
        var bytes = 0L;
        while (bytes < bytePositionInLine && lineStart + column < text.Length)
        {
            var c = text[lineStart + column];
            if (char.IsHighSurrogate(c) && lineStart + column + 1 < text.Length && char.IsLowSurrogate(text[lineStart + column + 1]))
            {
                bytes += 4;
                column += 2;
            }
            else
            {
                bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
                column++;
            }
        }
        return new SpecLocation(filePath, lineStart + column, 0, lineIndex, column, lineIndex, column);
    }

    /// <summary>Walks the value the reader is on; records offsets for trie nodes.</summary>
    private static void Walk(ref Utf8JsonReader reader, TrieNode node)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var keyStart = (int)reader.TokenStartIndex;
                var keyLength = reader.HasValueSequence ? 0 : reader.ValueSpan.Length + 2;
                var name = reader.GetString() ?? string.Empty;
                reader.Read();
                if (node.Children.TryGetValue(name, out var child))
                {
                    child.ByteOffset = keyStart;
                    child.ByteLength = keyLength;
                    if (child.Children.Count > 0) Walk(ref reader, child);
                    else reader.Skip();
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        else if (reader.TokenType == JsonTokenType.StartArray)
        {
            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (node.Children.TryGetValue(index.ToString(System.Globalization.CultureInfo.InvariantCulture), out var child))
                {
                    child.ByteOffset = (int)reader.TokenStartIndex;
                    child.ByteLength = ElementLength(ref reader);
                    if (child.Children.Count > 0) Walk(ref reader, child);
                    else reader.Skip();
                }
                else
                {
                    reader.Skip();
                }
                index++;
            }
        }
    }

    /// <summary>An array element's span: the whole token for a scalar (a string with its quotes), the bracket for a container.</summary>
    private static int ElementLength(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartObject or JsonTokenType.StartArray => 1,
        _ when reader.HasValueSequence => 0,
        JsonTokenType.String => reader.ValueSpan.Length + 2,
        _ => reader.ValueSpan.Length,
    };

    private static string[] Split(string pointer)
    {
        var p = pointer;
        if (p.StartsWith("#", StringComparison.Ordinal)) p = p.Substring(1);
        if (p.Length == 0 || p == "/") return Array.Empty<string>();
        if (p.StartsWith("/", StringComparison.Ordinal)) p = p.Substring(1);
        var parts = p.Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = Uri.UnescapeDataString(parts[i]).Replace("~1", "/").Replace("~0", "~");
        }
        return parts;
    }
}
