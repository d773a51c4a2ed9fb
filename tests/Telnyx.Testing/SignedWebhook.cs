using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Telnyx.Testing;

/// <summary>A webhook as Telnyx delivers it: the raw body and the two signature headers (null ones are left out).</summary>
public sealed record SignedWebhook(byte[] Body, string? Timestamp, string? Signature, string ContentType = "application/json")
{
    /// <summary>The headers with the names Telnyx documents (lower case).</summary>
    public Dictionary<string, string> Headers()
    {
        var headers = new Dictionary<string, string>();
        if (Signature is not null)
        {
            headers[WebhookSigner.SignatureHeaderName] = Signature;
        }
        if (Timestamp is not null)
        {
            headers[WebhookSigner.TimestampHeaderName] = Timestamp;
        }
        return headers;
    }

    /// <summary>A POST of this delivery to <paramref name="url"/>.</summary>
    public HttpRequestMessage ToRequest(string url)
    {
        var content = new ByteArrayContent(Body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        foreach (var (name, value) in Headers())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }
}
