import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUNDLED_KNOWLEDGE } from '../../harness/tempKnowledge.js';
import { buildState } from '../../src/engine/buildState.js';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge.js';
import { countedFields, documentFields } from '../../src/search/indexEntry.js';
import { PassageIndex } from '../../src/search/passageIndex.js';
import { emptySearchState } from '../../src/search/searchState.js';
import { BUILT_IN_ALIASES } from '../../src/text/aliasTable.js';
import { segmentDocument } from '../../src/text/segment.js';
import { complete, indexDocumentAtOnce, removeDocument, toIndexEntry } from '../helpers/searchStateEdits.js';

/** minisearch's toJSON, with the index sorted by term (the tree's order follows insertion). */
function plain(mini: PassageIndex) {
  const json = JSON.parse(JSON.stringify(mini)) as { index: [string, unknown][] };
  json.index.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return json;
}

async function bundled() {
  const { documents } = await loadKnowledge(BUNDLED_KNOWLEDGE);
  return documents.map((doc) => ({ doc, passages: segmentDocument(doc) }));
}

test('a built index is exactly what minisearch add() makes of the same passages', async () => {
  const docs = await bundled();
  const reference = new PassageIndex();
  for (const { doc, passages } of docs) {
    const shared = documentFields(doc.meta, BUILT_IN_ALIASES);
    for (const p of passages)
      reference.add(toIndexEntry(p.id, countedFields(p.text, shared, BUILT_IN_ALIASES)));
  }
  const built = await buildState(
    docs.map(({ doc }) => doc),
    BUILT_IN_ALIASES,
    [],
  );
  assert.deepEqual(plain(built.mini), plain(reference));
  for (const q of ['lukashenko', 'biegun', 'osce', 'protest minsk'])
    assert.deepEqual(
      built.mini.search(q).map((r) => [r.id, r.score]),
      reference.search(q).map((r) => [r.id, r.score]),
    );
  // Term statistics read off the built index equal counting passage by passage.
  const counted = emptySearchState();
  for (const { doc, passages } of docs)
    indexDocumentAtOnce(
      counted,
      { id: doc.id, file: doc.file, hash: doc.hash, meta: doc.meta, passageIds: [] },
      passages,
    );
  assert.deepEqual(built.stats, counted.stats);
  assert.deepEqual(complete(built.mini.finishBuild()), counted.stats);
});

test('passages added and removed later keep the index as minisearch would', async () => {
  const docs = await bundled();
  const [first, second] = docs;
  assert.ok(first && second);
  const state = emptySearchState();
  const reference = new PassageIndex();
  const entries = new Map<string, ReturnType<typeof toIndexEntry>>();
  for (const { doc, passages } of [first, second]) {
    indexDocumentAtOnce(
      state,
      { id: doc.id, file: doc.file, hash: doc.hash, meta: doc.meta, passageIds: passages.map((p) => p.id) },
      passages,
    );
    const shared = documentFields(doc.meta, BUILT_IN_ALIASES);
    for (const p of passages) {
      const entry = toIndexEntry(p.id, countedFields(p.text, shared, BUILT_IN_ALIASES));
      entries.set(p.id, entry);
      reference.add(entry);
    }
  }
  removeDocument(state, first.doc.id);
  for (const p of first.passages) reference.discard(p.id);
  await state.mini.vacuum();
  await reference.vacuum();
  assert.deepEqual(plain(state.mini), plain(reference));
  assert.equal(state.stats.passages, second.passages.length);
  assert.equal(state.passages.size, second.passages.length);
});

test('addPassageTerms refuses a duplicate id or a short id already used', () => {
  const mini = new PassageIndex();
  const fields = countedFields(
    'Lukashenko won',
    documentFields({ title: 'T', outlet: null }, BUILT_IN_ALIASES),
    BUILT_IN_ALIASES,
  );
  mini.addPassageTerms('a', fields);
  assert.throws(() => mini.addPassageTerms('a', fields), /duplicate ID/);
  assert.throws(() => mini.addPassageTerms('b', fields, 0), /already taken/);
  mini.addPassageTerms('c', fields, 7);
  assert.deepEqual(
    mini.search('lukashenko').map((r) => r.id),
    ['a', 'c'],
  );
});

test('restoring a large index pauses between its passage ids, not only between its terms', () => {
  const passageIds = new Map<number, string>();
  const fieldLengths = new Map<number, number[]>();
  for (let shortId = 0; shortId < 50_000; shortId++) {
    passageIds.set(shortId, `p${shortId}`);
    fieldLengths.set(shortId, [1, 0, 1, 0]);
  }
  const figures = { documentCount: 50_000, nextId: 50_000, fieldIds: {}, averageFieldLength: [1, 0, 1, 0] };
  const steps = PassageIndex.restore({ figures, passageIds, fieldLengths, terms: [] });
  let pauses = 0;
  let next = steps.next();
  for (; !next.done; next = steps.next()) pauses++;
  assert.ok(pauses >= 2, `${pauses} pauses for 50,000 passages and no terms`);
  assert.equal(next.value.shortIdOf('p49999'), 49_999);
  assert.equal(next.value.passageIdAt(7), 'p7');
});
