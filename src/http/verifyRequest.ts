import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/** A request signed longer ago than this is a replay (Discord delivers within seconds). */
export const MAX_AGE_SECONDS = 5 * 60;
/** Clocks drift: a timestamp this far ahead is accepted, further is not. */
export const MAX_AHEAD_SECONDS = 60;

/** The DER prefix that makes a raw 32-byte Ed25519 key an SPKI public key node:crypto reads. */
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The application's public key (64 hex characters, from the developer portal) as a key object. */
export function discordPublicKey(hex: string): KeyObject {
  return createPublicKey({
    key: Buffer.concat([SPKI_ED25519_PREFIX, Buffer.from(hex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
}

export type Verdict =
  | { ok: true }
  | {
      ok: false;
      reason: 'missing signature' | 'malformed signature' | 'bad signature' | 'stale' | 'from the future';
    };

const SIGNATURE = /^[0-9a-f]{128}$/i;
const TIMESTAMP = /^[0-9]{1,12}$/;

/**
 * Whether a request is Discord's: an Ed25519 signature over the timestamp's bytes and the raw body,
 * by the application's key, made within the last five minutes (so a captured request cannot be
 * replayed later). Checked before the body is parsed.
 */
export function verifyInteractionRequest(
  key: KeyObject,
  request: { signature: string | undefined; timestamp: string | undefined; body: Buffer },
  nowMs: number,
): Verdict {
  const { signature, timestamp, body } = request;
  if (!signature || !timestamp) return { ok: false, reason: 'missing signature' };
  if (!SIGNATURE.test(signature) || !TIMESTAMP.test(timestamp))
    return { ok: false, reason: 'malformed signature' };
  const signed = verify(
    null,
    Buffer.concat([Buffer.from(timestamp, 'utf8'), body]),
    key,
    Buffer.from(signature, 'hex'),
  );
  if (!signed) return { ok: false, reason: 'bad signature' };
  const ageSeconds = nowMs / 1000 - Number(timestamp);
  if (ageSeconds > MAX_AGE_SECONDS) return { ok: false, reason: 'stale' };
  if (ageSeconds < -MAX_AHEAD_SECONDS) return { ok: false, reason: 'from the future' };
  return { ok: true };
}
