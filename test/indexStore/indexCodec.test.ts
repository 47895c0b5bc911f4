import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeIndex, encodeIndex } from '../../src/indexStore/indexCodec.js';
import type { IndexEntry } from '../../src/search/indexEntry.js';
import { PassageIndex } from '../../src/search/passageIndex.js';

const ENTRIES: IndexEntry[] = [
  { id: 'a', text: 'lukashenko win 80.1 vote vote', keys: 'lksnk', title: 'belarus elect', outlet: 'rfe rl' },
  { id: 'b', text: 'biegun visit moscow vilnius', keys: 'bgn mscv vlns', title: 'us diplomat', outlet: '' },
  { id: 'c', text: 'protest minsk sunday', keys: 'prtst mnsk', title: 'belarus protest', outlet: 'delfi' },
];

/** Built by minisearch's own add(), with Map postings: the codec must read what minisearch writes. */
function sampleIndex() {
  const mini = new PassageIndex();
  mini.addAll(ENTRIES);
  mini.discard('c');
  return mini;
}

async function encoded(mini = sampleIndex()): Promise<{ lines: string[]; bytes: Uint8Array }> {
  const lines: string[] = [];
  const chunks: Uint8Array[] = [];
  for await (const part of encodeIndex(mini)) {
    if ('line' in part) lines.push(part.line);
    else chunks.push(Buffer.from(part.bytes));
  }
  return { lines, bytes: Buffer.concat(chunks) };
}

async function* fromArray(lines: string[]) {
  yield* lines;
}

const decode = async (lines: string[], bytes: Uint8Array) => decodeIndex(fromArray(lines), bytes);

/** minisearch's toJSON with the index sorted by term (the tree's order follows insertion). */
function plain(m: PassageIndex) {
  const json = JSON.parse(JSON.stringify(m)) as { index: [string, unknown][]; dirtCount: number };
  json.index.sort(([a], [b]) => a.localeCompare(b));
  return json;
}

test('a decoded index serializes like the original once vacuumed (pins the minisearch internals we use)', async () => {
  const original = sampleIndex();
  const { lines, bytes } = await encoded(original);
  const { mini } = await decode(lines, bytes);
  await original.vacuum();
  assert.deepEqual(plain(mini), plain(original));
  for (const q of ['lukashenko', 'vote', 'protest', 'belarus'])
    assert.deepEqual(
      mini.search(q).map((r) => [r.id, r.score]),
      original.search(q).map((r) => [r.id, r.score]),
    );
});

test('decoding derives document frequencies of live passages only', async () => {
  const { lines, bytes } = await encoded();
  const { stats } = await decode(lines, bytes);
  assert.equal(stats.passages, 2);
  assert.equal(stats.text.get('lukashenko'), 1);
  assert.equal(stats.text.get('protest'), undefined);
  assert.equal(stats.keys.get('bgn'), 1);
});

test('a decoded index takes new documents and discards like minisearch', async () => {
  const { lines, bytes } = await encoded();
  const { mini } = await decode(lines, bytes);
  const reference = sampleIndex();
  for (const m of [mini, reference]) {
    m.add({ id: 'd', text: 'vote minsk lukashenko', keys: 'mnsk lksnk', title: 'vote', outlet: '' });
    m.discard('a');
  }
  await reference.vacuum();
  await mini.vacuum();
  assert.deepEqual(plain(mini), plain(reference));
});

test('decoding rejects lines without a header, of an unknown kind, or postings of the wrong length', async () => {
  const { lines, bytes } = await encoded();
  const [header] = lines;
  await assert.rejects(decode(['{"kind":"docs","entries":[]}'], bytes), /does not start with a header/);
  await assert.rejects(decode([], bytes), /index file is empty/);
  await assert.rejects(
    decode([header ?? '', '{"kind":"mystery"}'], bytes),
    /unknown index line kind mystery/,
  );
  await assert.rejects(decode(['{not json'], bytes), SyntaxError);
  const docs = lines.find((l) => l.includes('"kind":"docs"')) ?? '';
  const terms = lines.find((l) => l.includes('"kind":"terms"')) ?? '';
  for (const [bad, message] of [
    [[header?.replace('"nextId":', '"nextId":-') ?? ''], /index line: nextId must be a whole number/],
    [['[1,2]'], /index line: the value must be an object/],
    [[header ?? '', '{"kind":"docs","entries":"x"}'], /index line: entries must be an array/],
    [[header ?? '', docs.replace(/"entries":\[\d+,/, '"entries":["x",')], /a document entry is malformed/],
    [[header ?? '', terms.replace(/"entries":\[\["/, '"entries":[[7,"')], /a term entry is malformed/],
  ] as const)
    await assert.rejects(decode([...bad], bytes), message, String(message));
  await assert.rejects(decode(lines, bytes.subarray(0, bytes.length - 4)), /shorter than its terms say/);
  await assert.rejects(decode(lines, Buffer.concat([bytes, Buffer.alloc(8)])), /longer than its terms say/);
});
