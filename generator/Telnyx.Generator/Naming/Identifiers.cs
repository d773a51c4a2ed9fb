using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Telnyx.Generator.Naming;

/// <summary>Turns spec names (snake_case, kebab-case, dotted, spaced, any unicode) into C# identifiers.</summary>
internal static class Identifiers
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>
    /// PascalCase: words split on non-alphanumerics and lower-to-upper humps; each word gets an upper-case
    /// first letter. Acronyms follow the .NET naming guidelines: two letters stay upper case (<c>IO</c>), longer
    /// ones are Pascal case (<c>DTMF</c> -> <c>Dtmf</c>, <c>ALL_LEFT</c> -> <c>AllLeft</c>). A leading digit gets the
    /// <paramref name="digitPrefix"/>. Empty input gives <paramref name="fallback"/>.
    /// </summary>
    public static string ToPascalCase(string? name, string fallback = "Value", string digitPrefix = "_")
    {
        if (string.IsNullOrEmpty(name)) return fallback;
        // Words are runs of the name itself, kept as (start, length): the official document names tens of
        // thousands of members, and a string per word was a large share of the model's allocations.
        var words = t_words ??= new List<(int Start, int Length)>();
        words.Clear();
        SplitWords(name!, words);
        var sb = t_builder ??= new StringBuilder(64);
        sb.Clear();
        foreach (var (start, length) in words)
        {
            var allUpper = IsAllUpper(name!, start, length);
            var keepCase = !allUpper || length <= 2;
            sb.Append(char.ToUpperInvariant(name![start]));
            if (length == 1) continue;
            if (keepCase) sb.Append(name, start + 1, length - 1);
            else sb.Append(name.Substring(start + 1, length - 1).ToLowerInvariant());
        }
        if (sb.Length == 0) return fallback;
        if (char.IsDigit(sb[0])) sb.Insert(0, digitPrefix);
        return SameText(sb, name!) ? name! : sb.ToString();
    }

    [ThreadStatic] private static List<(int Start, int Length)>? t_words;
    [ThreadStatic] private static StringBuilder? t_builder;

    private static bool SameText(StringBuilder sb, string text)
    {
        if (sb.Length != text.Length) return false;
        for (var i = 0; i < text.Length; i++)
        {
            if (sb[i] != text[i]) return false;
        }
        return true;
    }

    /// <summary>
    /// camelCase, escaped with <c>@</c> when it is a C# keyword. A leading two-letter acronym is lower case as a
    /// whole (<c>IOStream</c> -> <c>ioStream</c>).
    /// </summary>
    public static string ToCamelCase(string? name, string fallback = "value")
    {
        var pascal = string.IsNullOrEmpty(name) ? ToPascalCase(fallback) : ToPascalCase(name, "");
        if (pascal.Length == 0) pascal = ToPascalCase(fallback);
        var camel = pascal[0] == '_' ? pascal : LowerFirstWord(pascal);
        return Keywords.Contains(camel) ? "@" + camel : camel;
    }

    /// <summary>The leading upper-case run in lower case, but for a capital that starts the next word.</summary>
    private static string LowerFirstWord(string pascal)
    {
        var upper = 0;
        while (upper < pascal.Length && char.IsUpper(pascal[upper])) upper++;
        if (upper > 1 && upper < pascal.Length && char.IsLower(pascal[upper])) upper--;
        if (upper <= 1) return char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return pascal.Substring(0, upper).ToLowerInvariant() + pascal.Substring(upper);
    }

    /// <summary>
    /// A type name. An existing valid PascalCase identifier (a component name) keeps its shape, underscores included,
    /// but for acronyms longer than two letters: <c>ConferenceSendDTMFRequest</c> -> <c>ConferenceSendDtmfRequest</c>.
    /// </summary>
    public static string ToTypeName(string? name, string fallback = "Model")
    {
        if (!string.IsNullOrEmpty(name) && IsIdentifier(name!) && char.IsUpper(name![0])) return WithPascalAcronyms(name);
        return ToPascalCase(name, fallback, "Model");
    }

    /// <summary><paramref name="name"/> with each all-caps word longer than two letters in Pascal case, all else as it is.</summary>
    private static string WithPascalAcronyms(string name)
    {
        var words = t_words ??= new List<(int Start, int Length)>();
        words.Clear();
        SplitWords(name, words);
        char[]? chars = null;
        foreach (var (start, length) in words)
        {
            if (length <= 2 || !IsAllUpper(name, start, length)) continue;
            chars ??= name.ToCharArray();
            for (var i = start + 1; i < start + length; i++) chars[i] = char.ToLowerInvariant(chars[i]);
        }
        return chars is null ? name : new string(chars);
    }

    public static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_')) return false;
        foreach (var c in name)
        {
            if (!IsIdentifierPart(c)) return false;
        }
        return !Keywords.Contains(name);
    }

    private static bool IsIdentifierPart(char c)
    {
        if (c == '_') return true;
        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.LetterNumber:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.ConnectorPunctuation:
                return true;
            default:
                return false;
        }
    }

    private static bool IsAllUpper(string text, int start, int length)
    {
        var any = false;
        for (var i = start; i < start + length; i++)
        {
            var c = text[i];
            if (char.IsLower(c)) return false;
            if (char.IsUpper(c)) any = true;
        }
        return any;
    }

    /// <summary>
    /// Splits on anything that is not an identifier character (and on <c>_</c>), on lower-to-upper humps
    /// (<c>callControl</c>) and before the last capital of an acronym run (<c>DTMFRequest</c> -> DTMF, Request);
    /// letter-digit edges stay together ("v3", "1080p").
    /// </summary>
    private static void SplitWords(string name, List<(int Start, int Length)> words)
    {
        var start = 0;
        var length = 0;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!IsIdentifierPart(c) || c == '_')
            {
                if (length > 0) words.Add((start, length));
                length = 0;
                continue;
            }
            if (length > 0)
            {
                var prev = name[i - 1]; // a word is a run of the name: its last character is the previous one
                if ((char.IsLower(prev) && char.IsUpper(c))
                    || (char.IsUpper(prev) && char.IsUpper(c) && i + 1 < name.Length && char.IsLower(name[i + 1]) && length > 1))
                {
                    words.Add((start, length));
                    length = 0;
                }
            }
            if (length == 0) start = i;
            length++;
        }
        if (length > 0) words.Add((start, length));
    }
}
