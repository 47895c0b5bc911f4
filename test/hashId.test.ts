import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createIdHasher, hashId } from '../src/log/hashId.js';

const ALICE = '123456789012345678';
const BOB = '123456789012345679';

test('12 hex characters, stable within the process, different for different ids', () => {
  const a = hashId(ALICE);
  assert.match(a, /^[0-9a-f]{12}$/);
  assert.equal(hashId(ALICE), a);
  assert.notEqual(hashId(BOB), a);
});

test('the hash never contains the id', () => {
  for (let i = 0; i < 200; i++) {
    const id = String(100000000000000000n + BigInt(i) * 7919n);
    const hash = hashId(id);
    assert.ok(!hash.includes(id));
    assert.ok(!id.includes(hash));
  }
});

test('the salt decides the hash: same salt, same hash; another salt, another hash', () => {
  const one = createIdHasher('salt one');
  assert.equal(one(ALICE), createIdHasher('salt one')(ALICE));
  assert.notEqual(one(ALICE), createIdHasher('salt two')(ALICE));
  assert.match(one(ALICE), /^[0-9a-f]{12}$/);
});
