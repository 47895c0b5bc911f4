/**
 * What a query needs of a candidate passage that does not depend on the query: its analysed words, their
 * rows in the word vectors, the words that could answer a question. Computed once per passage and kept
 * for the most recently used passages, since the passages members ask about recur.
 */

import type { AliasTable } from '../text/aliases.js';
import { type AnalyzedToken, analyzeTokens } from '../text/analyze.js';
import { tokenize } from '../text/tokenize.js';
import { wordSimilarity } from '../text/vectors/wordSimilarity.js';
import type { Passage } from '../types.js';
import { type AnswerWord, answerWords } from './answerType.js';

export interface PassageAnalysis {
  tokens: AnalyzedToken[];
  /** Each token's row in the word vectors; -1 for a number or a word the vectors lack. */
  rows: Int32Array;
  answerWords: AnswerWord[];
  /** Every term of the passage, for comparing passages with each other. */
  terms: Set<string>;
}

/** Passages kept analysed: a few hundred queries' worth of candidates. */
const KEPT = 4096;
const NUMBER = /^\p{N}/u;

/** One cache per alias table: analysis depends on the aliases, and an index built with others is another. */
const caches = new WeakMap<AliasTable, Map<string, PassageAnalysis>>();

function analyseUncached(passage: Passage, aliases: AliasTable): PassageAnalysis {
  const words = tokenize(passage.text);
  const tokens = analyzeTokens(words, aliases);
  const vectors = wordSimilarity();
  const rows = new Int32Array(tokens.length);
  tokens.forEach((t, i) => {
    rows[i] = NUMBER.test(t.raw) ? -1 : vectors.indexOf(t.raw.toLowerCase());
  });
  return {
    tokens,
    rows,
    answerWords: answerWords(passage.text, words),
    terms: new Set(tokens.map((t) => t.term)),
  };
}

export function analysePassage(passage: Passage, aliases: AliasTable): PassageAnalysis {
  let cache = caches.get(aliases);
  if (!cache) {
    cache = new Map();
    caches.set(aliases, cache);
  }
  const known = cache.get(passage.id);
  if (known) {
    // Most recently used last: the first entries are the ones to drop.
    cache.delete(passage.id);
    cache.set(passage.id, known);
    return known;
  }
  const analysis = analyseUncached(passage, aliases);
  cache.set(passage.id, analysis);
  if (cache.size > KEPT) cache.delete(cache.keys().next().value as string);
  return analysis;
}
