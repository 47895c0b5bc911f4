import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answerJson } from '../../src/cli/answerJson.js';
import { formatSource } from '../../src/cli/formatAnswerText.js';
import type { Answer, Source } from '../../src/types.js';

const claimed: Source = {
  title: 'Grodno trams',
  outlet: '127.0.0.1',
  outletClaim: 'Reuters',
  author: 'Maria Sokol',
  published: '2020-09-14',
  publishedInferred: false,
  url: 'http://127.0.0.1:8080/story',
};

test('ask prints an outlet the page only claimed after its site, as a claim', () => {
  assert.equal(
    formatSource(claimed),
    'Grodno trams — 127.0.0.1 (claims to be Reuters), Maria Sokol, 2020-09-14\n      http://127.0.0.1:8080/story',
  );
  assert.equal(
    formatSource({ ...claimed, outlet: 'Reuters', outletClaim: null }).split('\n')[0],
    'Grodno trams — Reuters, Maria Sokol, 2020-09-14',
  );
});

test('ask --json adds outletClaim to a source only when the page made one its site did not bear out', () => {
  const citation = { rank: 1, passageId: 'p', documentId: 'd', text: 't', quote: 't', score: 1 };
  const answer = {
    query: 'q',
    answered: true,
    outlets: 2,
    citations: [
      { ...citation, source: claimed },
      { ...citation, rank: 2, source: { ...claimed, outlet: 'Reuters', outletClaim: null } },
    ],
    suggestions: [],
  } as unknown as Answer;
  const [first, second] = (answerJson(answer) as { citations: { source: Partial<Source> }[] }).citations;
  assert.equal(first?.source.outletClaim, 'Reuters');
  assert.deepEqual(Object.keys(second?.source ?? {}).sort(), [
    'author',
    'outlet',
    'published',
    'publishedInferred',
    'title',
    'url',
  ]);
});
