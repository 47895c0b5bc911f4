import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Postings } from '../../src/search/postings.js';

/** A small deterministic generator, so a failure replays. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

const sorted = (m: Map<number, number>) => [...m].sort(([a], [b]) => a - b);

test('postings behave like the Map minisearch would keep, through sets, deletes and compaction', () => {
  const random = lcg(7);
  const postings = new Postings();
  const map = new Map<number, number>();
  let next = 0;
  for (let step = 0; step < 5000; step++) {
    const r = random();
    if (r < 0.5) {
      // minisearch adds documents with ever larger short ids.
      next += 1 + Math.floor(random() * 3);
      const freq = 1 + Math.floor(random() * 5);
      postings.set(next, freq);
      map.set(next, freq);
    } else if (r < 0.65 && map.size > 0) {
      const id = [...map.keys()][Math.floor(random() * map.size)]!;
      postings.set(id, (map.get(id) ?? 0) + 1);
      map.set(id, (map.get(id) ?? 0) + 1);
    } else {
      const id = Math.floor(random() * (next + 2));
      assert.equal(postings.delete(id), map.delete(id));
    }
    assert.equal(postings.size, map.size);
  }
  assert.deepEqual([...postings], sorted(map));
  assert.deepEqual(
    [...postings.keys()],
    sorted(map).map(([id]) => id),
  );
  for (let id = 0; id <= next + 1; id++) {
    assert.equal(postings.get(id), map.get(id));
    assert.equal(postings.has(id), map.has(id));
  }
  postings.trim();
  assert.deepEqual([...postings], sorted(map));
});

test('iteration survives deleting the current entry and the compaction that follows', () => {
  const postings = new Postings();
  for (let id = 0; id < 100; id++) postings.set(id, 1 + (id % 3));
  const seen: number[] = [];
  // As minisearch's vacuum and search-time cleanup do: delete while iterating.
  for (const [id] of postings) {
    seen.push(id);
    if (id % 4 !== 0) postings.delete(id);
  }
  assert.deepEqual(
    seen,
    Array.from({ length: 100 }, (_, i) => i),
  );
  assert.deepEqual(
    [...postings.keys()],
    Array.from({ length: 25 }, (_, i) => i * 4),
  );
  assert.equal(postings.get(8), 3);
});

test('an id below the highest goes into place; one above is appended', () => {
  const postings = new Postings();
  postings.set(10, 1).set(30, 1).set(20, 2);
  assert.deepEqual(
    [...postings],
    [
      [10, 1],
      [20, 2],
      [30, 1],
    ],
  );
  postings.append(31, 4);
  assert.deepEqual(
    [...postings],
    [
      [10, 1],
      [20, 2],
      [30, 1],
      [31, 4],
    ],
  );
});

test('a view over saved arrays reads in place and copies only when it grows', () => {
  const ids = new Uint32Array([2, 5, 9]);
  const freqs = new Uint16Array([1, 4, 2]);
  const postings = Postings.view(ids, freqs);
  assert.equal(postings.size, 3);
  assert.equal(postings.get(5), 4);
  postings.set(12, 1);
  assert.deepEqual(
    [...postings],
    [
      [2, 1],
      [5, 4],
      [9, 2],
      [12, 1],
    ],
  );
  assert.deepEqual([...ids], [2, 5, 9]);
});

test('postings do all a Map does: values, forEach with its this, clear, and a tag of their own', () => {
  const postings = new Postings();
  for (const [id, freq] of [
    [3, 2],
    [5, 1],
    [9, 4],
  ] as const)
    postings.set(id, freq);
  const map: Map<number, number> = postings;
  assert.deepEqual([...map.values()], [2, 1, 4]);
  const seen: [number, number, unknown][] = [];
  const self = { name: 'caller' };
  map.forEach(function (this: unknown, freq, id, whole) {
    assert.equal(whole, postings);
    seen.push([id, freq, this]);
  }, self);
  assert.deepEqual(seen, [
    [3, 2, self],
    [5, 1, self],
    [9, 4, self],
  ]);
  assert.equal(Object.prototype.toString.call(postings), '[object Postings]');
  const iterator = map.keys();
  assert.equal(iterator.next().value, 3);
  map.clear();
  assert.equal(map.size, 0);
  assert.equal(map.get(3), undefined);
  assert.deepEqual([...iterator], []);
  map.set(1, 7);
  assert.deepEqual([...map], [[1, 7]]);
});

test('seek finds the first slot at or after a start whose id is not below the one asked, holes included', () => {
  const random = lcg(11);
  const postings = new Postings();
  let next = 0;
  for (let i = 0; i < 3000; i++) {
    next += 1 + Math.floor(random() * 4);
    postings.append(next, 1 + Math.floor(random() * 3));
  }
  // A few holes: delete leaves frequency 0 in place until a compaction.
  for (let i = 0; i < 5; i++) postings.delete(postings.idAt(Math.floor(random() * postings.usedSlots)));
  const slots = postings.usedSlots;
  const expected = (id: number, from: number) => {
    let slot = from;
    while (slot < slots && postings.idAt(slot) < id) slot++;
    return slot;
  };
  for (let i = 0; i < 2000; i++) {
    const from = Math.floor(random() * (slots + 1));
    const id = Math.floor(random() * (next + 10));
    assert.equal(postings.seek(id, from), expected(id, from), `seek(${id}, ${from})`);
  }
  // Walking ascending ids forward reads the same frequencies as get().
  let slot = 0;
  for (let id = 0; id <= next + 1; id++) {
    slot = postings.seek(id, slot);
    const found =
      slot < slots && postings.idAt(slot) === id ? postings.frequencyAt(slot) || undefined : undefined;
    assert.equal(found, postings.get(id), `id ${id}`);
  }
});
