import { TEXT_FIELD } from './indexEntry.js';
import type { IndexHit } from './passageIndex.js';
import { Postings } from './postings.js';
import type { QueryTerm } from './queryPlan.js';
import type { SearchState } from './searchState.js';

/** The rarest few common words are enough to find passages that hold them together. */
const WORDS = 3;

/** A list's frequency of each id asked for, the ids asked in ascending order. */
type Frequency = (shortId: number) => number | undefined;

/**
 * Postings hold their ids sorted, so a walk in id order reads each list forward once (a gallop from
 * where the last lookup stopped) instead of searching it from scratch for every id.
 */
function frequencyInOrder(postings: ReadonlyMap<number, number>, sorted: boolean): Frequency {
  if (!sorted || !(postings instanceof Postings)) return (shortId) => postings.get(shortId);
  let slot = 0;
  return (shortId) => {
    slot = postings.seek(shortId, slot);
    if (slot === postings.usedSlots || postings.idAt(slot) !== shortId) return undefined;
    const frequency = postings.frequencyAt(slot);
    return frequency === 0 ? undefined : frequency;
  };
}

/** Each posting of a list; in ascending id order when it is Postings. */
function eachPosting(
  postings: ReadonlyMap<number, number>,
  visit: (shortId: number, frequency: number) => void,
): void {
  if (!(postings instanceof Postings)) {
    for (const [shortId, frequency] of postings) visit(shortId, frequency);
    return;
  }
  for (let slot = 0; slot < postings.usedSlots; slot++) {
    const frequency = postings.frequencyAt(slot);
    if (frequency !== 0) visit(postings.idAt(slot), frequency);
  }
}

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
  const sorted = smallest.postings instanceof Postings;
  const frequencies = others.map((other) => ({
    frequency: frequencyInOrder(other.postings, sorted),
    weight: other.weight,
  }));
  // The best `depth` so far, best first; a full sort of a long posting list would cost more than the walk.
  const top: { id: string; score: number }[] = [];
  eachPosting(smallest.postings, (shortId, frequency) => {
    let score = smallest.weight * (frequency / (frequency + 1.2));
    let held = 1;
    for (const other of frequencies) {
      const f = other.frequency(shortId);
      if (f !== undefined) {
        held++;
        score += other.weight * (f / (f + 1.2));
      }
    }
    // Passages holding more of the words always rank above those holding fewer.
    const total = held * 1000 + score;
    if (top.length === depth && total <= (top[depth - 1]?.score ?? 0)) return;
    // Looked up only for a passage that would make the top: a discarded one is left out.
    const id = index.passageIdAt(shortId);
    if (id === undefined) return;
    let at = top.length;
    while (at > 0 && (top[at - 1]?.score ?? 0) < total) at--;
    top.splice(at, 0, { id, score: total });
    if (top.length > depth) top.pop();
  });
  return top.map(({ id, score }) => ({
    id,
    score,
    terms: [],
    queryTerms: [],
    match: {},
  }));
}
