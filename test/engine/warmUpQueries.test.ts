import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUNDLED_KNOWLEDGE } from '../../harness/tempKnowledge.js';
import { buildState } from '../../src/engine/buildState.js';
import { sampleQueries, warmUpQueries } from '../../src/engine/warmUpQueries.js';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge.js';
import { answerQuery } from '../../src/search/answerQuery.js';
import { BUILT_IN_ALIASES } from '../../src/text/aliasTable.js';

test('warm-up questions are the opening words of passages spread over the whole index', async () => {
  const { documents } = await loadKnowledge(BUNDLED_KNOWLEDGE);
  const state = await buildState(documents, BUILT_IN_ALIASES, []);
  const queries = sampleQueries(state);
  const passages = [...state.passages.values()];
  assert.ok(queries.length > 1 && queries.length <= 40);
  for (const q of queries) {
    assert.ok(q.split(' ').length <= 8);
    assert.ok(
      passages.some((p) => p.text.startsWith(q.split(' ')[0]!)),
      q,
    );
  }
  const lastDocument = passages.at(-1)!.documentId;
  const firstOfLast = passages.findIndex((p) => p.documentId === lastDocument);
  assert.ok(
    queries.some((q) => passages.slice(firstOfLast).some((p) => p.text.startsWith(q))),
    'the last document is sampled too',
  );
});

test('warming up changes nothing a member would see', async () => {
  const { documents } = await loadKnowledge(BUNDLED_KNOWLEDGE);
  const state = await buildState(documents, BUILT_IN_ALIASES, []);
  const question = 'How many people protested in Minsk?';
  const before = answerQuery(state, question);
  const index = JSON.stringify(state.mini);
  await warmUpQueries(state);
  assert.equal(JSON.stringify(state.mini), index);
  assert.deepEqual(answerQuery(state, question), before);
});
