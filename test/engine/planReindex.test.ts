import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type IndexBefore, planReindex, scanMaySkipKnown } from '../../src/engine/planReindex.js';
import type { IndexedDocument } from '../../src/search/searchState.js';
import type { KnowledgeDocument } from '../../src/types.js';

const meta = {
  title: 't',
  outlet: null,
  author: null,
  published: null,
  url: null,
  language: null,
  inferred: [],
};
const indexed = (id: string, hash = `h-${id}`): IndexedDocument => ({
  id,
  file: `${id}.md`,
  hash,
  meta,
  passageIds: [`${id}-0`],
});
const found = (id: string, hash = `h-${id}`): KnowledgeDocument => ({
  id,
  file: `${id}.md`,
  hash,
  meta,
  text: 'x',
});
const unread = (id: string) => ({ id, file: `${id}.md`, hash: `h-${id}` });

function before(ids: string[], overrides: Partial<IndexBefore> = {}): IndexBefore {
  return {
    documents: new Map(ids.map((id) => [id, indexed(id)])),
    full: false,
    aliasesChanged: false,
    canPatch: true,
    ...overrides,
  };
}

const TEN = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];

test('a small change to a saved index is patched in, and the files left unread stay unread', () => {
  const plan = planReindex(before(TEN), {
    documents: [found('a', 'edited'), found('new')],
    unchanged: TEN.slice(1).map(unread),
  });
  assert.equal(plan.mode, 'incremental');
  assert.equal(plan.rescan, false);
  assert.deepEqual(
    [plan.diff.added.map((d) => d.id), plan.diff.changed.map((d) => d.id), plan.diff.removed],
    [['new'], ['a'], []],
  );
  assert.equal(plan.removesEvery, false);
});

test('nothing changed: nothing to apply', () => {
  const plan = planReindex(before(TEN), { documents: [], unchanged: TEN.map(unread) });
  assert.equal(plan.mode, 'unchanged');
  assert.equal(plan.rescan, false);
  assert.deepEqual(plan.diff.unchanged, TEN);
});

test('more than a quarter of the documents changed: rebuilt aside, after reading every file', () => {
  const scan = {
    documents: ['a', 'b', 'c'].map((id) => found(id, 'edited')),
    unchanged: TEN.slice(3).map(unread),
  };
  const plan = planReindex(before(TEN), scan);
  assert.equal(plan.rescan, true, 'a rebuild needs the unread files too');
  assert.equal(plan.mode, 'full');
  const again = planReindex(before(TEN), {
    documents: [...scan.documents, ...TEN.slice(3).map((id) => found(id))],
    unchanged: [],
  });
  assert.deepEqual([again.mode, again.rescan], ['full', false]);
  assert.deepEqual(
    again.diff.changed.map((d) => d.id),
    ['a', 'b', 'c'],
  );
});

test('a change that could not be undone if it failed half-way is built aside instead of patched', () => {
  const plan = planReindex(before(TEN, { canPatch: false }), { documents: [found('new')], unchanged: [] });
  assert.equal(plan.mode, 'full');
});

test('nothing changed and nothing to patch with: the unread files are not read again for nothing', () => {
  const plan = planReindex(before(TEN, { canPatch: false }), { documents: [], unchanged: TEN.map(unread) });
  assert.deepEqual([plan.mode, plan.rescan], ['unchanged', false]);
  assert.deepEqual(plan.diff.unchanged, TEN);
});

test('asked for a full rebuild, or aliases changed: full even when no document did, and every file is read', () => {
  for (const asked of [{ full: true }, { aliasesChanged: true }]) {
    const start = before(TEN, asked);
    assert.equal(scanMaySkipKnown(start), false);
    const plan = planReindex(start, { documents: TEN.map((id) => found(id)), unchanged: [] });
    assert.equal(plan.mode, 'full', JSON.stringify(asked));
  }
  assert.equal(scanMaySkipKnown(before(TEN)), true);
  assert.equal(scanMaySkipKnown(before([])), false, 'an empty index has nothing to skip');
});

test('an emptied folder removes every document; an empty index and folder change nothing', () => {
  const emptied = planReindex(before(TEN), { documents: [], unchanged: [] });
  assert.equal(emptied.removesEvery, true);
  assert.equal(emptied.mode, 'full');
  assert.deepEqual(emptied.diff.removed, TEN);
  const nothing = planReindex(before([]), { documents: [], unchanged: [] });
  assert.deepEqual([nothing.mode, nothing.removesEvery], ['unchanged', false]);
});
