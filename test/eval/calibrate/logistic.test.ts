import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fitLogistic, type Sample, solve } from '../../../src/eval/calibrate/logistic.js';
import { linearScore, logistic } from '../../../src/search/linearModel.js';
import { Rng } from '../../../src/util/prng.js';

test('solve finds x in A·x = b', () => {
  const x = solve(
    [
      [4, 1, 0],
      [1, 3, 1],
      [0, 1, 2],
    ],
    [5, 5, 3],
  );
  assert.deepEqual(
    x.map((v) => Math.round(v * 1e9) / 1e9),
    [1, 1, 1],
  );
});

test('a fitted model recovers the direction of the weights that made the labels', () => {
  const rng = new Rng(7);
  const samples: Sample[] = [];
  for (let i = 0; i < 4000; i++) {
    const x = [rng.next() * 2 - 1, rng.next() * 2 - 1, rng.next() * 2 - 1];
    const p = logistic(3 * x[0]! - 2 * x[1]! + 0.5);
    samples.push({ x, y: rng.next() < p ? 1 : 0 });
  }
  const model = fitLogistic(['a', 'b', 'noise'], samples, { l2: 1e-6 });
  const raw = model.weights.map((w, j) => w / model.scale[j]!);
  assert.ok(Math.abs(raw[0]! - 3) < 0.4, `a: ${raw[0]}`);
  assert.ok(Math.abs(raw[1]! + 2) < 0.4, `b: ${raw[1]}`);
  assert.ok(Math.abs(raw[2]!) < 0.3, `noise: ${raw[2]}`);
  // The standardisation is part of the model: the score reads raw feature values.
  const p = logistic(linearScore(model, { a: 1, b: 0, noise: 0 }));
  assert.ok(Math.abs(p - logistic(3.5)) < 0.05, `p: ${p}`);
});

test('weights count: a row weighted 3 counts as three rows', () => {
  const one: Sample[] = [
    { x: [0], y: 1 },
    { x: [0], y: 0, weight: 3 },
  ];
  const three: Sample[] = [
    { x: [0], y: 1 },
    { x: [0], y: 0 },
    { x: [0], y: 0 },
    { x: [0], y: 0 },
  ];
  const a = fitLogistic(['x'], one);
  const b = fitLogistic(['x'], three);
  assert.ok(Math.abs(a.bias - b.bias) < 1e-6);
  assert.ok(Math.abs(logistic(a.bias) - 0.25) < 1e-3);
});

test('a feature missing from the values counts as 0, and later sources fill in', () => {
  const model = { features: ['x', 'y'], mean: [0, 0], scale: [1, 1], weights: [2, 3], bias: 1 };
  assert.equal(linearScore(model, { x: 1 }), 3);
  assert.equal(linearScore(model, { x: 1 }, { y: 1, x: 100 }), 6);
});
