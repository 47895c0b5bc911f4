import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeVectors, encodeVectors, quantise } from '../../../src/text/vectors/vectorFile.js';
import { vectorCosine, wordSimilarity } from '../../../src/text/vectors/wordSimilarity.js';

const cosine = (a: string, b: string) => {
  const v = wordSimilarity();
  return v.cosine(v.indexOf(a), v.indexOf(b));
};

test('the shipped vectors put related words close and unrelated ones apart', () => {
  assert.ok(cosine('protesters', 'demonstrators') > 0.8);
  assert.ok(cosine('trip', 'visit') > 0.7);
  assert.ok(cosine('cake', 'election') < 0.2);
  assert.ok(Math.abs(cosine('minsk', 'minsk') - 1) < 0.01);
  assert.equal(wordSimilarity().indexOf('zzzzqx'), -1);
});

test('a file round-trips: words, dimensions and vectors as quantised', () => {
  const words = ['alpha', 'beta', 'gamma'];
  const { scales, vectors } = quantise(
    [
      [1, 0, 0],
      [0, 2, 0],
      [1, 1, 0],
    ],
    3,
  );
  const decoded = decodeVectors(encodeVectors({ words, dimensions: 3, scales, vectors }));
  assert.deepEqual(decoded.words, words);
  assert.equal(decoded.dimensions, 3);
  assert.deepEqual([...decoded.vectors], [...vectors]);
  assert.deepEqual([...decoded.scales], [...scales]);
});

test('unsorted words and a truncated file are refused', () => {
  const { scales, vectors } = quantise([[1], [1]], 1);
  assert.throws(() => encodeVectors({ words: ['b', 'a'], dimensions: 1, scales, vectors }), /sorted/);
  const file = encodeVectors({ words: ['a', 'b'], dimensions: 1, scales, vectors });
  assert.throws(() => decodeVectors(file.subarray(0, file.length - 1)), /truncated/);
  assert.throws(() => decodeVectors(Buffer.from('nope')), /not a word-vector file/);
});

test('centroids sum unit vectors, and their cosine compares topics', () => {
  const v = wordSimilarity();
  const a = v.centroid([v.indexOf('police'), v.indexOf('protesters')]);
  const b = v.centroid([v.indexOf('officers'), v.indexOf('demonstrators')]);
  const c = v.centroid([v.indexOf('chocolate'), v.indexOf('cake')]);
  assert.ok(a && b && c);
  assert.ok(vectorCosine(a, b) > vectorCosine(a, c));
  assert.equal(v.centroid([]), null);
});
