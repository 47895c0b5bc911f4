import type MiniSearch from 'minisearch';
import type { IndexEntry } from './indexEntry.js';

/** minisearch's term tree (internal, pinned version: see store/indexCodec.ts) answers fuzzy lookups. */
interface TermTree {
  fuzzyGet(term: string, maxDistance: number): Map<string, [unknown, number]>;
}

export interface Correction {
  term: string;
  documentFrequency: number;
}

/** How many corrections one mistyped word may stand for. */
const MAX_CORRECTIONS = 3;

/**
 * The words of `vocabulary` within `maxDistance` edits of a word no passage holds: the words it
 * was probably meant to be, closest first, then most frequent.
 */
export function correctionsFor(
  mini: MiniSearch<IndexEntry>,
  word: string,
  maxDistance: number,
  vocabulary: ReadonlyMap<string, number>,
): Correction[] {
  if (maxDistance === 0) return [];
  const tree = (mini as unknown as { _index: TermTree })._index;
  const found: (Correction & { distance: number })[] = [];
  for (const [term, [, distance]] of tree.fuzzyGet(word, maxDistance)) {
    const documentFrequency = vocabulary.get(term) ?? 0;
    if (documentFrequency > 0 && term !== word) found.push({ term, documentFrequency, distance });
  }
  found.sort((a, b) => a.distance - b.distance || b.documentFrequency - a.documentFrequency);
  return found.slice(0, MAX_CORRECTIONS).map(({ term, documentFrequency }) => ({ term, documentFrequency }));
}
