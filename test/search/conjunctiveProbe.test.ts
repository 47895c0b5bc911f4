import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildState } from '../../src/engine/buildState.js';
import { conjunctiveProbe } from '../../src/search/conjunctiveProbe.js';
import { planQuery } from '../../src/search/queryPlan.js';
import { BUILT_IN_ALIASES } from '../../src/text/aliasTable.js';
import type { KnowledgeDocument } from '../../src/types.js';

const doc = (id: string, text: string): KnowledgeDocument => ({
  id,
  file: `${id}.md`,
  hash: id,
  text,
  meta: { title: id, outlet: null, author: null, published: null, url: null, language: null, inferred: [] },
});

test("the rarest word's passages are the candidates, those also holding the others first", async () => {
  const filler = 'The committee published its weekly report on the harvest and the weather in the provinces.';
  const state = await buildState(
    [
      doc('one', `Protesters marched in Minsk again on Sunday. ${filler}`),
      doc('two', `Protesters gathered near the station. ${filler}`),
      doc('three', `Minsk stayed calm as shops opened. ${filler}`),
      doc('four', `Farmers sold apples at the market in Minsk. ${filler}`),
    ],
    BUILT_IN_ALIASES,
    [],
  );
  const { terms } = planQuery('protesters Minsk', state);
  const ids = conjunctiveProbe(state, terms, 10).map((r) => state.passages.get(String(r.id))?.documentId);
  // "protesters" (2 passages) is rarer than "Minsk" (3): its passages are walked, the one with both first.
  assert.deepEqual(ids, ['one', 'two']);
  assert.equal(conjunctiveProbe(state, terms, 1).length, 1);
  assert.deepEqual(conjunctiveProbe(state, planQuery('zeppelin', state).terms, 10), []);
});

test('the walk keeps the passages holding most words, in any position of the lists, and skips a discarded one', async () => {
  const filler = 'The committee published its weekly report on the harvest and the weather in the provinces.';
  const docs = Array.from({ length: 40 }, (_, i) => {
    const words = ['Minsk'];
    if (i % 3 === 0) words.push('protesters');
    if (i === 7 || i === 37) words.push('protesters', 'police');
    return doc(`d${String(i).padStart(2, '0')}`, `${words.join(' and ')} were in the news. ${filler}`);
  });
  const state = await buildState(docs, BUILT_IN_ALIASES, []);
  const { terms } = planQuery('protesters police Minsk', state);
  const top = (depth: number) =>
    conjunctiveProbe(state, terms, depth).map((r) => state.passages.get(String(r.id))?.documentId);
  // d07 and d37 hold all three words; "police" is the rarest, so the others are looked up in its order.
  assert.deepEqual(top(2), ['d07', 'd37']);
  const d07 = state.documents.get('d07')?.passageIds[0];
  assert.ok(d07);
  state.mini.discard(d07);
  assert.deepEqual(top(1), ['d37']);
  assert.deepEqual(top(5), ['d37']);
});
