using System;
using System.Collections.Generic;

namespace Telnyx.Generator.Tests.Robustness;

/// <summary>
/// Mutation kinds (the part of a case name after the base, e.g. "cycle-alias-self") the generator does not handle yet.
/// Their rows run in <see cref="RobustnessTests.KnownGap"/>: the failure is written to the test output instead of failing
/// the build, unless TELNYX_ROBUSTNESS_STRICT=1. Remove a kind here once the generator handles it.
/// </summary>
internal static class KnownGaps
{
    private const string ReaderThrows = "Microsoft.OpenApi's OpenApiDocument.Parse throws; SpecReader turns it into TLX0099 at (1,1) and nothing is generated";
    private const string AliasCycle = "ModelBuilder -> SchemaFacts.AllowsNull reads .Type through an alias cycle; Microsoft.OpenApi throws 'Circular reference detected' -> TLX0099";
    private const string Unreported = "accepted silently: no TLX diagnostic although information is lost or the spec is invalid";

    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Crashes (TLX0099).
        ["schema-name-empty"] = ReaderThrows + " (ArgumentNullException: referenceId, $ref '#/components/schemas/')",
        ["schema-name-tab"] = ReaderThrows + " (ArgumentNullException: referenceId, whitespace-only name)",
        ["dangling-ref-property-empty"] = ReaderThrows + " (ArgumentNullException: referenceId for \"$ref\": \"\")",
        ["additionalProperties-as-string"] = ReaderThrows + " (FormatException: 'yes' is not a Boolean)",
        ["property-schema-as-number"] = ReaderThrows + " (NullReferenceException in OpenApiWorkspace.RegisterSchemaIdentifiers)",
        ["cycle-alias-a-b-a"] = AliasCycle,
        ["cycle-alias-self"] = AliasCycle,
        ["cycle-alias-three"] = AliasCycle,
        ["cycle-existing-schema-alias"] = AliasCycle,
        // Broken output.
        ["cycle-oneOf-self"] = Unreported + "; a oneOf that contains itself emits a union with an operator converting the type to itself (CS0555)",
        // Not reported.
        ["cycle-allOf-a-b-a"] = Unreported,
        ["cycle-allOf-self"] = Unreported,
        ["dangling-ref-parameter"] = Unreported + " (a parameter $ref to a missing component is dropped)",
        ["dangling-ref-response"] = Unreported + " (a response $ref to a missing component is dropped)",
        ["parameter-as-string"] = Unreported + " (a parameter that is not an object is dropped)",
        ["required-with-non-strings"] = Unreported,
        ["enum-mixed-json-types"] = Unreported,
        ["minimum-as-string"] = Unreported,
        ["operation-ids-duplicate"] = Unreported + " (duplicate operationIds are renamed without a diagnostic)",
        ["path-template-empty-braces"] = Unreported + " (path templates are not validated)",
        ["path-template-repeated-param"] = Unreported,
        ["path-template-unclosed"] = Unreported,
        ["path-template-unopened"] = Unreported,
        ["path-template-nested-braces"] = Unreported,
        ["path-template-adjacent-params"] = Unreported,
        ["path-template-spaces-in-param"] = Unreported,
        ["path-template-emoji-param"] = Unreported,
        ["path-template-undeclared-param"] = Unreported + " (the URL would be sent with a literal '{thingId}')",
        ["path-rename-existing"] = Unreported,
        // A string that starts with U+FEFF: Utf8JsonReader rejects the BOM bytes -> TLX0002.
        ["bom"] = "a leading byte order mark in the spec text is not skipped: TLX0002 ''0xEF' is an invalid start of a value'",
    };

    public static bool Contains(string caseName, out string reason)
    {
        var slash = caseName.IndexOf('/');
        var kind = slash < 0 ? caseName : caseName.Substring(slash + 1);
        if (Kinds.TryGetValue(kind, out var found))
        {
            reason = found;
            return true;
        }
        reason = "";
        return false;
    }
}
