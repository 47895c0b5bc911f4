import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { test } from 'node:test';
import { createIdHasher, hashId } from '../../src/log/hashId.js';

const ALICE = '123456789012345678';
const BOB = '123456789012345679';

test('12 hex characters, stable within the process, different for different ids', () => {
  const a = hashId(ALICE);
  assert.match(a, /^[0-9a-f]{12}$/);
  assert.equal(hashId(ALICE), a);
  assert.notEqual(hashId(BOB), a);
});

test('a hash cannot be recomputed from the id alone: it is keyed by the salt, not a plain or empty-key digest', () => {
  // Discord ids are public: a digest anyone can compute from one would tell whose line a log line is.
  const hasher = createIdHasher('the salt');
  for (const id of [ALICE, BOB]) {
    const hash = hasher(id);
    assert.notEqual(hash, createHash('sha256').update(id).digest('hex').slice(0, 12));
    assert.notEqual(hash, createHmac('sha256', '').update(id).digest('hex').slice(0, 12));
    assert.equal(hash, createHmac('sha256', 'the salt').update(id).digest('hex').slice(0, 12));
  }
});

test('the salt decides the hash: same salt, same hash; another salt, another hash', () => {
  const one = createIdHasher('salt one');
  assert.equal(one(ALICE), createIdHasher('salt one')(ALICE));
  assert.notEqual(one(ALICE), createIdHasher('salt two')(ALICE));
  assert.match(one(ALICE), /^[0-9a-f]{12}$/);
});
