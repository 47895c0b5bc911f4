import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CollectedQuestion } from '../../../src/eval/calibrate/collect.js';
import { evaluateFit } from '../../../src/eval/calibrate/evaluateFit.js';
import {
  ANSWER_MODEL_FEATURES,
  DEFAULT_FIT,
  fitModels,
  RANK_MODEL_FEATURES,
} from '../../../src/eval/calibrate/fitModels.js';
import { CALIBRATION } from '../../../src/search/calibration.js';
import { CANDIDATE_FEATURES, type CandidateFeatures } from '../../../src/search/features.js';
import { Rng } from '../../../src/util/prng.js';

test('the shipped models name only features the engine computes, with one number each', () => {
  for (const model of [CALIBRATION.rank, CALIBRATION.answer]) {
    const n = model.features.length;
    assert.ok(n > 0);
    assert.equal(model.weights.length, n);
    assert.equal(model.mean.length, n);
    assert.equal(model.scale.length, n);
    assert.ok(model.scale.every((s) => s > 0));
    assert.ok([model.bias, ...model.weights].every(Number.isFinite));
  }
  assert.deepEqual(CALIBRATION.rank.features, [...RANK_MODEL_FEATURES]);
  assert.deepEqual(CALIBRATION.answer.features, [...ANSWER_MODEL_FEATURES]);
  const { question, claim } = CALIBRATION.answer.thresholds;
  assert.ok(claim > 0 && claim <= question && question < 1);
  assert.match(JSON.stringify(CALIBRATION.provenance), /SQuAD.*news/);
});

function features(values: Partial<CandidateFeatures>): CandidateFeatures {
  return Object.fromEntries(CANDIDATE_FEATURES.map((f) => [f, values[f] ?? 0])) as CandidateFeatures;
}

/** Questions whose answering passage covers more of them than the others do; unanswerable ones cover little. */
function synthetic(n: number, seed: number): CollectedQuestion[] {
  const rng = new Rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const answerable = i % 3 !== 0;
    const gold = rng.int(0, 7);
    const candidates = Array.from({ length: 8 }, (_, k) => {
      const holdsAnswer = answerable && k === gold;
      const coverage = holdsAnswer ? 0.6 + rng.next() * 0.4 : rng.next() * (answerable ? 0.7 : 0.4);
      return {
        features: features({
          coverage,
          window: coverage * (0.7 + rng.next() * 0.3),
          bm25Relative: rng.next(),
        }),
        documentId: `d${k}`,
        documentPassages: 10,
        holdsAnswer,
      };
    });
    return {
      set: i % 2 ? 'squad-small' : 'news',
      group: `g${i}`,
      answerable,
      plan: { unknown: 0, unknownFull: 0, typos: 0, terms: 1 },
      totalPassages: 100,
      candidates,
    };
  });
}

test('fitted on labelled questions, the rerank puts the answer first and the threshold keeps the lost share', () => {
  const training = synthetic(600, 1);
  const models = fitModels(training, { ...DEFAULT_FIT, lostQuestions: 0.05 });
  const coverage = models.rank.features.indexOf('coverage');
  assert.ok((models.rank.weights[coverage] ?? 0) > 0);
  const scores = evaluateFit(synthetic(600, 2), models);
  for (const s of scores) {
    assert.ok(s.hitAt1 > 0.8, JSON.stringify(s));
    assert.ok(s.falseNotFound < 0.15, JSON.stringify(s));
    assert.ok(s.abstained > 0.5, JSON.stringify(s));
  }
});
