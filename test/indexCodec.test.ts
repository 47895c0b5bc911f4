import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createMiniSearch } from '../src/search/indexEntry.js';
import { decodeIndex, encodeIndex, IndexFormatError } from '../src/store/indexCodec.js';

function sampleIndex() {
  const mini = createMiniSearch();
  mini.addAll([
    { id: 'a', text: 'lukashenko win 80.1 vote', keys: 'lksnk', title: 'belarus elect', outlet: 'rfe rl' },
    { id: 'b', text: 'biegun visit moscow vilnius', keys: 'bgn mscv vlns', title: 'us diplomat', outlet: '' },
    { id: 'c', text: 'protest minsk sunday', keys: 'prtst mnsk', title: 'belarus protest', outlet: 'delfi' },
  ]);
  mini.discard('c');
  return mini;
}

async function* fromArray(lines: string[]) {
  yield* lines;
}

async function collect(gen: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const line of gen) out.push(line);
  return out;
}

test('a decoded index serializes exactly like the original (pins the minisearch internals we use)', async () => {
  const original = sampleIndex();
  const { mini } = await decodeIndex(fromArray(await collect(encodeIndex(original))));
  // The radix tree's iteration order follows insertion order, so compare the index sorted by term.
  const plain = (m: typeof mini) => {
    const json = JSON.parse(JSON.stringify(m)) as { index: [string, unknown][] };
    json.index.sort(([a], [b]) => a.localeCompare(b));
    return json;
  };
  assert.deepEqual(plain(mini), plain(original));
  assert.deepEqual(
    mini.search('lukashenko').map((r) => r.id),
    original.search('lukashenko').map((r) => r.id),
  );
});

test('decoding derives document frequencies of live passages only', async () => {
  const { stats } = await decodeIndex(fromArray(await collect(encodeIndex(sampleIndex()))));
  assert.equal(stats.passages, 2);
  assert.equal(stats.text.get('lukashenko'), 1);
  assert.equal(stats.text.get('protest'), undefined);
  assert.equal(stats.keys.get('bgn'), 1);
});

test('decoding rejects lines without a header or of an unknown kind', async () => {
  await assert.rejects(decodeIndex(fromArray(['{"kind":"ids","entries":[]}'])), IndexFormatError);
  await assert.rejects(decodeIndex(fromArray([])), IndexFormatError);
  const [header] = await collect(encodeIndex(sampleIndex()));
  await assert.rejects(decodeIndex(fromArray([header ?? '', '{"kind":"mystery"}'])), IndexFormatError);
  await assert.rejects(decodeIndex(fromArray(['{not json'])), SyntaxError);
});
