using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using BenchmarkDotNet.Attributes;
using Telnyx;
using Telnyx.Runtime.Http;

namespace Telnyx.Benchmarks;

/// <summary>
/// A typical signed webhook (conference.participant.joined, envelope + meta): the SDK's <c>client.Webhooks.Unwrap</c>
/// (Ed25519 verify + timestamp window + typed parse) against libsodium's <c>crypto_sign_verify_detached</c> alone on
/// the same bytes. Target: Unwrap at most 2.0x libsodium.
/// </summary>
[MemoryDiagnoser]
public class WebhookBenchmarks
{
    private byte[] _body = Array.Empty<byte>();
    private byte[] _signedMessage = Array.Empty<byte>();
    private byte[] _signature = new byte[64];
    private byte[] _publicKey = new byte[32];
    private Dictionary<string, string> _headers = new();
    private TelnyxClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        if (Sodium.sodium_init() < 0) throw new InvalidOperationException("libsodium failed to initialise");
        var secretKey = new byte[64];
        Sodium.crypto_sign_keypair(_publicKey, secretKey);

        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        _body = Encoding.UTF8.GetBytes("""
            {"data":{"record_type":"event","event_type":"conference.participant.joined","id":"0ccc7b54-4df3-4bca-a65a-3da1ecc777f0","occurred_at":"2026-11-21T12:00:00.000000Z","payload":{"call_control_id":"v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg","connection_id":"1494404757140276705","call_leg_id":"2dc6fc34-f9e0-11ea-b68e-02420a0f7768","call_session_id":"2dc1b3c8-f9e0-11ea-bc5a-02420a0f7768","client_state":"aGF2ZSBhIG5pY2UgZGF5ID1d","conference_id":"41b9acd4-f4da-4ff5-a85c-e07e90b53f46"}},"meta":{"attempt":1,"delivered_to":"https://example.com/webhooks"}}
            """);
        _signedMessage = Encoding.UTF8.GetBytes(timestamp + "|").AsSpan().ToArray();
        Array.Resize(ref _signedMessage, _signedMessage.Length + _body.Length);
        _body.CopyTo(_signedMessage, _signedMessage.Length - _body.Length);
        Sodium.crypto_sign_detached(_signature, out _, _signedMessage, (ulong)_signedMessage.Length, secretKey);

        _headers = new Dictionary<string, string>
        {
            ["telnyx-timestamp"] = timestamp,
            ["telnyx-signature-ed25519"] = Convert.ToBase64String(_signature),
        };
        _client = new TelnyxClient(new TelnyxClientOptions { ApiKey = "unused", WebhookPublicKey = Convert.ToBase64String(_publicKey) });
        if (Unwrap() is not ConferenceParticipantJoinedEvent || !LibsodiumVerify() || !ManagedVerify()) throw new InvalidOperationException("setup: the two sides disagree");
    }

    [GlobalCleanup]
    public void Cleanup() => _client.Dispose();

    [Benchmark(Baseline = true, Description = "libsodium crypto_sign_verify_detached (verify only)")]
    public bool LibsodiumVerify() => Sodium.crypto_sign_verify_detached(_signature, _signedMessage, (ulong)_signedMessage.Length, _publicKey) == 0;

    [Benchmark(Description = "Telnyx.Runtime Ed25519.Verify (verify only)")]
    public bool ManagedVerify() => Telnyx.Runtime.Webhooks.Ed25519.Verify(_publicKey, _signedMessage, _signature);

    [Benchmark(Description = "client.Webhooks.Unwrap (verify + window + typed parse)")]
    public TelnyxWebhookEvent Unwrap() => _client.Webhooks.Unwrap(_body, _headers);

    private static class Sodium
    {
        private const string Library = "libsodium.so.23";

        [DllImport(Library)]
        public static extern int sodium_init();

        [DllImport(Library)]
        public static extern int crypto_sign_keypair(byte[] publicKey, byte[] secretKey);

        [DllImport(Library)]
        public static extern int crypto_sign_detached(byte[] signature, out ulong signatureLength, byte[] message, ulong messageLength, byte[] secretKey);

        [DllImport(Library)]
        public static extern int crypto_sign_verify_detached(byte[] signature, byte[] message, ulong messageLength, byte[] publicKey);
    }
}
