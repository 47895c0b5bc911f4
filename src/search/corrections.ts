import type { PassageIndex } from './passageIndex.js';

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
  index: PassageIndex,
  word: string,
  maxDistance: number,
  vocabulary: ReadonlyMap<string, number>,
): Correction[] {
  if (maxDistance === 0) return [];
  const found: (Correction & { distance: number })[] = [];
  for (const [term, distance] of index.similarTerms(word, maxDistance)) {
    const documentFrequency = vocabulary.get(term) ?? 0;
    if (documentFrequency > 0 && term !== word) found.push({ term, documentFrequency, distance });
  }
  found.sort((a, b) => a.distance - b.distance || b.documentFrequency - a.documentFrequency);
  return found.slice(0, MAX_CORRECTIONS).map(({ term, documentFrequency }) => ({ term, documentFrequency }));
}
