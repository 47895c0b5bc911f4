import { TEXT_FIELD } from './indexEntry.js';
import type { IndexHit } from './passageIndex.js';
import type { QueryTerm } from './queryPlan.js';
import type { SearchState } from './searchState.js';

/** The rarest few common words are enough to find passages that hold them together. */
const WORDS = 3;

/**
 * Candidates for a question whose known words are all very common ("russia belarus"): rather than
 * score every posting of each word (what minisearch's search does), walk the smallest posting list
 * once and keep the passages that also hold the other words, most words first, then by weight.
 */
export function conjunctiveProbe(state: SearchState, terms: QueryTerm[], depth: number): IndexHit[] {
  const index = state.mini;
  const lists: { postings: ReadonlyMap<number, number>; weight: number }[] = [];
  for (const term of terms) {
    const postings = index.postings(term.term, TEXT_FIELD);
    if (postings && postings.size > 0) lists.push({ postings, weight: term.weight });
  }
  lists.sort((a, b) => a.postings.size - b.postings.size);
  const [smallest, ...others] = lists.slice(0, WORDS);
  if (!smallest) return [];
  // The best `depth` so far, best first; a full sort of a long posting list would cost more than the walk.
  const top: { id: string; score: number }[] = [];
  for (const [shortId, frequency] of smallest.postings.entries()) {
    const id = index.passageIdAt(shortId);
    if (id === undefined) continue;
    let score = smallest.weight * (frequency / (frequency + 1.2));
    let held = 1;
    for (const other of others) {
      const f = other.postings.get(shortId);
      if (f !== undefined) {
        held++;
        score += other.weight * (f / (f + 1.2));
      }
    }
    // Passages holding more of the words always rank above those holding fewer.
    const total = held * 1000 + score;
    if (top.length === depth && total <= (top[depth - 1]?.score ?? 0)) continue;
    let at = top.length;
    while (at > 0 && (top[at - 1]?.score ?? 0) < total) at--;
    top.splice(at, 0, { id, score: total });
    if (top.length > depth) top.pop();
  }
  return top.map(({ id, score }) => ({
    id,
    score,
    terms: [],
    queryTerms: [],
    match: {},
  }));
}
