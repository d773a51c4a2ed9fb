using System;
using Telnyx.Runtime;
using Telnyx.Sdk.Tests.Errors;

namespace Telnyx.Sdk.Tests.Webhooks;

/// <summary>Where the client takes the webhook public key from. Changes TELNYX_PUBLIC_KEY, so never runs beside other tests.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class WebhookConfigurationTests : IDisposable
{
    private static readonly WebhookSigner Signer = TestWebhooks.NewSigner();
    private readonly string? _savedKey;

    public WebhookConfigurationTests()
    {
        _savedKey = Environment.GetEnvironmentVariable(TelnyxClientOptions.WebhookPublicKeyEnvironmentVariable);
        Environment.SetEnvironmentVariable(TelnyxClientOptions.WebhookPublicKeyEnvironmentVariable, null);
    }

    public void Dispose() => Environment.SetEnvironmentVariable(TelnyxClientOptions.WebhookPublicKeyEnvironmentVariable, _savedKey);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void NoPublicKeyAndNoEnvironmentVariableIsAConfigurationError(string? key)
    {
        Assert.Null(Environment.GetEnvironmentVariable("TELNYX_PUBLIC_KEY"));
        WebhookCase c = WebhookCases.Get(ConferenceCreatedEvent.Type);
        SignedWebhook signed = Signer.Sign(c.Body);
        using TelnyxClient client = TestWebhooks.CreateClient(key);

        var ex = Assert.Throws<TelnyxConfigurationException>(() => client.Webhooks.Unwrap(signed.Body, TelnyxWebhookHeaders.From(signed.Headers())));

        Assert.Contains("TELNYX_PUBLIC_KEY", ex.Message);
        Assert.Contains("WebhookPublicKey", ex.Message);
        // Parsing without verification needs no key.
        c.Check(client.Webhooks.ParseUnverified(signed.Body));
    }

    [Fact]
    public void PublicKeyFromTheEnvironmentIsUsedWhenOptionsHaveNone()
    {
        Environment.SetEnvironmentVariable("TELNYX_PUBLIC_KEY", Signer.PublicKey);
        WebhookCase c = WebhookCases.Get(ConferenceCreatedEvent.Type);
        SignedWebhook signed = Signer.Sign(c.Body);
        using TelnyxClient client = TestWebhooks.CreateClient(publicKey: null);

        c.Check(client.Webhooks.Unwrap(signed.Body, TelnyxWebhookHeaders.From(signed.Headers())));
    }

    [Fact]
    public void PublicKeyFromTheOptionsWinsOverTheEnvironment()
    {
        Environment.SetEnvironmentVariable("TELNYX_PUBLIC_KEY", TestWebhooks.NewSigner().PublicKey);
        WebhookCase c = WebhookCases.Get(ConferenceCreatedEvent.Type);
        SignedWebhook signed = Signer.Sign(c.Body);
        using TelnyxClient client = TestWebhooks.CreateClient(Signer);

        c.Check(client.Webhooks.Unwrap(signed.Body, TelnyxWebhookHeaders.From(signed.Headers())));
    }
}
