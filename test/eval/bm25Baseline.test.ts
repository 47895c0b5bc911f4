import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildBm25Baseline } from '../../src/eval/bm25Baseline.js';
import { scoreAnswers } from '../../src/eval/scoreAnswers.js';
import type { Passage } from '../../src/types.js';

function passage(id: string, text: string): Passage {
  return {
    id,
    documentId: id,
    ordinal: 0,
    start: 0,
    end: text.length,
    text,
    sentences: [],
    prev: null,
    next: null,
  };
}

const passages = [
  passage('a', 'Potash exports through Klaipeda fell by a third.'),
  passage('b', 'The weather stayed mild and the potash barges waited.'),
  passage('c', 'Farmers brought apples to the market.'),
];

test('the baseline ranks by BM25 over the same words, rare words first, and never abstains on shared words', () => {
  const baseline = buildBm25Baseline(passages);
  assert.deepEqual(
    baseline.search('Did potash exports fall?', 5).map((p) => p.id),
    ['a', 'b'],
  );
  assert.deepEqual(
    baseline.search('apples', 5).map((p) => p.id),
    ['c'],
  );
  assert.deepEqual(baseline.search('chocolate cake', 5), []);
});

test('wrong answers count answered questions whose first three citations miss the answer', () => {
  const scores = scoreAnswers([
    {
      question: { id: '1', q: 'x', expect: ['fell by a third'] },
      answer: { citations: [{ text: 'nope', quote: 'nope' }] },
    },
    {
      question: { id: '2', q: 'y', expect: ['fell by a third'] },
      answer: { citations: [{ text: 'it fell by a third', quote: 'it fell by a third' }] },
    },
    { question: { id: '3', q: 'z', expect: ['fell by a third'] }, answer: { citations: [] } },
  ]);
  assert.equal(scores.wrongAnswers, 1);
  assert.equal(scores.falseAbstentions, 1);
  assert.equal(scores.hitAt1, 0.333);
});
