namespace Telnyx.BuildBenchmarks;

/// <summary>
/// One document both generators build: a share of the official document, the README's conferencing selection of
/// it, or the bundled conferencing spec.
/// </summary>
/// <param name="Name">Short id, used in folder names and tables (p10, whole, conferencing, bundled).</param>
/// <param name="SpecPath">The JSON document given to both generators.</param>
/// <param name="Operations">Operations the SDKs get (for a selection: the selected ones).</param>
/// <param name="TelnyxInclude">Our selection (the TelnyxInclude property), or null for everything.</param>
/// <param name="KiotaIncludes">Kiota's --include-path arguments for the same selection, or empty.</param>
/// <param name="UseBundledSpec">Ours: no AdditionalFiles item, so the package's bundled spec is the document.</param>
public sealed record BenchDocument(string Name, string Label, int Percent, string SpecPath, int Operations,
    string? TelnyxInclude, string[] KiotaIncludes, bool UseBundledSpec)
{
    public bool IsWhole => Name == "whole";

    public bool IsScaling => Name.StartsWith('p') || IsWhole;

    /// <summary>The README's selection ("Filtering the whole Telnyx document").</summary>
    public const string ConferencingInclude = "tag:Conference Commands;tag:Queue Commands;path:/calls/{call_control_id}/actions/enqueue;path:/calls/{call_control_id}/actions/leave_queue;webhook:callEnqueued;webhook:callLeftQueue;webhook:conference*";

    /// <summary>Kiota's paths for the same 34 operations (as in benchmarks/Telnyx.Benchmarks.Kiota).</summary>
    public static readonly string[] ConferencingKiotaIncludes =
    {
        "/conferences", "/conferences/**", "/queues", "/queues/**",
        "/calls/{call_control_id}/actions/enqueue", "/calls/{call_control_id}/actions/leave_queue",
    };
}
