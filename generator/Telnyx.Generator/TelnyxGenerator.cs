using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Telnyx.Generator.Diagnostics;
using Telnyx.Generator.Emit;
using Telnyx.Generator.Helpers;
using Telnyx.Generator.Modeling;
using Telnyx.Generator.OpenApi;

namespace Telnyx.Generator;

/// <summary>
/// Reads the AdditionalFiles marked <c>TelnyxSpec="true"</c> and emits a typed SDK. Wiring only: the stages live in
/// OpenApi/ (text -> document), Modeling/Builders/ (document -> model), Naming/, Emit/ (model -> text) and Diagnostics/.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class TelnyxGenerator : IIncrementalGenerator
{
    /// <summary>Item metadata that marks an AdditionalFiles item as a Telnyx spec.</summary>
    public const string SpecMetadata = "build_metadata.AdditionalFiles.TelnyxSpec";

    /// <summary>Item metadata that overrides the namespace for one spec.</summary>
    public const string NamespaceMetadata = "build_metadata.AdditionalFiles.TelnyxNamespace";

    /// <summary>MSBuild property with the namespace of the generated code (default <c>Telnyx</c>).</summary>
    public const string NamespaceProperty = "build_property.TelnyxNamespace";

    /// <summary>MSBuild property selecting operations and webhooks (see the README); per spec as item metadata too.</summary>
    public const string IncludeProperty = "build_property.TelnyxInclude";

    /// <summary>Item metadata that overrides <see cref="IncludeProperty"/> for one spec.</summary>
    public const string IncludeMetadata = "build_metadata.AdditionalFiles.TelnyxInclude";

    /// <summary>The namespace used when none is set.</summary>
    public const string DefaultNamespace = "Telnyx";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var specs = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, ct) => ReadSource(pair.Left, pair.Right, ct))
            .Where(static source => source is not null)
            .Select(static (source, _) => source!)
            .WithTrackingName(TrackingNames.SpecFiles);

        var results = specs
            .Select(static (source, ct) => SpecReader.Read(source, ct))
            .WithTrackingName(TrackingNames.Parse);

        var models = results
            .Select(static (result, _) => result.Model)
            .WithTrackingName(TrackingNames.Model);

        var diagnostics = results
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        var files = models
            .SelectMany(static (model, _) => model is null ? ImmutableArray<EmitUnit>.Empty : ClientPlan.Units(model))
            .WithTrackingName(TrackingNames.Files);

        var sources = files
            .Select(static (unit, ct) => Guard(() => SourceFile.Emit(unit), unit.Subject))
            .WithTrackingName(TrackingNames.Emit);

        // The only step that reads the compilation: three type look-ups, equal after any edit that keeps the references,
        // so the files below stay cached.
        var integrations = context.CompilationProvider
            .Select(static (compilation, _) => Integrations.Of(compilation))
            .WithTrackingName(TrackingNames.Integrations);

        var integrationFiles = models
            .Combine(integrations)
            .SelectMany(static (pair, _) => pair.Left is null ? ImmutableArray<EmitUnit>.Empty : IntegrationPlan.Units(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.IntegrationFiles);

        var integrationSources = integrationFiles
            .Select(static (unit, ct) => Guard(() => SourceFile.Emit(unit), unit.Subject))
            .WithTrackingName(TrackingNames.Emit);

        // TelnyxStrict only changes the severity reported, so a change of it re-reads no document.
        var strict = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => SeverityPolicy.IsStrict(provider.GlobalOptions.TryGetValue(SeverityPolicy.StrictProperty, out var value) ? value : null));

        context.RegisterSourceOutput(diagnostics.Combine(strict), static (spc, pair) =>
        {
            foreach (var info in pair.Left) spc.ReportDiagnostic(info.ToDiagnostic(pair.Right));
        });

        context.RegisterSourceOutput(sources.Collect().Combine(integrationSources.Collect()), static (spc, pair) =>
        {
            var all = pair.Left.AddRange(pair.Right);
            var seen = new System.Collections.Generic.HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var result in all)
            {
                if (result.Error is { } error)
                {
                    spc.ReportDiagnostic(error.ToDiagnostic());
                    continue;
                }
                // Two specs in one namespace would emit the same file twice: the first wins, the clash is reported.
                if (!seen.Add(result.Source!.HintName))
                {
                    spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NameCollision, Location.None,
                        result.Source.HintName, "(skipped)", "a second spec in the same namespace"));
                    continue;
                }
                spc.AddSource(result.Source.HintName, SourceText.From(result.Source.Text, System.Text.Encoding.UTF8));
            }
        });
    }

    private static SpecSource? ReadSource(AdditionalText file, AnalyzerConfigOptionsProvider provider, System.Threading.CancellationToken ct)
    {
        var options = provider.GetOptions(file);
        if (!options.TryGetValue(SpecMetadata, out var flag) || !string.Equals(flag?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var ns = options.TryGetValue(NamespaceMetadata, out var perFile) && !string.IsNullOrWhiteSpace(perFile)
            ? perFile.Trim()
            : provider.GlobalOptions.TryGetValue(NamespaceProperty, out var global) && !string.IsNullOrWhiteSpace(global)
                ? global.Trim()
                : DefaultNamespace;
        // The build props encode TelnyxInclude (its ';' would end the value in the analyzer config file).
        var include = options.TryGetValue(IncludeMetadata, out var perFileInclude) && !string.IsNullOrWhiteSpace(perFileInclude)
            ? OptionEncoding.Decode(perFileInclude.Trim())
            : provider.GlobalOptions.TryGetValue(IncludeProperty, out var globalInclude) && !string.IsNullOrWhiteSpace(globalInclude)
                ? OptionEncoding.Decode(globalInclude.Trim())
                : null;
        if (string.IsNullOrWhiteSpace(include)) include = null;
        try
        {
            var text = file.GetText(ct);
            return new SpecSource(file.Path, text?.ToString(), ns, null, include);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            return new SpecSource(file.Path, null, ns, ex.Message, include);
        }
    }

    /// <summary>An exception while emitting one file becomes a TLX0099 diagnostic, never CS8785.</summary>
    private static EmitResult Guard(Func<GeneratedSource> emit, string pointer)
    {
        try
        {
            return new EmitResult(emit(), null);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            return new EmitResult(null, new DiagnosticInfo(DiagnosticDescriptors.InternalError.Id, SpecLocation.FileStart(""),
                new[] { pointer, ex.GetType().Name + ": " + ex.Message }.ToEquatableArray()));
        }
    }
}

/// <summary>The result of emitting one file: its source, or the error that stopped it.</summary>
internal sealed record EmitResult(GeneratedSource? Source, DiagnosticInfo? Error);
