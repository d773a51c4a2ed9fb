using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Telnyx.Benchmarks.Kiota;

/// <summary>
/// Adds <c>Authorization: Bearer KEY</c>. Kiota's own <c>ApiKeyAuthenticationProvider</c> refuses non-https URLs,
/// and the stub server is plain http on loopback.
/// </summary>
public sealed class BearerAuthenticationProvider(string apiKey) : IAuthenticationProvider
{
    private readonly string _value = "Bearer " + apiKey;

    public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        request.Headers.Add("Authorization", _value);
        return Task.CompletedTask;
    }
}
