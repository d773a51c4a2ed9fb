using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Telnyx.Contract.Tests.Infrastructure;

/// <summary>One request the SDK sent to Prism, and what Prism said about it.</summary>
public sealed record Exchange(string Method, string Target, string? RequestBody, int Status, string? Violations)
{
    public override string ToString()
    {
        var text = new StringBuilder().Append(Method).Append(' ').Append(Target).Append(" -> ").Append(Status);
        if (RequestBody is not null)
        {
            text.AppendLine().Append("  request body: ").Append(RequestBody);
        }
        if (Violations is not null)
        {
            text.AppendLine().Append("  sl-violations: ").Append(Violations);
        }
        return text.ToString();
    }
}

/// <summary>Records every exchange between the SDK and Prism (target, body, status, <c>sl-violations</c>).</summary>
public sealed class RecordingHandler : DelegatingHandler
{
    private readonly List<Exchange> _exchanges = new();

    public RecordingHandler()
        : base(new SocketsHttpHandler())
    {
    }

    public IReadOnlyList<Exchange> Exchanges
    {
        get
        {
            lock (_exchanges)
            {
                return _exchanges.ToArray();
            }
        }
    }

    public string Describe() => string.Join(Environment.NewLine, Exchanges.Select(e => e.ToString()));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        string? violations = response.Headers.TryGetValues("sl-violations", out var values) ? string.Join(", ", values) : null;
        lock (_exchanges)
        {
            _exchanges.Add(new Exchange(request.Method.Method, request.RequestUri!.PathAndQuery, body, (int)response.StatusCode, violations));
        }
        return response;
    }
}
