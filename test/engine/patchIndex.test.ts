import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildState } from '../../src/engine/buildState.js';
import { patchIndex } from '../../src/engine/patchIndex.js';
import { TEXT_FIELD } from '../../src/search/indexEntry.js';
import type { SearchState } from '../../src/search/searchState.js';
import { BUILT_IN_ALIASES } from '../../src/text/aliasTable.js';
import type { KnowledgeDocument } from '../../src/types.js';

const paragraph = (topic: string) =>
  `The ${topic} was discussed at length by the committee, which met on Tuesday in the capital. ` +
  `Officials said the ${topic} would be reviewed again next month, after the regional reports arrive. ` +
  `Several members asked for the ${topic} figures to be published before the next session opens.`;

const doc = (id: string, paragraphs: string[], title = `About ${id}`): KnowledgeDocument => ({
  id,
  file: `${id}.md`,
  hash: `${id}:${title}:${paragraphs.join('|')}`,
  text: paragraphs.join('\n\n'),
  meta: { title, outlet: 'Daily', author: null, published: null, url: null, language: null, inferred: [] },
});

const shortIds = (state: SearchState, documentId: string) =>
  (state.documents.get(documentId)?.passageIds ?? []).map((id) => state.mini.shortIdOf(id));

/** What a query can see of an index: passages, records and document frequencies, short ids aside. */
const seen = (state: SearchState) => ({
  passages: [...state.passages.values()].sort((a, b) => a.id.localeCompare(b.id)),
  documents: [...state.documents.values()]
    .map((d) => [d.id, d.passageIds, d.meta.title])
    .sort(([a], [b]) => String(a).localeCompare(String(b))),
  textFrequencies: [...state.stats.text].sort(([a], [b]) => a.localeCompare(b)),
});

const before = [
  doc('alpha', [paragraph('harvest'), paragraph('railway'), paragraph('turnip')]),
  doc('beta', [paragraph('bridge')]),
];

test('an edited paragraph is the only passage a patch re-indexes; the others keep their short ids', async () => {
  const state = await buildState(before, BUILT_IN_ALIASES, []);
  const [harvest, railway, turnip] = shortIds(state, 'alpha');
  assert.equal(shortIds(state, 'alpha').length, 3);
  // A paragraph inserted first, the railway one rewritten: the others move down but stay as they are.
  const edited = doc('alpha', [
    paragraph('zeppelin'),
    paragraph('harvest'),
    paragraph('tramway'),
    paragraph('turnip'),
  ]);
  await patchIndex(state, { added: [], changed: [edited], removed: [], unchanged: ['beta'] }, new Map());

  const [zeppelin, harvestAfter, tramway, turnipAfter] = shortIds(state, 'alpha');
  assert.equal(harvestAfter, harvest);
  assert.equal(turnipAfter, turnip);
  assert.notEqual(tramway, railway);
  assert.ok(zeppelin !== undefined && tramway !== undefined && zeppelin > turnip! && tramway > turnip!);
  assert.equal(state.mini.postings('railway', TEXT_FIELD), undefined);
  assert.equal(state.mini.postings('tramway', TEXT_FIELD)?.size, 1);
  assert.equal(state.mini.documentCount, 5);
  // Records, neighbours and document frequencies are those of the edited text built afresh.
  const fresh = await buildState([edited, before[1]!], BUILT_IN_ALIASES, []);
  assert.deepEqual(seen(state), seen(fresh));
});

test('a new title re-indexes every passage of the document, since each passage holds its terms', async () => {
  const state = await buildState(before, BUILT_IN_ALIASES, []);
  const old = shortIds(state, 'alpha');
  const retitled = doc(
    'alpha',
    [paragraph('harvest'), paragraph('railway'), paragraph('turnip')],
    'Minsk news',
  );
  await patchIndex(state, { added: [], changed: [retitled], removed: [], unchanged: ['beta'] }, new Map());
  const now = shortIds(state, 'alpha');
  assert.equal(now.length, 3);
  for (const id of now) assert.ok(!old.includes(id));
  assert.equal(state.mini.postings('minsk', 2)?.size, 3);
  assert.deepEqual(seen(state), seen(await buildState([retitled, before[1]!], BUILT_IN_ALIASES, [])));
});
