namespace Telnyx.Consumer.Tests;

/// <summary>The two ways a project gets the generator.</summary>
public enum ConsumerKind
{
    /// <summary>The generator as a ProjectReference analyzer plus the runtime project, importing build/Telnyx.Generated.props.</summary>
    ProjectReference,

    /// <summary>A PackageReference to the packed Telnyx.Generated (buildTransitive props and targets).</summary>
    PackageReference,
}
