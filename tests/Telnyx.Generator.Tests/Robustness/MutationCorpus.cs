using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace Telnyx.Generator.Tests.Robustness;

/// <summary>What a mutation is allowed to do to the generator's result.</summary>
internal enum Expect
{
    /// <summary>
    /// The mutation takes away or corrupts something the generator needs (a required key, a JSON type, a target of a
    /// <c>$ref</c>, the JSON itself): at least one TLX diagnostic is required.
    /// </summary>
    Problem,

    /// <summary>
    /// The document stays usable (odd names, huge strings, deep but legal nesting, optional keys removed, noise that
    /// may land in a description): the generator may report nothing, but whatever it emits must compile.
    /// </summary>
    Valid,

    /// <summary>A well-formed document: code must be generated and no TLX error may be reported.</summary>
    Clean,

    /// <summary>
    /// One part of the document is of the wrong JSON kind (a schema that is a number): a TLX diagnostic is required, but
    /// only warnings, and the rest of the SDK must still be generated.
    /// </summary>
    Degraded,
}

internal sealed record MutationCase(string Name, string Text, Expect Expect);

/// <summary>
/// The deterministic set of mutated documents: structural mutations of the bundled spec and of small documents cut from
/// the bundled and official specs (one path plus the components it reaches), text-level damage (truncation, noise,
/// BOM) and a handful of degenerate documents. Every random choice comes from a Random seeded by the case name.
/// </summary>
internal static class MutationCorpus
{
    public const string SpecPath = "/specs/robust.json";

    private const int BundledSlices = 1;
    private const int OfficialSlices = 3;

    private static readonly Lazy<IReadOnlyDictionary<string, MutationCase>> Cases = new(Build);

    public static IReadOnlyDictionary<string, MutationCase> All => Cases.Value;

    /// <summary>The case names of shard <paramref name="shard"/> of <paramref name="shards"/> (dealt round-robin in name order).</summary>
    public static IEnumerable<object[]> Names(int shard, int shards)
        => All.Keys.OrderBy(k => k, StringComparer.Ordinal).Where((_, i) => i % shards == shard).Select(k => new object[] { k });

    private sealed record Mutation(string Kind, Expect Expect, Func<JsonObject, Random, bool> Apply);

    private static IReadOnlyDictionary<string, MutationCase> Build()
    {
        var cases = new Dictionary<string, MutationCase>(StringComparer.Ordinal);
        void Add(string name, string text, Expect expect) => cases.Add(name, new MutationCase(name, text, expect));

        var bases = new List<(string Label, JsonObject Doc)>();
        var bundled = JsonSurgery.Parse(GeneratorHarness.BundledSpecText);
        bases.Add(("bundled", bundled));
        bases.AddRange(Slices("bundled", bundled, BundledSlices));
        if (File.Exists(GeneratorHarness.OfficialSpecPath))
        {
            var official = JsonSurgery.Parse(File.ReadAllText(GeneratorHarness.OfficialSpecPath));
            bases.AddRange(Slices("official", official, OfficialSlices));
        }

        var mutations = Mutations().Concat(MutationsOfGeneratedNames()).Concat(NonObjectMutations()).Concat(TypeArrayMutations()).ToList();
        foreach (var (label, doc) in bases)
        {
            var text = JsonSurgery.ToText(doc);
            Add(label + "/unchanged", text, Expect.Clean);
            Add(label + "/bom", "\uFEFF" + text, Expect.Clean);
            foreach (var mutation in mutations)
            {
                // The full bundled spec compiles ~100 files per case: it gets a deterministic third of the kinds.
                if (label == "bundled" && JsonSurgery.Seed(mutation.Kind) % 3 != 0) continue;
                var name = label + "/" + mutation.Kind;
                var copy = (JsonObject)doc.DeepClone();
                if (!mutation.Apply(copy, new Random(JsonSurgery.Seed(name)))) continue;
                Add(name, JsonSurgery.ToText(copy), mutation.Expect);
            }
            foreach (var (kind, mutated, expect) in TextMutations(label, text)) Add(label + "/" + kind, mutated, expect);
        }
        foreach (var (kind, text, expect) in Degenerate()) Add("doc/" + kind, text, expect);
        return cases;
    }

    /// <summary>Small documents: one random path of <paramref name="doc"/> plus the components it reaches.</summary>
    private static IEnumerable<(string, JsonObject)> Slices(string label, JsonObject doc, int count)
    {
        var random = new Random(JsonSurgery.Seed(label + "/slices"));
        var paths = ((JsonObject)doc["paths"]!).Select(p => p.Key).ToList();
        var chosen = new List<string>();
        while (chosen.Count < Math.Min(count, paths.Count))
        {
            var path = random.Pick(paths);
            if (!chosen.Contains(path)) chosen.Add(path);
        }
        return chosen.Select((path, i) => (label + "-slice" + i, JsonSurgery.ExtractPath(doc, path)));
    }

    // ---- structural mutations -------------------------------------------------------------------------------------

    private static readonly string[] SchemaTypes = { "string", "integer", "number", "boolean", "object", "array" };

    private static IEnumerable<Mutation> Mutations()
    {
        // Deleted keys.
        yield return new("delete-openapi", Expect.Problem, (d, _) => d.Remove("openapi"));
        yield return new("delete-info", Expect.Problem, (d, _) => d.Remove("info"));
        yield return new("delete-info-title", Expect.Problem, (d, _) => (d["info"] as JsonObject)?.Remove("title") == true);
        yield return new("delete-info-version", Expect.Problem, (d, _) => (d["info"] as JsonObject)?.Remove("version") == true);
        // OpenAPI 3.1 makes paths optional when components or webhooks remain.
        yield return new("delete-paths", Expect.Valid, (d, _) => d.Remove("paths"));
        yield return new("delete-components", Expect.Problem, (d, _) => HasComponentRefs(d) && d.Remove("components"));
        yield return new("delete-component-schemas", Expect.Problem,
            (d, _) => HasComponentRefs(d, "schemas") && (d["components"] as JsonObject)?.Remove("schemas") == true);
        yield return new("delete-webhooks", Expect.Valid, (d, _) => d.Remove("webhooks"));
        yield return new("delete-paths-and-components", Expect.Problem, (d, _) =>
        {
            d.Remove("webhooks");
            return d.Remove("paths") | d.Remove("components");
        });
        // A schema without type is "any value" in OpenAPI 3.1: legal.
        yield return new("delete-one-schema-type", Expect.Valid, (d, r) => PickOne(SchemaTyped(d), r, o => o.Remove("type")));
        yield return new("delete-all-schema-types", Expect.Valid, (d, _) => SchemaTyped(d).Select(o => o.Remove("type")).ToList().Count > 0);
        yield return new("delete-parameter-name", Expect.Problem, (d, r) => PickOne(JsonSurgery.Parameters(d), r, o => o.Remove("name")));
        yield return new("delete-parameter-in", Expect.Problem, (d, r) => PickOne(JsonSurgery.Parameters(d), r, o => o.Remove("in")));
        yield return new("delete-all-parameter-names", Expect.Problem, (d, _) => JsonSurgery.Parameters(d).Select(o => o.Remove("name")).ToList().Count > 0);
        // Responses are optional on an operation in OpenAPI 3.1.
        yield return new("delete-operation-responses", Expect.Valid, (d, r) => PickOne(JsonSurgery.Operations(d), r, o => o.Remove("responses")));
        yield return new("delete-all-responses", Expect.Valid, (d, _) => JsonSurgery.Operations(d).Select(o => o.Remove("responses")).ToList().Count > 0);
        yield return new("delete-request-body-content", Expect.Problem,
            (d, r) => PickOne(JsonSurgery.Operations(d).Select(o => o["requestBody"]).OfType<JsonObject>().Where(b => b.ContainsKey("content")).ToList(), r, o => o.Remove("content")));
        yield return new("delete-referenced-schema", Expect.Problem, (d, r) =>
        {
            var schemas = JsonSurgery.Schemas(d);
            if (schemas is null) return false;
            var referenced = schemas.Select(p => p.Key).Where(k => RefCount(d, "#/components/schemas/" + JsonSurgery.EscapePointer(k)) > 0).ToList();
            return referenced.Count > 0 && schemas.Remove(r.Pick(referenced));
        });

        // Wrong JSON types.
        yield return new("paths-as-array", Expect.Problem, (d, _) => Set(d, "paths", new JsonArray(1, "two")));
        yield return new("paths-as-string", Expect.Problem, (d, _) => Set(d, "paths", "paths"));
        yield return new("components-as-array", Expect.Problem, (d, _) => HasComponentRefs(d) && Set(d, "components", new JsonArray()));
        yield return new("schemas-as-array", Expect.Problem, (d, _) => HasComponentRefs(d, "schemas") && d["components"] is JsonObject c && Set(c, "schemas", new JsonArray(true)));
        yield return new("info-as-string", Expect.Problem, (d, _) => Set(d, "info", "info"));
        // The reader reads the number as the version string "3.1": harmless.
        yield return new("openapi-as-number", Expect.Valid, (d, _) => Set(d, "openapi", 3.1));
        yield return new("properties-as-string", Expect.Problem, (d, r) => PickOne(JsonSurgery.ObjectSchemas(d), r, o => Set(o, "properties", "name")));
        yield return new("properties-as-array", Expect.Problem, (d, r) => PickOne(JsonSurgery.ObjectSchemas(d), r, o => Set(o, "properties", new JsonArray("a", "b"))));
        yield return new("property-schema-as-number", Expect.Problem, (d, r) => PickOne(JsonSurgery.ObjectSchemas(d), r, o =>
        {
            var props = (JsonObject)o["properties"]!;
            props[props.First().Key] = 42;
            return true;
        }));
        yield return new("enum-as-object", Expect.Problem, (d, r) => PickOne(JsonSurgery.EnumSchemas(d), r, o => Set(o, "enum", new JsonObject { ["a"] = 1 })));
        yield return new("enum-as-string", Expect.Problem, (d, r) => PickOne(JsonSurgery.EnumSchemas(d), r, o => Set(o, "enum", "a,b")));
        yield return new("enum-mixed-json-types", Expect.Problem, (d, r) => PickOne(JsonSurgery.EnumSchemas(d), r, o => Set(o, "enum", new JsonArray(1, true, null, "x", new JsonObject(), new JsonArray()))));
        yield return new("required-as-string", Expect.Problem, (d, r) => PickOne(JsonSurgery.ObjectSchemas(d), r, o => Set(o, "required", "name")));
        yield return new("required-as-object", Expect.Problem, (d, r) => PickOne(JsonSurgery.ObjectSchemas(d), r, o => Set(o, "required", new JsonObject { ["name"] = true })));
        yield return new("required-with-non-strings", Expect.Problem, (d, r) => PickOne(JsonSurgery.ObjectSchemas(d), r, o => Set(o, "required", new JsonArray(1, null, false))));
        yield return new("items-as-number", Expect.Problem, (d, r) => PickOne(JsonSurgery.ArraySchemas(d), r, o => Set(o, "items", 7)));
        yield return new("items-as-array", Expect.Problem, (d, r) => PickOne(JsonSurgery.ArraySchemas(d), r, o => Set(o, "items", new JsonArray(new JsonObject { ["type"] = "string" }))));
        yield return new("array-without-items", Expect.Valid, (d, r) => PickOne(JsonSurgery.ArraySchemas(d), r, o => o.Remove("items")));
        yield return new("type-as-number", Expect.Problem, (d, r) => PickOne(SchemaTyped(d), r, o => Set(o, "type", 12)));
        yield return new("type-unknown-name", Expect.Problem, (d, r) => PickOne(SchemaTyped(d), r, o => Set(o, "type", "banana")));
        // Type arrays are OpenAPI 3.1 JSON Schema.
        yield return new("type-array-nullable", Expect.Valid, (d, r) => PickOne(SchemaTyped(d), r, o => Set(o, "type", new JsonArray(o["type"]!.ToString(), "null"))));
        yield return new("type-array-multi", Expect.Valid, (d, r) => PickOne(SchemaTyped(d), r, o => Set(o, "type", new JsonArray("string", "integer", "object"))));
        yield return new("type-as-object", Expect.Problem, (d, r) => PickOne(SchemaTyped(d), r, o => Set(o, "type", new JsonObject())));
        yield return new("operation-as-string", Expect.Problem, (d, r) => PickOne(PathItems(d), r, item => Set(item, FirstMethod(item), "oops")));
        yield return new("operation-as-array", Expect.Problem, (d, r) => PickOne(PathItems(d), r, item => Set(item, FirstMethod(item), new JsonArray())));
        yield return new("path-item-as-number", Expect.Problem, (d, r) =>
        {
            var paths = d["paths"] as JsonObject;
            if (paths is null || paths.Count == 0) return false;
            paths[r.Pick(paths.Select(p => p.Key).ToList())] = 5;
            return true;
        });
        yield return new("parameters-as-object", Expect.Problem, (d, r) => PickOne(JsonSurgery.Operations(d), r, o => Set(o, "parameters", new JsonObject { ["name"] = "x" })));
        yield return new("parameter-as-string", Expect.Problem, (d, r) => PickOne(JsonSurgery.Operations(d), r, o => Set(o, "parameters", new JsonArray("x", 3))));
        yield return new("parameter-in-unknown", Expect.Problem, (d, r) => PickOne(JsonSurgery.Parameters(d), r, o => Set(o, "in", "body")));
        yield return new("responses-as-array", Expect.Problem, (d, r) => PickOne(JsonSurgery.Operations(d), r, o => Set(o, "responses", new JsonArray(200))));
        yield return new("response-as-number", Expect.Problem, (d, r) => PickOne(JsonSurgery.Operations(d), r, o => Set(o, "responses", new JsonObject { ["200"] = 5 })));
        yield return new("response-code-garbage", Expect.Problem, (d, r) => PickOne(JsonSurgery.Operations(d), r, o => Set(o, "responses",
            new JsonObject { ["abc"] = new JsonObject { ["description"] = "?" }, ["99999"] = new JsonObject { ["description"] = "?" } })));
        yield return new("content-as-array", Expect.Problem,
            (d, r) => PickOne(JsonSurgery.Objects(d).Where(o => o["content"] is JsonObject).ToList(), r, o => Set(o, "content", new JsonArray("application/json"))));
        yield return new("request-body-as-string", Expect.Problem, (d, r) => PickOne(JsonSurgery.Operations(d), r, o => Set(o, "requestBody", "body")));
        yield return new("schema-as-string", Expect.Problem, (d, r) => PickOne(JsonSurgery.Parameters(d).Where(p => p["schema"] is not null).ToList(), r, o => Set(o, "schema", "string")));
        yield return new("ref-as-number", Expect.Problem, (d, r) => PickOne(Refs(d), r, o => Set(o, "$ref", 5)));
        yield return new("allOf-as-object", Expect.Problem, (d, r) => AddProperty(d, r, "robust", new JsonObject { ["allOf"] = new JsonObject { ["type"] = "string" } }));
        yield return new("additionalProperties-as-string", Expect.Problem, (d, r) => PickOne(JsonSurgery.ObjectSchemas(d), r, o => Set(o, "additionalProperties", "yes")));
        // The reader reads 17 as the operationId "17": harmless.
        yield return new("operationId-as-number", Expect.Valid, (d, r) => PickOne(JsonSurgery.Operations(d), r, o => Set(o, "operationId", 17)));
        yield return new("format-as-object", Expect.Problem, (d, r) => PickOne(SchemaTyped(d), r, o => Set(o, "format", new JsonObject())));
        yield return new("minimum-as-string", Expect.Problem, (d, r) => PickOne(SchemaTyped(d), r, o => Set(o, "minimum", "ten")));
        yield return new("tags-as-string", Expect.Problem, (d, r) => PickOne(JsonSurgery.Operations(d), r, o => Set(o, "tags", "tag")));
        yield return new("servers-as-object", Expect.Problem, (d, _) => Set(d, "servers", new JsonObject { ["url"] = "x" }));
        yield return new("security-as-string", Expect.Problem, (d, _) => Set(d, "security", "bearer"));

        // Dangling and odd references.
        foreach (var (kind, target) in new[]
                 {
                     ("missing-schema", "#/components/schemas/DoesNotExist"),
                     ("external-file", "other.json#/components/schemas/Thing"),
                     ("http-url", "https://example.invalid/schema.json"),
                     ("empty", ""),
                     ("root", "#"),
                     ("into-paths", "#/paths/~1nothing/get"),
                     ("bad-escape", "#/components/schemas/a~2b"),
                 })
        {
            yield return new("dangling-ref-property-" + kind, Expect.Problem, (d, r) => AddProperty(d, r, "robust", new JsonObject { ["$ref"] = target }));
        }
        yield return new("dangling-ref-retarget", Expect.Problem, (d, r) => PickOne(Refs(d), r, o => Set(o, "$ref", o["$ref"]!.ToString() + "Gone")));
        yield return new("dangling-ref-parameter", Expect.Problem, (d, r) => PickOne(JsonSurgery.Operations(d), r, o =>
            Set(o, "parameters", new JsonArray(new JsonObject { ["$ref"] = "#/components/parameters/Nope" }))));
        yield return new("dangling-ref-response", Expect.Problem, (d, r) => PickOne(JsonSurgery.Operations(d), r, o =>
            Set(o, "responses", new JsonObject { ["200"] = new JsonObject { ["$ref"] = "#/components/responses/Nope" } })));
        yield return new("dangling-ref-request-body", Expect.Problem, (d, r) => PickOne(JsonSurgery.Operations(d), r, o =>
            Set(o, "requestBody", new JsonObject { ["$ref"] = "#/components/requestBodies/Nope" })));

        // Cycles.
        yield return new("cycle-alias-a-b-a", Expect.Problem, (d, r) =>
            AddSchemas(d, ("CycleA", Ref("CycleB")), ("CycleB", Ref("CycleA"))) && AddProperty(d, r, "cycle", Ref("CycleA")));
        yield return new("cycle-alias-self", Expect.Problem, (d, r) => AddSchemas(d, ("CycleSelf", Ref("CycleSelf"))) && AddProperty(d, r, "cycle", Ref("CycleSelf")));
        yield return new("cycle-alias-three", Expect.Problem, (d, r) =>
            AddSchemas(d, ("Tri1", Ref("Tri2")), ("Tri2", Ref("Tri3")), ("Tri3", Ref("Tri1"))) && AddProperty(d, r, "cycle", Ref("Tri2")));
        yield return new("cycle-self-referencing-object", Expect.Valid, (d, r) => AddSchemas(d, ("TreeNode", new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["name"] = new JsonObject { ["type"] = "string" },
                ["parent"] = Ref("TreeNode"),
                ["children"] = new JsonObject { ["type"] = "array", ["items"] = Ref("TreeNode") },
                ["index"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = Ref("TreeNode") },
            },
        })) && AddProperty(d, r, "tree", Ref("TreeNode")));
        yield return new("cycle-mutual-objects", Expect.Valid, (d, r) => AddSchemas(d,
            ("Ping", new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["pong"] = Ref("Pong") } }),
            ("Pong", new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["ping"] = Ref("Ping") } })) && AddProperty(d, r, "ping", Ref("Ping")));
        yield return new("cycle-allOf-a-b-a", Expect.Problem, (d, r) => AddSchemas(d,
            ("AllA", new JsonObject { ["allOf"] = new JsonArray(Ref("AllB"), new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["a"] = new JsonObject { ["type"] = "string" } } }) }),
            ("AllB", new JsonObject { ["allOf"] = new JsonArray(Ref("AllA"), new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["b"] = new JsonObject { ["type"] = "string" } } }) }))
            && AddProperty(d, r, "all", Ref("AllA")));
        yield return new("cycle-allOf-self", Expect.Problem, (d, r) => AddSchemas(d,
            ("AllSelf", new JsonObject { ["allOf"] = new JsonArray(Ref("AllSelf"), new JsonObject { ["type"] = "object" }) })) && AddProperty(d, r, "all", Ref("AllSelf")));
        yield return new("cycle-oneOf-self", Expect.Problem, (d, r) => AddSchemas(d,
            ("OneSelf", new JsonObject { ["oneOf"] = new JsonArray(Ref("OneSelf"), new JsonObject { ["type"] = "string" }) })) && AddProperty(d, r, "one", Ref("OneSelf")));
        yield return new("cycle-array-of-itself", Expect.Valid, (d, r) => AddSchemas(d,
            ("Nested", new JsonObject { ["type"] = "array", ["items"] = Ref("Nested") })) && AddProperty(d, r, "nested", Ref("Nested")));
        yield return new("cycle-existing-schema-alias", Expect.Problem, (d, r) =>
        {
            // An existing component becomes an alias of a new one that points back at it.
            var schemas = JsonSurgery.Schemas(d);
            if (schemas is null || schemas.Count == 0) return false;
            var name = r.Pick(schemas.Select(p => p.Key).ToList());
            schemas[name] = Ref("BackPointer");
            return AddSchemas(d, ("BackPointer", Ref(name)));
        });

        // Huge strings.
        yield return new("huge-description-1mb", Expect.Valid, (d, r) =>
        {
            if (d["info"] is JsonObject info) info["description"] = Huge(r, 1 << 20);
            return PickOne(SchemaTyped(d), r, o => Set(o, "description", Huge(r, 1 << 20)));
        });
        yield return new("huge-property-name-100k", Expect.Valid, (d, r) => AddProperty(d, r, Huge(r, 100_000), new JsonObject { ["type"] = "string" }));
        yield return new("huge-schema-name-100k", Expect.Valid, (d, r) => RenameRandomSchema(d, r, Huge(r, 100_000)));
        yield return new("huge-enum-value-100k", Expect.Valid, (d, r) => PickOne(JsonSurgery.EnumSchemas(d), r, o => { ((JsonArray)o["enum"]!).Add(Huge(r, 100_000)); return true; }));
        yield return new("huge-operation-id-100k", Expect.Valid, (d, r) => PickOne(JsonSurgery.Operations(d), r, o => Set(o, "operationId", Huge(r, 100_000))));
        yield return new("huge-path-100k", Expect.Valid, (d, r) => AddPath(d, "/" + Huge(r, 100_000), "hugePath"));
        yield return new("huge-enum-1000-values", Expect.Valid, (d, r) =>
            AddProperty(d, r, "bigEnum", new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(Enumerable.Range(0, 1000).Select(i => (JsonNode?)("value_" + i)).ToArray()) }));
        yield return new("huge-300-properties", Expect.Valid, (d, _) =>
        {
            var props = new JsonObject();
            for (var i = 0; i < 300; i++) props["p" + i] = new JsonObject { ["type"] = i % 2 == 0 ? "string" : "integer" };
            return AddSchemas(d, ("Wide", new JsonObject { ["type"] = "object", ["properties"] = props }));
        });

        // Unicode, empty and keyword names.
        foreach (var (label, name) in new[]
                 {
                     ("empty", ""), ("emoji", "😀"), ("keyword-class", "class"), ("leading-digit", "123abc"), ("dots", "a.b.c"),
                     ("slash", "a/b"), ("spaces", "a b c"), ("tilde", "a~b"), ("unicode-letters", "Ünïcødé"), ("cjk", "日本語"),
                     ("underscore", "_"), ("at", "@"), ("reserved-TelnyxClient", "TelnyxClient"), ("reserved-System", "System"),
                     ("reserved-Task", "Task"), ("namespace-Telnyx", "Telnyx"), ("tab", "\t"), ("dash", "-"), ("rtl", "مرحبا"),
                     ("combining", "e\u0301"), ("zero-width", "a\u200Bb"), ("nul", "a\0b"),
                 })
        {
            yield return new("schema-name-" + label, Expect.Valid, (d, r) => RenameRandomSchema(d, r, name));
            yield return new("property-name-" + label, Expect.Valid, (d, r) => AddProperty(d, r, name, new JsonObject { ["type"] = "string" }));
            yield return new("enum-values-" + label, Expect.Valid, (d, r) => AddProperty(d, r, "robustEnum",
                new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(name, "plain") }));
            yield return new("operation-id-" + label, Expect.Valid, (d, r) => PickOne(JsonSurgery.Operations(d), r, o => Set(o, "operationId", name)));
        }
        yield return new("schema-names-collide-after-casing", Expect.Valid, (d, r) => RenameTwoSchemas(d, r, "foo_bar", "FooBar"));
        yield return new("schema-names-collide-case-only", Expect.Valid, (d, r) => RenameTwoSchemas(d, r, "Widget", "widget"));
        yield return new("property-names-collide-after-casing", Expect.Valid, (d, r) => AddProperties(d, r, "fooBar", "foo_bar", "FooBar", "foo-bar", "FOO_BAR"));
        yield return new("property-names-member-names", Expect.Valid, (d, r) => AddProperties(d, r, "ToString", "Equals", "GetHashCode", "EqualityContract", "ReadJson", "WriteJson", "Item", "$type", "__proto__"));
        yield return new("property-named-like-its-type", Expect.Valid, (d, r) =>
        {
            var schemas = JsonSurgery.Schemas(d);
            var objects = schemas?.Where(p => p.Value is JsonObject o && o["properties"] is JsonObject).Select(p => p.Key).ToList();
            if (objects is null || objects.Count == 0) return false;
            var name = r.Pick(objects);
            var props = (JsonObject)schemas![name]!["properties"]!;
            props[name] = new JsonObject { ["type"] = "string" };
            props[name.ToLowerInvariant()] = new JsonObject { ["type"] = "integer" };
            return true;
        });
        yield return new("enum-values-odd", Expect.Valid, (d, r) => AddProperty(d, r, "oddEnum", new JsonObject
        {
            ["type"] = "string",
            ["enum"] = new JsonArray("", " ", "1", "a-b", "A B", "ab", "AB", "a_b", "A_B", "Value", "Unknown", "null", "class", "😀", "-", "_"),
        }));
        yield return new("enum-values-duplicates", Expect.Valid, (d, r) => AddProperty(d, r, "dupEnum", new JsonObject
        {
            ["type"] = "string",
            ["enum"] = new JsonArray("same", "same", "Same"),
        }));
        yield return new("enum-integers", Expect.Valid, (d, r) => AddProperty(d, r, "intEnum", new JsonObject
        {
            ["type"] = "integer",
            ["enum"] = new JsonArray(0, -1, 2147483648L, 1),
        }));
        yield return new("enum-empty", Expect.Valid, (d, r) => AddProperty(d, r, "emptyEnum", new JsonObject { ["type"] = "string", ["enum"] = new JsonArray() }));

        // Operations.
        yield return new("operation-ids-duplicate", Expect.Problem, (d, _) =>
        {
            var ops = JsonSurgery.Operations(d);
            if (ops.Count < 2)
            {
                if (!AddPath(d, "/robust/duplicate", ops.FirstOrDefault()?["operationId"]?.ToString() ?? "dup")) return false;
                ops = JsonSurgery.Operations(d);
            }
            foreach (var op in ops) op["operationId"] = "sameId";
            return true;
        });
        yield return new("operation-ids-duplicate-after-casing", Expect.Valid, (d, _) =>
            AddPath(d, "/robust/one", "listThings") && AddPath(d, "/robust/two", "ListThings") && AddPath(d, "/robust/three", "list_things"));
        yield return new("operation-ids-removed", Expect.Valid, (d, _) => JsonSurgery.Operations(d).Select(o => o.Remove("operationId")).ToList().Count > 0);

        // Path templates.
        foreach (var (label, template, expect) in new[]
                 {
                     ("empty-braces", "/{}", Expect.Problem), ("repeated-param", "/{id}/{id}", Expect.Problem), ("unclosed", "/a/{x", Expect.Problem),
                     ("unopened", "/a/x}", Expect.Problem), ("nested-braces", "/{{id}}", Expect.Problem), ("no-slash", "things", Expect.Problem),
                     ("empty-path", "", Expect.Problem), ("adjacent-params", "/{a}{b}", Expect.Problem), ("spaces-in-param", "/{ id }", Expect.Problem),
                     ("emoji-param", "/{😀}", Expect.Problem), ("undeclared-param", "/things/{thingId}", Expect.Problem),
                     ("query-in-path", "/things?x=1", Expect.Valid), ("double-slash", "//things//", Expect.Valid), ("root", "/", Expect.Valid),
                 })
        {
            yield return new("path-template-" + label, expect, (d, _) => AddPath(d, template, "weird_" + label.Replace('-', '_'), declare: template.Contains("{id}") ? "id" : null));
        }
        yield return new("path-template-declared-param-missing", Expect.Problem, (d, _) => AddPath(d, "/things", "declaredOnly", declare: "thingId"));
        yield return new("path-rename-existing", Expect.Problem, (d, r) =>
        {
            var paths = d["paths"] as JsonObject;
            var templated = paths?.Select(p => p.Key).Where(k => k.Contains('{')).ToList();
            if (templated is null || templated.Count == 0) return false;
            JsonSurgery.RenameKey(paths!, r.Pick(templated), "/renamed/{notDeclared}/{");
            return true;
        });

        // Deep nesting (legal JSON depth: under the reader's 512).
        yield return new("deep-items-200", Expect.Valid, (d, r) => AddProperty(d, r, "deepItems", Nest(200, inner => new JsonObject { ["type"] = "array", ["items"] = inner })));
        yield return new("deep-properties-200", Expect.Valid, (d, r) => AddProperty(d, r, "deepProps",
            Nest(200, inner => new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["next"] = inner } })));
        yield return new("deep-allOf-200", Expect.Valid, (d, r) => AddProperty(d, r, "deepAllOf", Nest(200, inner => new JsonObject { ["allOf"] = new JsonArray(inner) })));
        yield return new("deep-additionalProperties-200", Expect.Valid, (d, r) => AddProperty(d, r, "deepMap",
            Nest(200, inner => new JsonObject { ["type"] = "object", ["additionalProperties"] = inner })));
        yield return new("deep-ref-chain-200", Expect.Valid, (d, r) =>
        {
            var chain = Enumerable.Range(0, 200).Select(i => ("Chain" + i, i == 199
                ? new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["end"] = new JsonObject { ["type"] = "string" } } }
                : Ref("Chain" + (i + 1)))).ToArray();
            return AddSchemas(d, chain) && AddProperty(d, r, "chain", Ref("Chain0"));
        });
        yield return new("deep-object-chain-200", Expect.Valid, (d, r) =>
        {
            var chain = Enumerable.Range(0, 200).Select(i => ("Link" + i, i == 199
                ? new JsonObject { ["type"] = "object" }
                : new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["next"] = Ref("Link" + (i + 1)) } })).ToArray();
            return AddSchemas(d, chain) && AddProperty(d, r, "link", Ref("Link0"));
        });

        // Deeply nested JSON arrays in an extension (JSON reader depth).
        foreach (var depth in new[] { 100, 500, 511, 513, 1000 })
        {
            yield return new("json-array-depth-" + depth, depth > 500 ? Expect.Problem : Expect.Valid, (d, _) => Set(d, "x-deep", NestedArrays(depth)));
        }
    }

    // ---- names the generator itself uses, keywords, case ----------------------------------------------------------

    /// <summary>Members the emitters write into every record, enum struct or union, in the spec's snake and Pascal forms.</summary>
    private static readonly string[] GeneratedMemberNames =
    {
        "AdditionalProperties", "ReadJson", "WriteJson", "PropertyIndex", "ThrowIfInvalid", "EqualityContract", "Deconstruct",
        "ToString", "GetHashCode", "Equals", "PrintMembers", "Clone", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
        "Present0", "Present1", "AdditionalJsonProperties", "Value", "Raw", "IsKnown", "IsUnknown", "KnownValues", "AddTo",
        // The object reader's own locals and parameters, beside which each property gets a local; and the accessors' field keyword.
        "Reader", "Extra", "Index", "UnknownName", "Result", "Writer", "Var", "Nameof", "Global", "Field",
    };

    private static readonly string[] Keywords = { "class", "namespace", "event", "base", "this", "object", "string", "int", "default", "params", "operator", "static", "void", "async", "await", "record", "value", "var" };

    private static string Snake(string pascal)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i])) sb.Append('_');
            sb.Append(char.ToLowerInvariant(pascal[i]));
        }
        return sb.ToString();
    }

    private static IEnumerable<Mutation> MutationsOfGeneratedNames()
    {
        foreach (var (label, names) in new[]
                 {
                     ("snake", GeneratedMemberNames.Select(Snake).ToArray()),
                     ("pascal", GeneratedMemberNames),
                 })
        {
            // Nullable properties, so the object also has presence fields (_present0) for present0 to clash with.
            yield return new("property-names-generated-members-" + label, Expect.Valid, (d, r) => AddTypedProperties(d, r, names, Nullable("string")));
            yield return new("enum-values-generated-members-" + label, Expect.Valid, (d, r) => AddProperty(d, r, "memberEnum",
                new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(names.Select(n => (JsonNode?)n).ToArray()) }));
            yield return new("schema-names-generated-members-" + label, Expect.Valid, (d, r) =>
            {
                // Each name as an object, an enum and a union type: no type may share a name with its own member.
                var added = new List<(string, JsonObject)>();
                foreach (var (name, i) in names.Select((n, i) => (n, i)))
                {
                    added.Add((name, (i % 3) switch
                    {
                        0 => new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { [name] = new JsonObject { ["type"] = "string" } } },
                        1 => new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(name, "other") },
                        _ => new JsonObject { ["oneOf"] = new JsonArray(new JsonObject { ["type"] = "string" }, new JsonObject { ["type"] = "integer" }) },
                    }));
                }
                return AddSchemas(d, added.ToArray()) && AddTypedProperties(d, r, names.Select(n => "ref_" + n).ToArray(), null, names.Select(Ref).ToArray());
            });
        }
        yield return new("property-names-keywords", Expect.Valid, (d, r) => AddTypedProperties(d, r, Keywords, Nullable("integer")));
        yield return new("enum-values-keywords", Expect.Valid, (d, r) => AddProperty(d, r, "keywordEnum",
            new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(Keywords.Select(k => (JsonNode?)k).ToArray()) }));
        yield return new("schema-names-keywords", Expect.Valid, (d, r) =>
            AddSchemas(d, Keywords.Select(k => (k, new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { [k] = new JsonObject { ["type"] = "string" } } })).ToArray())
            && AddTypedProperties(d, r, Keywords.Select(k => k + "_ref").ToArray(), null, Keywords.Select(Ref).ToArray()));
        yield return new("path-parameters-keywords-and-locals", Expect.Valid, (d, _) =>
        {
            // Path parameters named like C# keywords and like the locals of the generated method body.
            var names = new[] { "class", "path", "message", "buffer", "writer", "reader", "value", "request", "options", "cancellationToken" };
            if (d["paths"] is not JsonObject paths) d["paths"] = paths = new JsonObject();
            var template = "/robust/" + string.Join("/", names.Select(n => "{" + n + "}"));
            if (paths.ContainsKey(template)) return false;
            var parameters = new JsonArray(names.Select(n => (JsonNode?)new JsonObject { ["name"] = n, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } }).ToArray());
            parameters.Add(new JsonObject { ["name"] = "add_to", ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "string" } });
            parameters.Add(new JsonObject { ["name"] = "page_size", ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "integer" } });
            paths[template] = new JsonObject
            {
                ["post"] = new JsonObject
                {
                    ["operationId"] = "robustKeywords",
                    ["parameters"] = parameters,
                    ["requestBody"] = new JsonObject { ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "object" } } } },
                    ["responses"] = new JsonObject { ["204"] = new JsonObject { ["description"] = "none" } },
                },
            };
            return true;
        });
        yield return new("union-case-names-generated-members", Expect.Valid, (d, r) =>
            // A case type named Unknown (IsUnknown), unions named IsString / AsInteger / FromBoolean (CS0542 for the case).
            AddSchemas(d,
                ("Unknown", new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["x"] = new JsonObject { ["type"] = "string" } } }),
                ("IsString", new JsonObject { ["oneOf"] = new JsonArray(new JsonObject { ["type"] = "string" }, new JsonObject { ["type"] = "integer" }) }),
                ("AsInteger", new JsonObject { ["type"] = new JsonArray("integer", "boolean") }),
                ("FromBoolean", new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "boolean" }, Ref("Unknown")) }),
                ("WithUnknown", new JsonObject { ["oneOf"] = new JsonArray(Ref("Unknown"), new JsonObject { ["type"] = "string" }) }))
            && AddTypedProperties(d, r, new[] { "is_string", "as_integer", "from_boolean", "with_unknown" }, null,
                new[] { Ref("IsString"), Ref("AsInteger"), Ref("FromBoolean"), Ref("WithUnknown") }));
        yield return new("schema-names-differ-in-case-only", Expect.Valid, (d, r) =>
            // Distinct C# types, but Roslyn compares file (hint) names ignoring case.
            AddSchemas(d,
                ("FooBar", new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["a"] = new JsonObject { ["type"] = "string" } } }),
                ("Foobar", new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("x", "y") }),
                ("FOOBAR", new JsonObject { ["oneOf"] = new JsonArray(new JsonObject { ["type"] = "string" }, new JsonObject { ["type"] = "integer" }) }),
                ("telnyxclient", new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["b"] = new JsonObject { ["type"] = "string" } } }))
            && AddTypedProperties(d, r, new[] { "foo_bar_1", "foo_bar_2", "foo_bar_3", "client" }, null, new[] { Ref("FooBar"), Ref("Foobar"), Ref("FOOBAR"), Ref("telnyxclient") }));
        yield return new("property-names-differ-in-case-only", Expect.Valid, (d, r) => AddTypedProperties(d, r, new[] { "url", "URL", "Url", "uRL", "present0", "Present0" }, Nullable("string")));
        yield return new("enum-values-differ-in-case-only", Expect.Valid, (d, r) => AddProperty(d, r, "caseEnum",
            new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("on", "On", "ON", "oN", "value", "Value", "VALUE") }));
        yield return new("schema-name-runtime", Expect.Valid, (d, r) =>
            AddSchemas(d, ("Runtime", new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["v"] = new JsonObject { ["type"] = "string" } } }))
            && AddProperty(d, r, "runtime", Ref("Runtime")));
    }

    private static JsonObject Nullable(string type) => new() { ["type"] = new JsonArray(type, "null") };

    /// <summary>Adds properties (all of <paramref name="schema"/>, or one of <paramref name="schemas"/> each) to an object schema and to a new component.</summary>
    private static bool AddTypedProperties(JsonObject doc, Random random, string[] names, JsonObject? schema, JsonObject[]? schemas = null)
    {
        var props = new JsonObject();
        for (var i = 0; i < names.Length; i++) props[names[i]] = (schemas?[i] ?? schema)!.DeepClone();
        return AddProperty(doc, random, "robustHolder", new JsonObject { ["type"] = "object", ["properties"] = props })
               && AddSchemas(doc, ("RobustFlat", new JsonObject { ["type"] = "object", ["properties"] = props.DeepClone() }));
    }

    // ---- values of the wrong JSON kind where an object belongs ----------------------------------------------------

    private static readonly (string Label, Func<JsonNode?> Value)[] NonObjects =
    {
        ("number", () => 42), ("string", () => "schema"), ("true", () => true), ("null", () => null), ("array", () => new JsonArray(1, "x")),
    };

    private static IEnumerable<Mutation> NonObjectMutations()
    {
        foreach (var (label, value) in NonObjects)
        {
            yield return new("component-schema-as-" + label, Expect.Degraded, (d, r) =>
            {
                // A referenced component, so the damage reaches the generated code.
                var schemas = JsonSurgery.Schemas(d);
                var referenced = schemas?.Select(p => p.Key).Where(k => RefCount(d, "#/components/schemas/" + JsonSurgery.EscapePointer(k)) > 0).ToList();
                if (referenced is null || referenced.Count == 0) return false;
                schemas![r.Pick(referenced)] = value();
                return true;
            });
            yield return new("added-component-schema-as-" + label, Expect.Degraded, (d, r) => AddSchemas(d, ("Broken", new JsonObject())) && SetComponent(d, "schemas", "Broken", value()) && AddProperty(d, r, "broken", Ref("Broken")));
            yield return new("property-schema-is-" + label, Expect.Degraded, (d, r) => PickOne(JsonSurgery.ObjectSchemas(d), r, o =>
            {
                var props = (JsonObject)o["properties"]!;
                props[r.Pick(props.Select(p => p.Key).ToList())] = value();
                return true;
            }));
            yield return new("items-is-" + label, Expect.Degraded, (d, r) => PickOne(JsonSurgery.ArraySchemas(d), r, o => Set(o, "items", value())));
            yield return new("oneOf-entry-is-" + label, Expect.Degraded, (d, r) => AddProperty(d, r, "robustUnion",
                new JsonObject { ["oneOf"] = new JsonArray(value(), new JsonObject { ["type"] = "string" }, new JsonObject { ["type"] = "integer" }) }));
            yield return new("allOf-entry-is-" + label, Expect.Degraded, (d, r) => AddProperty(d, r, "robustAll",
                new JsonObject { ["allOf"] = new JsonArray(value(), new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["a"] = new JsonObject { ["type"] = "string" } } }) }));
            yield return new("parameter-schema-is-" + label, Expect.Degraded, (d, r) => PickOne(JsonSurgery.Parameters(d).Where(p => p["schema"] is JsonObject).ToList(), r, o => Set(o, "schema", value())));
            yield return new("component-parameter-as-" + label, Expect.Degraded, (d, r) => PickOne(JsonSurgery.Operations(d), r, o =>
            {
                var parameters = o["parameters"] as JsonArray ?? new JsonArray();
                o["parameters"] = parameters;
                parameters.Add(new JsonObject { ["$ref"] = "#/components/parameters/RobustParam" });
                return SetComponent(d, "parameters", "RobustParam", value());
            }));
            yield return new("component-response-as-" + label, Expect.Degraded, (d, r) => PickOne(JsonSurgery.Operations(d), r, o =>
            {
                if (o["responses"] is not JsonObject responses) o["responses"] = responses = new JsonObject();
                responses["418"] = new JsonObject { ["$ref"] = "#/components/responses/RobustResponse" };
                return SetComponent(d, "responses", "RobustResponse", value());
            }));
            yield return new("component-request-body-as-" + label, Expect.Degraded, (d, r) => PickOne(JsonSurgery.Operations(d).Where(o => o["requestBody"] is null).ToList(), r, o =>
                Set(o, "requestBody", new JsonObject { ["$ref"] = "#/components/requestBodies/RobustBody" }) && SetComponent(d, "requestBodies", "RobustBody", value())));
            yield return new("response-is-" + label, Expect.Degraded, (d, r) => PickOne(JsonSurgery.Operations(d).Where(o => o["responses"] is JsonObject).ToList(), r, o =>
            {
                ((JsonObject)o["responses"]!)["599"] = value();
                return true;
            }));
            yield return new("media-type-is-" + label, Expect.Degraded, (d, r) =>
                PickOne(JsonSurgery.Objects(d).Where(o => o["content"] is JsonObject { Count: > 0 }).ToList(), r, o => Set((JsonObject)o["content"]!, "application/robust", value())));
            yield return new("path-item-is-" + label, Expect.Degraded, (d, r) =>
            {
                if (d["paths"] is not JsonObject paths) return false;
                paths["/robust/broken"] = value();
                return true;
            });
            if (label != "true")
            {
                yield return new("additionalProperties-is-" + label, Expect.Degraded, (d, r) => PickOne(JsonSurgery.ObjectSchemas(d), r, o => Set(o, "additionalProperties", value())));
            }
        }
    }

    private static bool SetComponent(JsonObject doc, string kind, string name, JsonNode? value)
    {
        if (doc["components"] is not JsonObject components) doc["components"] = components = new JsonObject();
        if (components[kind] is not JsonObject bucket) components[kind] = bucket = new JsonObject();
        bucket[name] = value;
        return true;
    }

    // ---- type arrays, in 3.1 and (read leniently) in 3.0 -----------------------------------------------------------

    private static IEnumerable<Mutation> TypeArrayMutations()
    {
        foreach (var version in new[] { "3.1.0", "3.0.3" })
        {
            var v = version.Substring(0, 3).Replace(".", "");
            foreach (var (label, types) in new[]
                     {
                         ("integer-string", new[] { "integer", "string" }), ("integer-string-null", new[] { "integer", "string", "null" }),
                         ("string-null", new[] { "string", "null" }), ("null-first", new[] { "null", "number", "boolean" }),
                         ("object-array-string", new[] { "object", "array", "string" }), ("all", new[] { "null", "boolean", "integer", "number", "string", "object", "array" }),
                         ("empty", Array.Empty<string>()), ("duplicates", new[] { "integer", "integer", "string" }),
                     })
            {
                yield return new("type-array-" + label + "-" + v, Expect.Valid, (d, r) =>
                {
                    d["openapi"] = version;
                    var schema = new JsonObject { ["type"] = new JsonArray(types.Select(t => (JsonNode?)t).ToArray()) };
                    if (types.Contains("object")) schema["properties"] = new JsonObject { ["url"] = new JsonObject { ["type"] = "string" } };
                    if (types.Contains("array")) schema["items"] = new JsonObject { ["type"] = "integer" };
                    // In a property, array items, a component and a query parameter.
                    var ok = AddProperty(d, r, "typeArray", schema.DeepClone())
                             && AddProperty(d, r, "typeArrays", new JsonObject { ["type"] = "array", ["items"] = schema.DeepClone() })
                             && AddSchemas(d, ("RobustTypeArray", (JsonObject)schema.DeepClone()));
                    PickOne(JsonSurgery.Parameters(d).Where(p => p["in"]?.ToString() == "query").ToList(), r, p => Set(p, "schema", schema.DeepClone()));
                    return ok;
                });
            }
            yield return new("type-array-with-nullable-" + v, Expect.Valid, (d, r) =>
            {
                d["openapi"] = version;
                return AddProperty(d, r, "nullableTypeArray", new JsonObject { ["nullable"] = true, ["type"] = new JsonArray("integer", "string") });
            });
            yield return new("type-array-unknown-name-" + v, Expect.Problem, (d, r) =>
            {
                // 3.1: the reader reports the name; 3.0: the generator does.
                d["openapi"] = version;
                return AddProperty(d, r, "bananaTypes", new JsonObject { ["type"] = new JsonArray("integer", "banana") });
            });
        }
        // Every existing schema type turned into a type array, in a 3.0 document.
        yield return new("type-arrays-everywhere-30", Expect.Valid, (d, _) =>
        {
            d["openapi"] = "3.0.3";
            var typed = SchemaTyped(d);
            foreach (var (o, i) in typed.Select((o, i) => (o, i)))
            {
                var type = o["type"]!.ToString();
                o["type"] = i % 2 == 0 ? new JsonArray(type, "null") : new JsonArray(type);
            }
            return typed.Count > 0;
        });
    }

    private static JsonNode NestedArrays(int depth)
    {
        JsonNode node = new JsonArray();
        for (var i = 1; i < depth; i++) node = new JsonArray(node);
        return node;
    }

    private static JsonObject Nest(int depth, Func<JsonObject, JsonObject> wrap)
    {
        var node = new JsonObject { ["type"] = "string" };
        for (var i = 0; i < depth; i++) node = wrap(node);
        return node;
    }

    private static JsonObject Ref(string schema) => new() { ["$ref"] = "#/components/schemas/" + JsonSurgery.EscapePointer(schema) };

    private static bool Set(JsonObject obj, string key, JsonNode? value)
    {
        obj[key] = value;
        return true;
    }

    private static bool PickOne(IReadOnlyList<JsonObject> items, Random random, Func<JsonObject, bool> apply)
        => items.Count > 0 && apply(random.Pick(items));

    private static List<JsonObject> SchemaTyped(JsonObject doc)
        => JsonSurgery.Typed(doc).Where(o => SchemaTypes.Contains(o["type"]!.ToString())).ToList();

    private static List<JsonObject> Refs(JsonObject doc)
        => JsonSurgery.Objects(doc).Where(o => o["$ref"] is JsonValue v && v.ToString().StartsWith("#/components/schemas/", StringComparison.Ordinal)).ToList();

    private static List<JsonObject> PathItems(JsonObject doc)
        => (doc["paths"] as JsonObject)?.Select(p => p.Value).OfType<JsonObject>().Where(i => FirstMethod(i) is not null).ToList() ?? new List<JsonObject>();

    private static string FirstMethod(JsonObject item) => JsonSurgery.Methods.FirstOrDefault(item.ContainsKey)!;

    private static int RefCount(JsonObject doc, string reference)
        => JsonSurgery.Objects(doc).Count(o => o["$ref"] is JsonValue v && v.ToString() == reference);

    private static bool HasComponentRefs(JsonObject doc, string kind = "")
        => JsonSurgery.Objects(doc).Any(o => o["$ref"] is JsonValue v && v.ToString().StartsWith("#/components/" + kind, StringComparison.Ordinal));

    private static JsonObject EnsureSchemas(JsonObject doc)
    {
        if (doc["components"] is not JsonObject components)
        {
            components = new JsonObject();
            doc["components"] = components;
        }
        if (components["schemas"] is not JsonObject schemas)
        {
            schemas = new JsonObject();
            components["schemas"] = schemas;
        }
        return schemas;
    }

    private static bool AddSchemas(JsonObject doc, params (string Name, JsonObject Schema)[] schemas)
    {
        var bucket = EnsureSchemas(doc);
        foreach (var (name, schema) in schemas)
        {
            if (bucket.ContainsKey(name)) return false;
            bucket[name] = schema;
        }
        return true;
    }

    /// <summary>Adds a property to a random object schema of the document (or to a new component that holds it).</summary>
    private static bool AddProperty(JsonObject doc, Random random, string name, JsonNode schema)
    {
        var objects = JsonSurgery.ObjectSchemas(doc).Where(o => !((JsonObject)o["properties"]!).ContainsKey(name)).ToList();
        if (objects.Count == 0)
        {
            return AddSchemas(doc, ("RobustHolder", new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { [name] = schema } }));
        }
        ((JsonObject)random.Pick(objects)["properties"]!)[name] = schema;
        return true;
    }

    private static bool AddProperties(JsonObject doc, Random random, params string[] names)
    {
        var props = new JsonObject();
        foreach (var name in names) props[name] = new JsonObject { ["type"] = "string" };
        return AddProperty(doc, random, "robustHolder", new JsonObject { ["type"] = "object", ["properties"] = props })
               && AddSchemas(doc, ("RobustFlat", new JsonObject { ["type"] = "object", ["properties"] = props.DeepClone() }));
    }

    private static bool RenameRandomSchema(JsonObject doc, Random random, string to)
    {
        var schemas = JsonSurgery.Schemas(doc);
        if (schemas is null || schemas.Count == 0) return false;
        return JsonSurgery.RenameSchema(doc, random.Pick(schemas.Select(p => p.Key).ToList()), to);
    }

    private static bool RenameTwoSchemas(JsonObject doc, Random random, string first, string second)
    {
        var schemas = JsonSurgery.Schemas(doc);
        if (schemas is null || schemas.Count < 2) return false;
        var keys = schemas.Select(p => p.Key).ToList();
        var a = random.Pick(keys);
        keys.Remove(a);
        var b = random.Pick(keys);
        return JsonSurgery.RenameSchema(doc, a, first) && JsonSurgery.RenameSchema(doc, b, second);
    }

    /// <summary>Adds a path with one GET operation (and, if asked, a declared path parameter).</summary>
    private static bool AddPath(JsonObject doc, string template, string operationId, string? declare = null)
    {
        if (doc["paths"] is not JsonObject paths)
        {
            paths = new JsonObject();
            doc["paths"] = paths;
        }
        if (paths.ContainsKey(template)) return false;
        var op = new JsonObject
        {
            ["operationId"] = operationId,
            ["responses"] = new JsonObject
            {
                ["200"] = new JsonObject
                {
                    ["description"] = "ok",
                    ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "object" } } },
                },
            },
        };
        if (declare is not null)
        {
            op["parameters"] = new JsonArray(new JsonObject { ["name"] = declare, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });
        }
        paths[template] = new JsonObject { ["get"] = op };
        return true;
    }

    private static string Huge(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = (char)('a' + random.Next(26));
        return new string(chars);
    }

    // ---- text mutations ---------------------------------------------------------------------------------------------

    private static IEnumerable<(string, string, Expect)> TextMutations(string label, string text)
    {
        var random = new Random(JsonSurgery.Seed(label + "/text"));
        for (var i = 0; i < 6; i++)
        {
            var at = 1 + random.Next(text.Length - 1);
            yield return ($"truncated-at-{at}", text.Substring(0, at), Expect.Problem);
        }
        yield return ("truncated-to-half-of-first-line", text.Substring(0, 1), Expect.Problem);
        for (var i = 0; i < 4; i++)
        {
            // Random characters overwritten: may land in a description (still a valid document) or break it.
            var chars = text.ToCharArray();
            var count = 1 + random.Next(20);
            for (var k = 0; k < count; k++) chars[random.Next(chars.Length)] = (char)random.Next(0, 0xD7FF);
            yield return ($"noise-overwrite-{i}", new string(chars), Expect.Valid);
        }
        for (var i = 0; i < 2; i++)
        {
            var bytes = new byte[1 + random.Next(64)];
            random.NextBytes(bytes);
            var at = random.Next(text.Length);
            yield return ($"noise-insert-bytes-{i}", text.Substring(0, at) + Encoding.Latin1.GetString(bytes) + text.Substring(at), Expect.Valid);
        }
        yield return ("bom-twice", "\uFEFF\uFEFF" + text, Expect.Problem);
        yield return ("bom-in-middle", text.Insert(text.IndexOf(',') + 1, "\uFEFF"), Expect.Valid);
        yield return ("crlf-line-endings", text.Replace("\n", "\r\n"), Expect.Clean);
        yield return ("cr-only-line-endings", text.Replace("\n", "\r"), Expect.Clean);
        yield return ("nul-appended", text + "\0", Expect.Problem);
        yield return ("trailing-garbage", text + " }", Expect.Problem);
    }

    private static IEnumerable<(string, string, Expect)> Degenerate()
    {
        yield return ("empty-object", "{}", Expect.Problem);
        yield return ("null", "null", Expect.Problem);
        yield return ("empty-array", "[]", Expect.Problem);
        yield return ("empty-string-literal", "\"\"", Expect.Problem);
        yield return ("zero", "0", Expect.Problem);
        yield return ("true", "true", Expect.Problem);
        yield return ("whitespace", " \r\n\t ", Expect.Problem);
        yield return ("empty", "", Expect.Problem);
        yield return ("bom-only", "\uFEFF", Expect.Problem);
        yield return ("nul-only", "\0", Expect.Problem);
        yield return ("openapi-only", "{\"openapi\":\"3.1.0\"}", Expect.Problem);
        yield return ("openapi-info-no-paths", "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"t\",\"version\":\"1\"}}", Expect.Problem);
        yield return ("openapi-empty-paths", "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"t\",\"version\":\"1\"},\"paths\":{}}", Expect.Problem);
        yield return ("swagger-2", "{\"swagger\":\"2.0\",\"info\":{\"title\":\"t\",\"version\":\"1\"},\"paths\":{}}", Expect.Problem);
        yield return ("openapi-2-0", "{\"openapi\":\"2.0\",\"info\":{\"title\":\"t\",\"version\":\"1\"},\"paths\":{\"/a\":{}}}", Expect.Problem);
        yield return ("openapi-4-0", "{\"openapi\":\"4.0.0\",\"info\":{\"title\":\"t\",\"version\":\"1\"},\"paths\":{\"/a\":{}}}", Expect.Problem);
        yield return ("openapi-garbage-version", "{\"openapi\":\"banana\",\"info\":{\"title\":\"t\",\"version\":\"1\"},\"paths\":{\"/a\":{}}}", Expect.Problem);
        yield return ("openapi-null", "{\"openapi\":null,\"paths\":{}}", Expect.Problem);
        yield return ("duplicate-keys", "{\"openapi\":\"3.1.0\",\"openapi\":\"3.0.0\",\"info\":{\"title\":\"t\",\"version\":\"1\"},\"paths\":{\"/a\":{\"get\":{\"responses\":{\"200\":{\"description\":\"ok\"}}}}}}", Expect.Valid);
        yield return ("single-quotes", "{'openapi':'3.1.0'}", Expect.Problem);
        yield return ("comments-and-trailing-commas", "// spec\n{\"openapi\":\"3.1.0\", /* c */ \"info\":{\"title\":\"t\",\"version\":\"1\",},\"components\":{\"schemas\":{\"A\":{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"string\"}}}}},}", Expect.Valid);
        yield return ("yaml-instead-of-json", "openapi: 3.1.0\ninfo:\n  title: t\n  version: '1'\npaths: {}\n", Expect.Problem);
        yield return ("nan-number", "{\"openapi\":\"3.1.0\",\"x\":NaN}", Expect.Problem);
        yield return ("root-array-depth-1000", new string('[', 1000) + new string(']', 1000), Expect.Problem);
        yield return ("root-object-depth-1000", string.Concat(Enumerable.Repeat("{\"a\":", 1000)) + "1" + new string('}', 1000), Expect.Problem);
        var random = new Random(JsonSurgery.Seed("doc/noise"));
        for (var i = 0; i < 4; i++)
        {
            var bytes = new byte[256 << i];
            random.NextBytes(bytes);
            yield return ($"random-bytes-{bytes.Length}-utf8", Encoding.UTF8.GetString(bytes), Expect.Problem);
            yield return ($"random-bytes-{bytes.Length}-latin1", Encoding.Latin1.GetString(bytes), Expect.Problem);
        }
        yield return ("random-bytes-after-brace", "{" + Encoding.Latin1.GetString(Enumerable.Range(0, 300).Select(_ => (byte)random.Next(256)).ToArray()), Expect.Problem);
    }
}
