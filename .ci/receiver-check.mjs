// Starts a published Telnyx.WebhookReceiver binary with a fresh key and checks it answers: 200 for a webhook signed by
// Node's crypto (OpenSSL), 400 for the same webhook with one byte changed. Usage: node receiver-check.mjs <binary>
import { spawn } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { createServer } from 'node:net';

const binary = process.argv[2];
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const rawPublicKey = publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('base64');

// A free loopback port: bind to 0, read the port, release it.
const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => { const p = probe.address().port; probe.close(() => resolve(p)); });
});
const url = `http://127.0.0.1:${port}/webhooks/telnyx`;
const started = process.hrtime.bigint();
const receiver = spawn(binary, [`--urls=http://127.0.0.1:${port}`, `--Telnyx:WebhookPublicKey=${rawPublicKey}`], { stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
receiver.stdout.on('data', (d) => { output += d; });
receiver.stderr.on('data', (d) => { output += d; });

const body = Buffer.from(JSON.stringify({ data: { record_type: 'event', event_type: 'conference.participant.joined', id: '0ccc7b54-4df3-4bca-a65a-3da1ecc777f0', occurred_at: new Date().toISOString(), payload: { call_control_id: 'v3:aot-check', conference_id: '41b9acd4-f4da-4ff5-a85c-e07e90b53f46' } } }));
const post = async (bytes) => {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.concat([Buffer.from(`${timestamp}|`), body]), privateKey).toString('base64');
  const response = await fetch(url, { method: 'POST', body: bytes, headers: { 'content-type': 'application/json', 'telnyx-timestamp': timestamp, 'telnyx-signature-ed25519': signature } });
  return `${response.status} ${(await response.text()).trim()}`;
};

let failure = null;
try {
  let first = null;
  for (let i = 0; i < 100 && first === null; i++) {
    try { first = await post(body); } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  const ready = Number(process.hrtime.bigint() - started) / 1e6;
  const tampered = Buffer.from(body); tampered[tampered.indexOf('aot-check')] ^= 1;
  const forged = await post(tampered);
  console.log(`receiver-check: first answer after ${ready.toFixed(0)} ms: signed -> ${first}; one byte changed -> ${forged}`);
  if (first !== '200 ok') failure = `signed webhook answered ${first}`;
  else if (forged !== '400 webhook rejected: InvalidSignature') failure = `tampered webhook answered ${forged}`;
} catch (e) {
  failure = String(e);
} finally {
  receiver.kill('SIGTERM');
}
if (failure) {
  console.log(output);
  console.log(`receiver-check: FAILED: ${failure}`);
  process.exit(1);
}
