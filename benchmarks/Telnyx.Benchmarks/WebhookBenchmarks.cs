using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using NSec.Cryptography;
using Telnyx;
using Telnyx.Runtime;

namespace Telnyx.Benchmarks;

/// <summary>
/// A typical signed webhook (conference.participant.joined, envelope + meta): the SDK's <c>client.Webhooks.Unwrap</c>
/// (Ed25519 verify + timestamp window + typed parse) against libsodium's verify alone on the same bytes, called through
/// NSec's API (<c>SignatureAlgorithm.Ed25519.Verify</c>, key imported once), so both sides run the same native code.
/// The verifier alone (verify + window, no parse) shows what the parse costs. Target: Unwrap at most 1.10x.
/// </summary>
[MemoryDiagnoser]
public class WebhookBenchmarks
{
    private byte[] _body = Array.Empty<byte>();
    private byte[] _signedMessage = Array.Empty<byte>();
    private byte[] _signature = new byte[64];
    private PublicKey _publicKey = null!;
    private Dictionary<string, string> _headers = new();
    private string _timestamp = "";
    private string _signatureHeader = "";
    private TelnyxClient _client = null!;
    private TelnyxWebhookVerifier _verifier = null!;

    [GlobalSetup]
    public void Setup()
    {
        using var signer = new WebhookSigner();
        _publicKey = PublicKey.Import(SignatureAlgorithm.Ed25519, signer.PublicKeyBytes, KeyBlobFormat.RawPublicKey);

        _timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        _body = Encoding.UTF8.GetBytes("""
            {"data":{"record_type":"event","event_type":"conference.participant.joined","id":"0ccc7b54-4df3-4bca-a65a-3da1ecc777f0","occurred_at":"2026-11-21T12:00:00.000000Z","payload":{"call_control_id":"v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg","connection_id":"1494404757140276705","call_leg_id":"2dc6fc34-f9e0-11ea-b68e-02420a0f7768","call_session_id":"2dc1b3c8-f9e0-11ea-bc5a-02420a0f7768","client_state":"aGF2ZSBhIG5pY2UgZGF5ID1d","conference_id":"41b9acd4-f4da-4ff5-a85c-e07e90b53f46"}},"meta":{"attempt":1,"delivered_to":"https://example.com/webhooks"}}
            """);
        _signedMessage = [.. Encoding.UTF8.GetBytes(_timestamp + "|"), .. _body];
        _signature = signer.SignMessage(_signedMessage);
        _signatureHeader = Convert.ToBase64String(_signature);

        _headers = new Dictionary<string, string>
        {
            ["telnyx-timestamp"] = _timestamp,
            ["telnyx-signature-ed25519"] = _signatureHeader,
        };
        string publicKey = signer.PublicKey;
        _client = new TelnyxClient(new TelnyxClientOptions { ApiKey = "unused", WebhookPublicKey = publicKey });
        _verifier = new TelnyxWebhookVerifier(publicKey);
        if (Unwrap() is not ConferenceParticipantJoinedEvent || !NSecVerify() || !VerifierOnly())
        {
            throw new InvalidOperationException("setup: the sides disagree");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _client.Dispose();

    [Benchmark(Baseline = true, Description = "NSec Ed25519.Verify = libsodium (verify only)")]
    public bool NSecVerify() => SignatureAlgorithm.Ed25519.Verify(_publicKey, _signedMessage, _signature);

    [Benchmark(Description = "TelnyxWebhookVerifier.TryVerify (verify + window)")]
    public bool VerifierOnly() => _verifier.TryVerify(_body, new TelnyxWebhookHeaders(_signatureHeader, _timestamp), out _);

    [Benchmark(Description = "client.Webhooks.Unwrap (verify + window + typed parse)")]
    public TelnyxWebhookEvent Unwrap() => _client.Webhooks.Unwrap(_body, TelnyxWebhookHeaders.From(_headers));

    [Benchmark(Description = "diag: typed parse alone (ParseUnverified)")]
    public TelnyxWebhookEvent ParseOnly() => _client.Webhooks.ParseUnverified(_body);
}
