namespace Telnyx.Generator;

/// <summary>Names of the pipeline steps, so tests can assert which steps ran, were cached or were unchanged.</summary>
public static class TrackingNames
{
    /// <summary>AdditionalFiles marked as Telnyx specs, with their text and options.</summary>
    public const string SpecFiles = nameof(SpecFiles);

    /// <summary>JSON check, OpenAPI read and model build, with located diagnostics.</summary>
    public const string Parse = nameof(Parse);

    /// <summary>The equatable model alone (unchanged by a whitespace-only spec edit).</summary>
    public const string Model = nameof(Model);

    /// <summary>The diagnostics alone.</summary>
    public const string Diagnostics = nameof(Diagnostics);

    /// <summary>One unit per output file.</summary>
    public const string Files = nameof(Files);

    /// <summary>Model -> source text, per file.</summary>
    public const string Emit = nameof(Emit);
}
