// Starts a published Telnyx.WebhookReceiver binary with a fresh key and a local stub of the Telnyx API, then checks:
// a conference.participant.joined webhook signed by Node's crypto (OpenSSL) answers 200 and makes exactly one speak
// command for that participant (POST /v2/conferences/{id}/actions/speak, call_control_ids = [the joined leg],
// command_id derived from the event id); the same event redelivered answers 200 without a second command; another
// event type answers 200 and is only logged; the joined webhook with one byte changed answers 400 with a body that says
// nothing about the signature. Usage: node receiver-check.mjs <binary>
import { spawn } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { createServer as createTcpServer } from 'node:net';
import { createServer as createHttpServer } from 'node:http';

const binary = process.argv[2];
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const rawPublicKey = publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('base64');
const apiKey = 'KEY_receiver_check';

// The Telnyx API stub: records every request, answers the speak command as Telnyx does.
const apiCalls = [];
const api = createHttpServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    apiCalls.push({ method: req.method, url: req.url, authorization: req.headers.authorization, body });
    const ok = req.method === 'POST' && /^\/v2\/conferences\/[^/]+\/actions\/speak$/.test(req.url);
    res.writeHead(ok ? 200 : 404, { 'content-type': 'application/json' });
    res.end(ok ? '{"data":{"result":"ok"}}' : '{"errors":[{"code":"10005","title":"Resource not found"}]}');
  });
});
const apiPort = await new Promise((resolve) => api.listen(0, '127.0.0.1', () => resolve(api.address().port)));

// A free loopback port for the receiver: bind to 0, read the port, release it.
const port = await new Promise((resolve) => {
  const probe = createTcpServer().listen(0, '127.0.0.1', () => { const p = probe.address().port; probe.close(() => resolve(p)); });
});
const url = `http://127.0.0.1:${port}/webhooks/telnyx`;
const started = process.hrtime.bigint();
const receiver = spawn(binary, [
  `--urls=http://127.0.0.1:${port}`,
  `--Telnyx:WebhookPublicKey=${rawPublicKey}`,
  `--Telnyx:ApiKey=${apiKey}`,
  `--Telnyx:BaseUrl=http://127.0.0.1:${apiPort}/v2`,
], { stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
receiver.stdout.on('data', (d) => { output += d; });
receiver.stderr.on('data', (d) => { output += d; });

const eventId = '0ccc7b54-4df3-4bca-a65a-3da1ecc777f0';
const conferenceId = '41b9acd4-f4da-4ff5-a85c-e07e90b53f46';
const event = (type, id, payload) => Buffer.from(JSON.stringify({ data: { record_type: 'event', event_type: type, id, occurred_at: new Date().toISOString(), payload }, meta: { attempt: 1, delivered_to: url } }));
const joined = event('conference.participant.joined', eventId, { call_control_id: 'v3:aot-check', conference_id: conferenceId });
const created = event('conference.created', 'a8d5c3c1-59a3-4b4e-b5a0-0f2f7c3b9d11', { call_control_id: 'v3:aot-creator', conference_id: conferenceId });

// Signs `signed` as Telnyx does and posts `sent` (the same bytes unless a test tampers with them).
const post = async (signed, sent = signed) => {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.concat([Buffer.from(`${timestamp}|`), signed]), privateKey).toString('base64');
  const response = await fetch(url, { method: 'POST', body: sent, headers: { 'content-type': 'application/json', 'telnyx-timestamp': timestamp, 'telnyx-signature-ed25519': signature } });
  return { status: response.status, text: (await response.text()).trim(), signature, timestamp };
};
const speaks = () => apiCalls.filter((c) => c.url.endsWith('/actions/speak'));

let failure = null;
const check = (ok, message) => { if (!ok && failure === null) failure = message; };
try {
  let first = null;
  for (let i = 0; i < 100 && first === null; i++) {
    try { first = await post(joined); } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  const ready = Number(process.hrtime.bigint() - started) / 1e6;
  check(first !== null, 'the receiver never answered');
  check(first?.status === 200, `signed joined webhook answered ${first?.status} ${first?.text}`);
  const greet = speaks();
  check(greet.length === 1, `expected one speak command after the joined webhook, the API saw ${JSON.stringify(apiCalls)}`);
  if (greet.length === 1) {
    const body = JSON.parse(greet[0].body);
    check(greet[0].url === `/v2/conferences/${conferenceId}/actions/speak`, `speak went to ${greet[0].url}`);
    check(greet[0].authorization === `Bearer ${apiKey}`, 'speak was not sent with the API key');
    check(JSON.stringify(body.call_control_ids) === '["v3:aot-check"]', `speak addressed ${JSON.stringify(body.call_control_ids)}`);
    check(body.command_id === `greet-${eventId}`, `speak command_id was ${body.command_id}`);
    check(typeof body.payload === 'string' && body.payload.length > 0 && typeof body.voice === 'string', `speak body ${greet[0].body}`);
  }

  const again = await post(joined);
  check(again.status === 200, `the redelivered joined webhook answered ${again.status}`);
  check(speaks().length === 1, 'the redelivered joined webhook greeted the participant a second time');

  const other = await post(created);
  check(other.status === 200, `conference.created answered ${other.status}`);

  const tampered = Buffer.from(joined); tampered[tampered.indexOf('aot-check')] ^= 1;
  const forged = await post(joined, tampered);
  check(forged.status === 400, `tampered webhook answered ${forged.status} ${forged.text}`);
  check(!/signature|timestamp|ed25519/i.test(forged.text) && !forged.text.includes(forged.signature), `the 400 body tells why: ${forged.text}`);
  check(speaks().length === 1, 'a webhook that failed verification reached the handler');

  // Give the log lines a moment to reach stdout.
  await new Promise((r) => setTimeout(r, 300));
  check(output.includes('Greeted call v3:aot-check'), 'no "Greeted call" log line');
  check(output.includes('conference.created'), 'conference.created was not logged');
  check(!output.includes(forged.signature), 'a log line holds the signature');
  console.log(`receiver-check: first answer after ${ready.toFixed(0)} ms: signed joined -> ${first?.status} and ${greet.length} speak command (${greet[0]?.url}); redelivered -> ${again.status}, ${speaks().length} speak in all; conference.created -> ${other.status}; one byte changed -> ${forged.status} ${forged.text}`);
} catch (e) {
  failure = String(e);
} finally {
  receiver.kill('SIGTERM');
  api.close();
}
if (failure) {
  console.log(output);
  console.log(`receiver-check: FAILED: ${failure}`);
  process.exit(1);
}
