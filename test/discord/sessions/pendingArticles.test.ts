import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryPendingArticles, PENDING_KEY } from '../../../src/discord/sessions/pendingArticles.js';
import { articleToAdd } from '../../helpers/articleToAdd.js';

const article = articleToAdd;

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

test('a preview is found by its short key until it expires, and the key fits a custom_id field', async () => {
  const time = clock();
  const store = new MemoryPendingArticles({ ttlMs: 60_000, now: time.now });
  const key = await store.put(article('trams'));
  assert.match(key, PENDING_KEY);
  assert.equal((await store.peek(key))?.prepared.file, 'trams.md');
  time.advance(59_999);
  assert.equal((await store.peek(key))?.prepared.file, 'trams.md');
  time.advance(1);
  assert.equal(await store.peek(key), undefined, 'expired');
  assert.equal(store.size, 0, 'and dropped');
});

test('take removes it: a second Add, or an Add after Cancel, finds nothing', async () => {
  const store = new MemoryPendingArticles();
  const key = await store.put(article('trams'));
  assert.equal((await store.take(key))?.prepared.file, 'trams.md');
  assert.equal(await store.take(key), undefined);
  assert.equal(await store.peek(key), undefined);
});

test('keys are distinct, an unknown key finds nothing, and the oldest preview goes beyond capacity', async () => {
  const store = new MemoryPendingArticles({ capacity: 2 });
  const first = await store.put(article('one'));
  const second = await store.put(article('two'));
  const third = await store.put(article('three'));
  assert.equal(new Set([first, second, third]).size, 3);
  assert.equal(await store.peek(first), undefined, 'evicted');
  assert.equal((await store.peek(second))?.prepared.file, 'two.md');
  assert.equal((await store.peek(third))?.prepared.file, 'three.md');
  assert.equal(await store.peek('AAAAAAAA'), undefined);
  assert.equal(store.size, 2);
});
