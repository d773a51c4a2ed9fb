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

    /// <summary>Which integrations the compilation references (DI, ASP.NET Core, Redis): re-run on every compilation, equal unless a reference changes.</summary>
    public const string Integrations = nameof(Integrations);

    /// <summary>One unit per file of the receiving surface (handler, DI, ASP.NET Core, Redis).</summary>
    public const string IntegrationFiles = nameof(IntegrationFiles);

    /// <summary>Model -> source text, per file.</summary>
    public const string Emit = nameof(Emit);
}
