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
    /// first letter; all-caps words longer than two letters become Capitalized (<c>DTMF</c> stays inside an
    /// existing PascalCase name, but <c>ALL_LEFT</c> becomes <c>AllLeft</c>). A leading digit gets the
    /// <paramref name="digitPrefix"/>. Empty input gives <paramref name="fallback"/>.
    /// </summary>
    public static string ToPascalCase(string? name, string fallback = "Value", string digitPrefix = "_")
    {
        if (string.IsNullOrEmpty(name)) return fallback;
        var words = SplitWords(name!);
        var sb = new StringBuilder(name!.Length);
        foreach (var word in words)
        {
            var allUpper = IsAllUpper(word);
            var keepCase = !allUpper || word.Length <= 2 || words.Count == 1 && LooksPascal(name!);
            sb.Append(char.ToUpperInvariant(word[0]));
            if (word.Length > 1)
            {
                sb.Append(keepCase ? word.Substring(1) : word.Substring(1).ToLowerInvariant());
            }
        }
        if (sb.Length == 0) return fallback;
        if (char.IsDigit(sb[0])) sb.Insert(0, digitPrefix);
        return sb.ToString();
    }

    /// <summary>camelCase, escaped with <c>@</c> when it is a C# keyword.</summary>
    public static string ToCamelCase(string? name, string fallback = "value")
    {
        var pascal = ToPascalCase(name, ToPascalCase(fallback));
        var camel = pascal[0] == '_' ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return Keywords.Contains(camel) ? "@" + camel : camel;
    }

    /// <summary>Keeps an existing valid PascalCase identifier (a component name like <c>ConferenceSendDTMFRequest</c>) as it is.</summary>
    public static string ToTypeName(string? name, string fallback = "Model")
    {
        if (!string.IsNullOrEmpty(name) && IsIdentifier(name!) && char.IsUpper(name![0])) return name;
        return ToPascalCase(name, fallback, "Model");
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

    private static bool LooksPascal(string name) => IsIdentifier(name) && char.IsUpper(name[0]);

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

    private static bool IsAllUpper(string word)
    {
        var any = false;
        foreach (var c in word)
        {
            if (char.IsLower(c)) return false;
            if (char.IsUpper(c)) any = true;
        }
        return any;
    }

    private static List<string> SplitWords(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var isPart = IsIdentifierPart(c) && c != '_';
            if (!isPart)
            {
                Flush();
                continue;
            }
            if (current.Length > 0)
            {
                var prev = current[current.Length - 1];
                // Split lower->Upper humps ("callControl" -> "call", "Control") and letter<->digit edges
                // only where it keeps a readable name ("v3" stays together, "1080p" stays together).
                if (char.IsLower(prev) && char.IsUpper(c)) Flush();
                else if (char.IsUpper(prev) && char.IsUpper(c) && i + 1 < name.Length && char.IsLower(name[i + 1]) && current.Length > 1) Flush();
            }
            current.Append(c);
        }
        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }
}
