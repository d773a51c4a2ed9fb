using System.Linq;
using System.Text;
using Telnyx.Generator.OpenApi;

namespace Telnyx.Generator.Tests;

/// <summary>Pointer -> line and column, for every line-break style and non-ASCII text before the target.</summary>
public class JsonPointerLocatorTests
{
    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void LocatesEveryPointerOnItsLineAndColumn(string newline)
    {
        var lines = new[]
        {
            "{",
            "  \"info\": { \"title\": \"Grüße 🎧 — ünïcode before the targets\" },",
            "  \"paths\": {",
            "    \"/a/{id}\": { \"get\": { \"operationId\": \"getA\" } },",
            "    \"/b\": { \"post\": { \"requestBody\": { \"content\": {} } } }",
            "  },",
            "  \"list\": [ 1, { \"x\": true } ]",
            "}",
        };
        var text = string.Join(newline, lines);
        var utf8 = Encoding.UTF8.GetBytes(text);
        var pointers = new[] { "#/paths/~1b/post/requestBody", "#/paths/~1a~1{id}/get/operationId", "#/list/1/x", "#/info", "#/paths/~1missing/get" };

        var found = JsonPointerLocator.Locate("spec.json", text, utf8, pointers);

        (int Line, int Column) Expected(string line, string token) => (System.Array.IndexOf(lines, line), line.IndexOf(token, System.StringComparison.Ordinal));
        Assert.Equal(Expected(lines[4], "\"requestBody\""), (found[pointers[0]].Line, found[pointers[0]].Column));
        Assert.Equal(Expected(lines[3], "\"operationId\""), (found[pointers[1]].Line, found[pointers[1]].Column));
        Assert.Equal(Expected(lines[6], "\"x\""), (found[pointers[2]].Line, found[pointers[2]].Column));
        Assert.Equal(Expected(lines[1], "\"info\""), (found[pointers[3]].Line, found[pointers[3]].Column));
        // A pointer that leads nowhere lands on its deepest existing ancestor.
        Assert.Equal(Expected(lines[2], "\"paths\""), (found[pointers[4]].Line, found[pointers[4]].Column));
        foreach (var location in found.Values)
        {
            // The character offset agrees with the line and column.
            var lineStart = string.Join(newline, lines.Take(location.Line)).Length + (location.Line > 0 ? newline.Length : 0);
            Assert.Equal(lineStart + location.Column, location.Start);
        }
    }
}
