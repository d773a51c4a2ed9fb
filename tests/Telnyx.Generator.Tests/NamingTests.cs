using System.IO;
using System.Linq;

namespace Telnyx.Generator.Tests;

/// <summary>Names of inline types: parent + member, without doubling the word where they meet.</summary>
public class NamingTests
{
    [Fact]
    public void QualifiedInlineNamesDoNotRepeatTheWordWhereParentAndMemberMeet()
    {
        // Both schemas have an inline "event_status" enum with different values: the first takes the short name
        // EventStatus, the second is qualified by its parent: BEvent + EventStatus -> BEventStatus, not BEventEventStatus.
        const string spec = """
            {
              "openapi": "3.1.0",
              "info": { "title": "Naming", "version": "1.0.0" },
              "paths": {},
              "components": { "schemas": {
                "AEvent": { "type": "object", "properties": { "event_status": { "type": "string", "enum": ["on", "off"] } } },
                "BEvent": { "type": "object", "properties": { "event_status": { "type": "string", "enum": ["up", "down"] }, "status_note": { "type": "object", "properties": { "text": { "type": "string" } } } } },
                "Agent": { "type": "object", "properties": { "call_mode": { "type": "string", "enum": ["a", "b"] } } },
                "QueueCall": { "type": "object", "properties": { "call_mode": { "type": "string", "enum": ["x", "y"] } } }
              } }
            }
            """;

        var (_, result, output, _) = GeneratorHarness.Run(spec);

        var types = result.GeneratedTrees.Select(t => Path.GetFileName(t.FilePath)).ToList();
        Assert.Contains("Telnyx.EventStatus.g.cs", types);
        Assert.Contains("Telnyx.BEventStatus.g.cs", types);
        Assert.DoesNotContain(types, t => t.Contains("EventEvent", System.StringComparison.Ordinal));
        Assert.Contains("Telnyx.BEventStatusNote.g.cs", types); // no shared word: plain concatenation
        Assert.Contains("Telnyx.CallMode.g.cs", types);
        Assert.Contains("Telnyx.QueueCallMode.g.cs", types); // QueueCall + CallMode, not QueueCallCallMode
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }
}
