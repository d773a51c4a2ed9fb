using System.Linq;

namespace Telnyx.Generator.Tests;

/// <summary>JSON null inside <c>enum</c>: Microsoft.OpenApi keeps it as a sentinel string that must not become a member.</summary>
public class EnumNullTests
{
    [Fact]
    public void NullInAnEnumIsNotAMember()
    {
        const string spec = """
            {
              "openapi": "3.1.0",
              "info": { "title": "Enums", "version": "1.0.0" },
              "paths": {},
              "components": { "schemas": {
                "Transport": { "type": ["string", "null"], "enum": ["udp", "tcp", null] },
                "Holder": { "type": "object", "properties": {
                  "mode": { "anyOf": [ { "type": "string", "enum": ["fast", "slow"] }, { "enum": [null] } ] }
                } }
              } }
            }
            """;

        var (_, result, output, _) = GeneratorHarness.Run(spec);

        var transport = result.GeneratedTrees.Single(t => t.FilePath.EndsWith("Telnyx.Transport.g.cs", System.StringComparison.Ordinal)).ToString();
        Assert.Contains("public static Transport Udp { get; }", transport);
        Assert.Contains("public static Transport Tcp { get; }", transport);
        Assert.DoesNotContain("Sentinel", transport, System.StringComparison.OrdinalIgnoreCase);
        Assert.Contains("IsKnown => Value is \"udp\" or \"tcp\";", transport);

        // anyOf [enum, null]: the null branch only makes the property nullable; the enum stands for itself.
        var holder = result.GeneratedTrees.Single(t => t.FilePath.EndsWith("Telnyx.Holder.g.cs", System.StringComparison.Ordinal)).ToString();
        Assert.Contains("public global::Telnyx.HolderMode? Mode {", holder); // "Mode" alone is too generic: it takes the parent's name
        Assert.DoesNotContain(result.GeneratedTrees, t => t.FilePath.Contains("Variant", System.StringComparison.Ordinal));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));
    }
}
