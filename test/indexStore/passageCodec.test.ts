import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type DecodedPassage, decodePassages, encodePassages } from '../../src/indexStore/passageCodec.js';
import type { IndexedDocument } from '../../src/search/searchState.js';
import { segmentDocument } from '../../src/text/segment.js';
import type { Passage } from '../../src/types.js';

const sentence = (i: number) =>
  `Sentence number ${i} tells of “talks” in Minsk and Vilnius, with 80.1% of votes. `;

function documentOf(id: string, sentences: number): { doc: IndexedDocument; passages: Passage[] } {
  const text = Array.from({ length: sentences }, (_, i) => sentence(i) + (i % 6 === 5 ? '\n\n' : '')).join(
    '',
  );
  const passages = segmentDocument({ id, text });
  const meta = {
    title: id,
    outlet: null,
    author: null,
    published: null,
    url: null,
    language: null,
    inferred: [],
  };
  return { doc: { id, file: `${id}.md`, hash: id, meta, passageIds: passages.map((p) => p.id) }, passages };
}

async function roundTrip(
  docs: { doc: IndexedDocument; passages: Passage[] }[],
  shortIds?: Map<string, number>,
  beside?: ReadonlyMap<string, Passage>,
) {
  const all = new Map(docs.flatMap(({ passages }) => passages.map((p) => [p.id, p] as const)));
  const lines: string[] = [];
  for await (const line of encodePassages(
    docs.map(({ doc }) => doc),
    all,
    shortIds && ((id) => shortIds.get(id)),
  ))
    lines.push(line);
  const decoded: DecodedPassage[] = [];
  await decodePassages(
    (async function* () {
      yield* lines;
    })(),
    (d) => decoded.push(d),
    beside,
  );
  return { lines, decoded, all };
}

test('passages come back as segmented: text, offsets, sentences and neighbours', async () => {
  const docs = [documentOf('one', 40), documentOf('two', 7)];
  const { decoded, all } = await roundTrip(docs);
  assert.deepEqual(
    decoded.map((d) => d.passage),
    [...all.values()],
  );
  assert.ok(decoded.every((d) => d.shortId === undefined));
});

test('a passage the index beside holds with the same text lends its sentences and text; others are decoded', async () => {
  const docs = [documentOf('one', 40), documentOf('two', 7)];
  const served = documentOf('one', 40).passages;
  const [edited, ...same] = served;
  assert.ok(edited && same.length > 0);
  const elsewhere = { ...edited, text: `${edited.text} (corrected)`, sentences: [...edited.sentences] };
  const beside = new Map([edited, ...same].map((p) => [p.id, p]));
  beside.set(edited.id, elsewhere);

  const { decoded, all } = await roundTrip(docs, undefined, beside);
  assert.deepEqual(
    decoded.map((d) => d.passage),
    [...all.values()],
    'the same passages as without a neighbour',
  );
  const byId = new Map(decoded.map(({ passage }) => [passage.id, passage]));
  for (const twin of same) assert.equal(byId.get(twin.id)?.sentences, twin.sentences, 'shared');
  assert.notEqual(byId.get(edited.id)?.sentences, elsewhere.sentences, 'another text: its own copy');
  assert.equal(byId.get(edited.id)?.text, edited.text);
});

test('a long document spans several lines and its passages stay linked', async () => {
  const big = documentOf('big', 6000);
  const { lines, decoded } = await roundTrip([big]);
  assert.ok(lines.length > 1);
  assert.deepEqual(
    decoded.map((d) => d.passage),
    big.passages,
  );
});

test('a delta carries each passage’s short id', async () => {
  const one = documentOf('one', 20);
  const shortIds = new Map(one.passages.map((p, i) => [p.id, 100 + i]));
  const { decoded } = await roundTrip([one], shortIds);
  assert.deepEqual(
    decoded.map((d) => d.shortId),
    one.passages.map((_, i) => 100 + i),
  );
});
