using Telnyx.Contract.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Telnyx.Contract.Tests;

[Collection(PrismCollection.Name)]
public sealed class PrismStartupTests
{
    private readonly PrismFixture _prism;
    private readonly ITestOutputHelper _output;

    public PrismStartupTests(PrismFixture prism, ITestOutputHelper output)
    {
        _prism = prism;
        _output = output;
    }

    /// <summary>Reports how long Prism took to load the official document (visible with --logger "console;verbosity=detailed").</summary>
    [Fact]
    public void PrismIsUpOnTheOfficialDocument()
    {
        _output.WriteLine($"Prism answered on {_prism.BaseUrl} after {_prism.StartupTime.TotalSeconds:F1} s, mocking {_prism.SpecPath}");
        Assert.Equal("127.0.0.1", _prism.BaseUrl.Host);
        Assert.Equal("/", _prism.BaseUrl.AbsolutePath);
    }
}
