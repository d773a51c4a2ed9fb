using System;
using System.Net;
using System.Text;

namespace Telnyx.AspNetCore.Tests.Infrastructure;

/// <summary>Bodies and checks every endpoint test shares.</summary>
public static class Deliveries
{
    /// <summary>The one text each refusal status answers, whatever the cause.</summary>
    public static string FixedText(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest => "rejected",
        HttpStatusCode.Conflict => "in progress",
        HttpStatusCode.RequestEntityTooLarge => "too large",
        HttpStatusCode.UnsupportedMediaType => "unsupported media type",
        HttpStatusCode.InternalServerError => "error",
        HttpStatusCode.ServiceUnavailable => "unavailable",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not a refusal"),
    };

    /// <summary>A conference.participant.joined body from the spec with a fresh event id.</summary>
    public static (string EventId, byte[] Body) Joined()
    {
        string id = Guid.NewGuid().ToString();
        return (id, SpecWebhooks.Get("conference.participant.joined").Body(id));
    }

    /// <summary>
    /// A refusal must tell the sender nothing about why: a short fixed text, no word about signatures, timestamps or
    /// keys, none of the header values, not the failure's name.
    /// </summary>
    public static void AssertOpaque(HttpStatusCode status, string body, SignedWebhook delivery, WebhookSigner signer, string? reason = null)
    {
        Assert.Equal(FixedText(status), body);
        foreach (string word in new[] { "signature", "timestamp", "ed25519", "key", "base64", "verif", "tolerance", "too old", "too new", "exception" })
        {
            Assert.DoesNotContain(word, body, StringComparison.OrdinalIgnoreCase);
        }

        if (!string.IsNullOrEmpty(delivery.Signature))
        {
            Assert.DoesNotContain(delivery.Signature, body, StringComparison.Ordinal);
        }

        if (!string.IsNullOrEmpty(delivery.Timestamp))
        {
            Assert.DoesNotContain(delivery.Timestamp, body, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(signer.PublicKey, body, StringComparison.Ordinal);
        if (reason is not null)
        {
            Assert.DoesNotContain(reason, body, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(Encoding.UTF8.GetString(delivery.Body) is { Length: > 16 } b ? b : "\u0001", body, StringComparison.Ordinal);
    }
}
