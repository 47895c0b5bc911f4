import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signBody } from '../../harness/emulator/http-delivery.js';
import { applicationKeys } from '../../harness/emulator/index.js';
import { discordPublicKey, verifyInteractionRequest } from '../../src/http/verifyRequest.js';

const keys = applicationKeys();
const key = discordPublicKey(keys.publicKeyHex);
const NOW = 1_700_000_000_000;
const body = Buffer.from('{"type":1}');
const signed = (timestamp: string, bytes = body) => ({
  signature: signBody(keys.privateKey, timestamp, bytes),
  timestamp,
  body: bytes,
});
const at = (secondsFromNow: number) => String(NOW / 1000 + secondsFromNow);

test('a request signed by the application key within the window is accepted', () => {
  assert.deepEqual(verifyInteractionRequest(key, signed(at(0)), NOW), { ok: true });
  assert.deepEqual(verifyInteractionRequest(key, signed(at(-299)), NOW), { ok: true });
  assert.deepEqual(verifyInteractionRequest(key, signed(at(59)), NOW), { ok: true });
});

test('missing, malformed, wrong, tampered, replayed and future requests are refused, each saying why', () => {
  const good = signed(at(0));
  const other = applicationKeys();
  const cases: [Parameters<typeof verifyInteractionRequest>[1], string][] = [
    [{ ...good, signature: undefined }, 'missing signature'],
    [{ ...good, timestamp: undefined }, 'missing signature'],
    [{ ...good, signature: 'abc' }, 'malformed signature'],
    [{ ...good, timestamp: '12e5' }, 'malformed signature'],
    [{ ...good, signature: signBody(other.privateKey, good.timestamp, body) }, 'bad signature'],
    [{ ...good, body: Buffer.from('{"type":2}') }, 'bad signature'],
    [{ ...good, timestamp: at(1) }, 'bad signature'],
    [signed(at(-301)), 'stale'],
    [signed(at(61)), 'from the future'],
  ];
  for (const [request, reason] of cases)
    assert.deepEqual(verifyInteractionRequest(key, request, NOW), { ok: false, reason }, reason);
});
