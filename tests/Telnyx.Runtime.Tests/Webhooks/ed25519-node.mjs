// Ed25519 through Node's crypto (OpenSSL): the implementation the tests compare libsodium (NSec) with.
// One process per test run: `node ed25519-node.mjs verify|sign <file>`, one case per line, one answer per line.
//   verify: "<public key hex> <message hex> <signature hex>" -> "1" valid, "0" invalid, "E" OpenSSL refused the input
//   sign:   "<32-byte seed hex> <message hex>"               -> "<public key hex> <signature hex>"
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';

const spkiPrefix = Buffer.from('302a300506032b6570032100', 'hex');   // RFC 8410 SubjectPublicKeyInfo up to the key
const pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex'); // RFC 8410 PrivateKeyInfo up to the seed
const [mode, file] = process.argv.slice(2);
const answers = [];
for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (line.length === 0) continue;
  const fields = line.split(' ').map((hex) => Buffer.from(hex, 'hex'));
  if (mode === 'verify') {
    const [publicKey, message, signature] = fields;
    try {
      const key = createPublicKey({ key: Buffer.concat([spkiPrefix, publicKey]), format: 'der', type: 'spki' });
      answers.push(verify(null, message, key, signature) ? '1' : '0');
    } catch {
      answers.push('E');
    }
  } else if (mode === 'sign') {
    const [seed, message] = fields;
    const key = createPrivateKey({ key: Buffer.concat([pkcs8Prefix, seed]), format: 'der', type: 'pkcs8' });
    const publicKey = createPublicKey(key).export({ format: 'der', type: 'spki' }).subarray(spkiPrefix.length);
    answers.push(`${publicKey.toString('hex')} ${sign(null, message, key).toString('hex')}`);
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
}
process.stdout.write(answers.join('\n') + '\n');
