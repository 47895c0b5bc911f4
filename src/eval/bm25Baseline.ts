/**
 * The plain baseline `npm run eval` prints beside our engine: Lucene-style BM25 (k1 0.9, b 0.4) over the
 * same passages, with the same tokenizer and light stemmer but nothing else (no rerank, no name keys, no
 * abstention). It shows how much the engine adds over a textbook retriever on each question set.
 */

import { passageTerms } from '../search/indexEntry.js';
import { EMPTY_ALIASES } from '../text/aliases.js';
import { analyze } from '../text/analyze.js';
import type { Passage } from '../types.js';

const K1 = 0.9;
const B = 0.4;

export interface Bm25Baseline {
  search(query: string, limit: number): Passage[];
}

export function buildBm25Baseline(passages: Iterable<Passage>): Bm25Baseline {
  const docs: Passage[] = [];
  const lengths: number[] = [];
  const postings = new Map<string, { doc: number; tf: number }[]>();
  for (const passage of passages) {
    const doc = docs.length;
    docs.push(passage);
    const { text: counts } = passageTerms(passage.text, EMPTY_ALIASES);
    let length = 0;
    for (const [term, tf] of counts) {
      length += tf;
      const list = postings.get(term);
      if (list) list.push({ doc, tf });
      else postings.set(term, [{ doc, tf }]);
    }
    lengths.push(length);
  }
  const n = docs.length;
  const avgLength = lengths.reduce((a, b) => a + b, 0) / Math.max(n, 1);
  return {
    search(query: string, limit: number): Passage[] {
      const scores = new Map<number, number>();
      const terms = new Set(analyze(query).map((t) => t.term));
      for (const term of terms) {
        const list = postings.get(term);
        if (!list) continue;
        const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
        for (const { doc, tf } of list) {
          const norm = tf + K1 * (1 - B + (B * (lengths[doc] ?? 0)) / avgLength);
          scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * (K1 + 1)) / norm);
        }
      }
      return [...scores]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, limit)
        .map(([doc]) => docs[doc]!);
    },
  };
}
