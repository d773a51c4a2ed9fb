using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Telnyx.Generator.Diagnostics;
using Telnyx.Generator.Helpers;
using Telnyx.Generator.Modeling;
using Telnyx.Generator.Modeling.Builders;

namespace Telnyx.Generator.OpenApi;

/// <summary>The text of one spec file and the options that apply to it: the input of the pipeline.</summary>
/// <param name="Include">The <c>TelnyxInclude</c> selectors, or null for the whole document.</param>
internal sealed record SpecSource(string Path, string? Text, string Namespace, string? ReadError, string? Include = null);

/// <summary>The result of reading one spec: a model (null when the spec is unusable) and its diagnostics.</summary>
internal sealed record SpecResult(ApiModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>What the parse stage hands the model stage; <see cref="Failed"/> is the final result when there is no document to build from.</summary>
internal sealed class ParsedSpec
{
    public ParsedSpec(SpecResult? failed, string text, byte[] utf8, OpenApiDocument? document, bool usable, List<PendingDiagnostic> pending)
    {
        Failed = failed;
        Text = text;
        Utf8 = utf8;
        Document = document;
        Usable = usable;
        Pending = pending;
    }

    public SpecResult? Failed { get; }
    public string Text { get; }
    public byte[] Utf8 { get; }
    public OpenApiDocument? Document { get; }
    /// <summary>The document has paths, schemas or webhooks to generate from.</summary>
    public bool Usable { get; }
    public List<PendingDiagnostic> Pending { get; }

    public static ParsedSpec Failure(SpecResult result) => new(result, "", Array.Empty<byte>(), null, false, new List<PendingDiagnostic>());
}

/// <summary>Spec text -> OpenAPI document -> <see cref="ApiModel"/>, turning every failure into a located diagnostic.</summary>
internal static class SpecReader
{
    /// <param name="inspect">A test seam that sees the parsed document; an exception it throws must become TLX0099.</param>
    public static SpecResult Read(SpecSource source, CancellationToken cancellationToken, Action<OpenApiDocument>? inspect = null)
    {
        try
        {
            var parsed = Parse(source, cancellationToken);
            return parsed.Failed ?? BuildModel(source, parsed, cancellationToken, inspect);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            return Fail(DiagnosticDescriptors.InternalError.Id, SpecLocation.FileStart(source.Path), source.Path, ex.GetType().Name + ": " + ex.Message);
        }
    }

    /// <summary>
    /// The parse stage: text -> OpenAPI document. Validates the JSON (and scans its keywords) in one pass, then runs
    /// Microsoft.OpenApi. A document that cannot be read ends here with <see cref="ParsedSpec.Failed"/> set.
    /// </summary>
    internal static ParsedSpec Parse(SpecSource source, CancellationToken cancellationToken)
    {
        var path = source.Path;
        if (source.Text is null)
        {
            return ParsedSpec.Failure(Fail(DiagnosticDescriptors.SpecNotFound.Id, SpecLocation.FileStart(path), path, source.ReadError ?? "the file does not exist or cannot be read"));
        }
        // A byte-order mark is not JSON; Roslyn usually strips it, an in-memory text may not.
        var text = source.Text.Length > 0 && source.Text[0] == '\uFEFF' ? source.Text.Substring(1) : source.Text;
        if (string.IsNullOrWhiteSpace(text)) // Trim() would copy the whole document when it ends with a newline
        {
            return ParsedSpec.Failure(Fail(DiagnosticDescriptors.InvalidJson.Id, SpecLocation.FileStart(path), "the file is empty"));
        }

        var utf8 = Encoding.UTF8.GetBytes(text);
        var keywordFindings = new ScanFindings();
        if (CheckJson(path, text, utf8, keywordFindings) is { } jsonError) return ParsedSpec.Failure(new SpecResult(null, new[] { jsonError }.ToEquatableArray()));
        if (CheckOpenApiRoot(path, text, utf8) is { } rootError) return ParsedSpec.Failure(new SpecResult(null, new[] { rootError }.ToEquatableArray()));

        cancellationToken.ThrowIfCancellationRequested();
        var settings = new OpenApiReaderSettings();
        ReadResult result;
        try
        {
            // Values of the wrong JSON kind where an object belongs are handed to the reader as {}; diagnostics are
            // still located in the original text, since the JSON pointers are the same in both.
            result = OpenApiDocument.Parse(keywordFindings.Replacements.Count == 0 ? text : WithEmptyObjects(utf8, keywordFindings.Replacements), "json", settings);
        }
        catch (OpenApiUnsupportedSpecVersionException ex)
        {
            // A spec problem, not a generator failure: reported at the version field.
            var pointer = new List<PendingDiagnostic> { new(DiagnosticDescriptors.ReaderError.Id, "#/openapi", new[] { ex.Message }.ToEquatableArray()) };
            return ParsedSpec.Failure(new SpecResult(null, Locate(path, text, utf8, pointer)));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Microsoft.OpenApi throws on some malformed documents (a number where an object belongs, an empty
            // $ref, an unnamed schema): that is a problem of the spec, reported as such, not a generator failure.
            var pointer = new List<PendingDiagnostic> { new(DiagnosticDescriptors.ReaderError.Id, "#", new[] { "the OpenAPI reader could not read the document (" + ex.GetType().Name + ": " + ex.Message + ")" }.ToEquatableArray()) };
            return ParsedSpec.Failure(new SpecResult(null, Locate(path, text, utf8, pointer)));
        }
        cancellationToken.ThrowIfCancellationRequested();

        // With a document, the reader's complaints about parts of it (unknown keys, bad values) are warnings:
        // a newer Telnyx document must not stop the build. Without one they are errors.
        var document = result.Document;
        var usable = document is not null && (document.Paths is { Count: > 0 } || document.Components?.Schemas is { Count: > 0 } || document.Webhooks is { Count: > 0 });
        var pending = new List<PendingDiagnostic>();
        var typesRead = document is not null && keywordFindings.IsOpenApi30 ? ApplyTypeArrays(document, keywordFindings.TypeArrays) : null;
        foreach (var error in result.Diagnostic?.Errors ?? Array.Empty<OpenApiError>())
        {
            // The 3.0 reader's "Expected scalar value" for a type array the generator has read itself.
            if (typesRead is not null && error.Pointer is { } at && typesRead.Contains(Tail(at))) continue;
            var id = usable ? DiagnosticDescriptors.ReaderWarning.Id : DiagnosticDescriptors.ReaderError.Id;
            pending.Add(new PendingDiagnostic(id, error.Pointer ?? "#", new[] { error.Message ?? "unknown error" }.ToEquatableArray()));
        }
        foreach (var warning in result.Diagnostic?.Warnings ?? Array.Empty<OpenApiError>())
        {
            pending.Add(new PendingDiagnostic(DiagnosticDescriptors.ReaderWarning.Id, warning.Pointer ?? "#", new[] { warning.Message ?? "unknown warning" }.ToEquatableArray()));
        }
        pending.AddRange(keywordFindings.Diagnostics);
        return new ParsedSpec(null, text, utf8, document, usable, pending);
    }

    /// <summary>The model stage: document -> <see cref="ApiModel"/>, with every diagnostic located in the text.</summary>
    internal static SpecResult BuildModel(SpecSource source, ParsedSpec parsed, CancellationToken cancellationToken, Action<OpenApiDocument>? inspect = null)
    {
        var pending = parsed.Pending;
        if (parsed.Document is not null) inspect?.Invoke(parsed.Document);
        ApiModel? model = null;
        if (parsed.Usable)
        {
            var builder = new ModelBuilder(parsed.Document!, source.Namespace, System.IO.Path.GetFileName(source.Path), cancellationToken, SpecFilter.Parse(source.Include));
            model = builder.Build();
            pending.AddRange(builder.Diagnostics);
        }
        else if (!pending.Any(p => p.Id == DiagnosticDescriptors.ReaderError.Id))
        {
            pending.Add(new PendingDiagnostic(DiagnosticDescriptors.ReaderError.Id, "#",
                new[] { "the document has no paths, component schemas or webhooks, so there is nothing to generate" }.ToEquatableArray()));
        }
        return new SpecResult(model, Locate(source.Path, parsed.Text, parsed.Utf8, pending));
    }

    /// <summary>The document with each of <paramref name="spans"/> (in document order) replaced by <c>{}</c>.</summary>
    private static string WithEmptyObjects(byte[] utf8, List<(int Start, int End)> spans)
    {
        var patched = new List<byte>(utf8.Length);
        var at = 0;
        foreach (var (start, end) in spans)
        {
            for (var i = at; i < start; i++) patched.Add(utf8[i]);
            patched.Add((byte)'{');
            patched.Add((byte)'}');
            at = end;
        }
        for (var i = at; i < utf8.Length; i++) patched.Add(utf8[i]);
        return Encoding.UTF8.GetString(patched.ToArray());
    }

    /// <summary>
    /// Puts the 3.0 document's <c>type</c> arrays on the schemas the reader built without them (it drops them with
    /// "Expected scalar value"), so <c>[integer, string]</c> is the same union and <c>[integer, "null"]</c> the same
    /// nullable integer as in a 3.1 document. Returns the pointers of the <c>type</c> keywords read this way.
    /// </summary>
    private static HashSet<string> ApplyTypeArrays(OpenApiDocument document, List<(string SchemaPointer, JsonSchemaType Types)> typeArrays)
    {
        var read = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (pointer, types) in typeArrays)
        {
            if (SchemaLocator.Find(document, pointer) is not { } schema) continue; // not a schema: the reader's error stays
            // 3.0's nullable: true already set the Null flag; an empty array is no type at all.
            var combined = (schema.Type ?? 0) | types;
            schema.Type = combined == 0 ? null : combined;
            read.Add(Tail(pointer + "/type"));
        }
        return read;
    }

    /// <summary>
    /// The last three segments of a pointer, without array indices. Measured on the official document read as 3.0:
    /// Microsoft.OpenApi's 3.0 error pointers leave out indices (parameters/schema) and, after some examples, carry
    /// the keys of earlier objects in front of the real path, so only their tail names the place.
    /// </summary>
    private static string Tail(string pointer)
    {
        var segments = pointer.Split('/').Where(s => s.Length > 0 && s != "#" && !s.All(char.IsDigit)).ToList();
        return string.Join("/", segments.Skip(Math.Max(0, segments.Count - 3)));
    }

    private static SpecResult Fail(string id, SpecLocation location, params string[] args)
        => new(null, new[] { new DiagnosticInfo(id, location, args.ToEquatableArray()) }.ToEquatableArray());

    /// <summary>
    /// The one pass that validates the JSON also collects the keyword values the OpenAPI reader would drop or keep
    /// silently (<see cref="KeywordShapeScan"/>) into <paramref name="keywordFindings"/>.
    /// </summary>
    private static DiagnosticInfo? CheckJson(string path, string text, byte[] utf8, ScanFindings keywordFindings)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 512 });
            KeywordShapeScan.Scan(ref reader, utf8, keywordFindings);
            return null;
        }
        catch (JsonException ex)
        {
            var location = JsonPointerLocator.LocateLine(path, text, ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0);
            var message = ex.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0) message = message.Substring(0, cut).TrimEnd();
            return new DiagnosticInfo(DiagnosticDescriptors.InvalidJson.Id, location, new[] { message }.ToEquatableArray());
        }
    }

    private static DiagnosticInfo? CheckOpenApiRoot(string path, string text, byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 512 });
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return new DiagnosticInfo(DiagnosticDescriptors.ReaderError.Id, JsonPointerLocator.LocateOffset(path, text, utf8, reader.TokenStartIndex),
                new[] { "the document root must be a JSON object with an 'openapi' field" }.ToEquatableArray());
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("swagger"))
            {
                return new DiagnosticInfo(DiagnosticDescriptors.ReaderError.Id, JsonPointerLocator.LocateOffset(path, text, utf8, reader.TokenStartIndex),
                    new[] { "this is a Swagger 2.0 document; convert it to OpenAPI 3.x first" }.ToEquatableArray());
            }
            if (reader.ValueTextEquals("openapi")) return null;
            reader.Read();
            reader.Skip();
        }
        return new DiagnosticInfo(DiagnosticDescriptors.ReaderError.Id, SpecLocation.FileStart(path),
            new[] { "this is not an OpenAPI document: the root object has no 'openapi' field" }.ToEquatableArray());
    }

    private static EquatableArray<DiagnosticInfo> Locate(string path, string text, byte[] utf8, List<PendingDiagnostic> pending)
    {
        if (pending.Count == 0) return EquatableArray<DiagnosticInfo>.Empty;
        var locations = JsonPointerLocator.Locate(path, text, utf8, pending.Select(p => p.Pointer));
        return pending.Select(p => new DiagnosticInfo(p.Id, locations[p.Pointer], p.Arguments)).ToEquatableArray();
    }
}
