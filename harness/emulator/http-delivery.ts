import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { request } from 'node:http';

/** Where Discord POSTs interactions (an application's Interactions Endpoint URL), and the key it signs with. */
export interface HttpTarget {
  url: string;
  privateKey: KeyObject;
}

/** What an HTTP delivery came back with. */
export interface HttpDeliveryResult {
  status: number;
  body: unknown;
  /** When the response had arrived (ms since the epoch). */
  time: number;
}

/** An Ed25519 key pair as the developer portal gives it: the public key as 64 hex characters. */
export function applicationKeys(): { privateKey: KeyObject; publicKeyHex: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return { privateKey, publicKeyHex: der.subarray(der.length - 32).toString('hex') };
}

export interface SignedRequestOptions {
  /** Unix seconds as a string; default now. */
  timestamp?: string;
  /** Replaces the signature (hex), or removes it (null). */
  signature?: string | null;
  /** Sign with another key (a forger's). */
  signWith?: KeyObject;
}

/** Discord's signature: Ed25519 over the timestamp's bytes and then the body's. */
export function signBody(privateKey: KeyObject, timestamp: string, body: Buffer): string {
  return sign(null, Buffer.concat([Buffer.from(timestamp), body]), privateKey).toString('hex');
}

/** POSTs `body` as Discord does, signed (or mis-signed, per options); resolves with the response. */
export function postSigned(
  target: HttpTarget,
  body: Buffer | string,
  options: SignedRequestOptions = {},
): Promise<HttpDeliveryResult> {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
  const timestamp = options.timestamp ?? String(Math.floor(Date.now() / 1000));
  const signature =
    options.signature === undefined
      ? signBody(options.signWith ?? target.privateKey, timestamp, bytes)
      : options.signature;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'content-length': String(bytes.length),
    'x-signature-timestamp': timestamp,
    'user-agent': 'Discord-Interactions/1.0 (+https://discord.com)',
  };
  if (signature !== null) headers['x-signature-ed25519'] = signature;
  return new Promise((resolve, reject) => {
    const req = request(target.url, { method: 'POST', headers, timeout: 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {}
        resolve({ status: res.statusCode ?? 0, body: parsed, time: Date.now() });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('the interactions endpoint did not answer in 10 s')));
    req.on('error', reject);
    req.end(bytes);
  });
}
