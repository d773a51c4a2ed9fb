using Telnyx;

namespace Telnyx.Sdk.Tests;

public class SmokeTests
{
    [Fact]
    public void GeneratedTypesExist()
    {
        var request = new CreateConferenceRequest { CallControlId = "v3:abc", Name = "Business", BeepEnabled = BeepEnabled.OnExit };
        Assert.Equal("Business", request.Name);
    }
}
