import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryCooldown } from '../../../src/discord/sessions/cooldown.js';

function clock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
  };
}

test('5 questions in 30 s are allowed, the 6th waits until the oldest leaves the window', async () => {
  const c = clock();
  const cooldown = new MemoryCooldown({ questions: 5, seconds: 30 }, c.now);
  for (let i = 0; i < 5; i++) {
    assert.deepEqual(await cooldown.take('alice'), { ok: true });
    c.advance(2_000); // takes at 0, 2, 4, 6, 8 s
  }
  // now 10 s: the oldest take (0 s) leaves at 30 s
  assert.deepEqual(await cooldown.take('alice'), { ok: false, retryAfterSeconds: 20 });
  c.advance(500);
  assert.deepEqual(await cooldown.take('alice'), { ok: false, retryAfterSeconds: 20 }, 'rounds 19.5 s up');
  assert.deepEqual(await cooldown.take('bob'), { ok: true }, 'members are counted apart');
});

test('the window slides: each old take frees one place as it leaves', async () => {
  const c = clock();
  const cooldown = new MemoryCooldown({ questions: 5, seconds: 30 }, c.now);
  for (let i = 0; i < 5; i++) {
    assert.equal((await cooldown.take('alice')).ok, true);
    c.advance(1_000); // takes at 0..4 s
  }
  c.advance(25_000 - 1); // 29.999 s
  assert.deepEqual(await cooldown.take('alice'), { ok: false, retryAfterSeconds: 1 }, 'never less than 1');
  c.advance(1); // 30 s: the take at 0 s has left
  assert.deepEqual(await cooldown.take('alice'), { ok: true });
  assert.deepEqual(await cooldown.take('alice'), { ok: false, retryAfterSeconds: 1 }, 'next leaves at 31 s');
  c.advance(1_000);
  assert.deepEqual(await cooldown.take('alice'), { ok: true });
});

test('refused takes do not count', async () => {
  const c = clock();
  const cooldown = new MemoryCooldown({ questions: 1, seconds: 10 }, c.now);
  assert.equal((await cooldown.take('alice')).ok, true);
  for (let i = 0; i < 9; i++) {
    c.advance(1_000);
    assert.equal((await cooldown.take('alice')).ok, false);
  }
  c.advance(1_000);
  assert.equal((await cooldown.take('alice')).ok, true);
});

test('members whose window has emptied are pruned', async () => {
  const c = clock();
  const cooldown = new MemoryCooldown({ questions: 5, seconds: 30 }, c.now);
  for (let i = 0; i < 100; i++) await cooldown.take(`member${i}`);
  assert.equal(cooldown.size, 100);
  c.advance(30_000);
  await cooldown.take('late');
  assert.equal(cooldown.size, 1);
});

test('at most maxMembers are tracked: the least recently active is forgotten', async () => {
  const c = clock();
  const cooldown = new MemoryCooldown({ questions: 1, seconds: 60, maxMembers: 3 }, c.now);
  for (const id of ['a', 'b', 'c']) await cooldown.take(id);
  await cooldown.take('d');
  assert.equal(cooldown.size, 3);
  assert.equal((await cooldown.take('a')).ok, true, 'a was evicted, so it starts afresh');
  assert.equal((await cooldown.take('c')).ok, false, 'c is still tracked');
  assert.equal(cooldown.size, 3);
});

test('the default bound holds 10,000 members', async () => {
  const cooldown = new MemoryCooldown({ questions: 5, seconds: 30 }, () => 0);
  for (let i = 0; i < 10_050; i++) await cooldown.take(String(i));
  assert.equal(cooldown.size, 10_000);
});

test('invalid limits are refused', async () => {
  assert.throws(() => new MemoryCooldown({ questions: 0, seconds: 30 }), RangeError);
  assert.throws(() => new MemoryCooldown({ questions: 5, seconds: 1.5 }), RangeError);
});
