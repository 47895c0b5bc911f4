import { eligible } from './abstain.js';
import { toCitation } from './answerQuery.js';
import type { RankedPassage } from './rankPassages.js';
import { rankPassages } from './rankPassages.js';
import { MIN_SENTENCE_COVERAGE, SEARCH_DEPTH, type SearchPage } from './searchPassages.js';
import type { SearchState } from './searchState.js';

/** Oldest document first; within one, the passages in the order the document tells them. */
function byDate(a: RankedPassage, b: RankedPassage): number {
  return (
    (a.document.meta.published ?? '').localeCompare(b.document.meta.published ?? '') ||
    a.document.id.localeCompare(b.document.id) ||
    a.passage.start - b.passage.start
  );
}

/**
 * The dated passages on a topic, oldest first, one page of them: the passages a browse would list (a looser
 * bar than an answer) that are about the topic's subjects and days, from documents with a date.
 */
export function timeline(state: SearchState, topic: string, offset: number, pageSize: number): SearchPage {
  const ranking = rankPassages(state, topic, SEARCH_DEPTH);
  const dated = eligible(ranking, state)
    .filter((r) => r.document.meta.published !== null && r.match.best.coverage >= MIN_SENTENCE_COVERAGE)
    .sort(byDate);
  const start = Math.max(0, Math.min(offset, Math.max(dated.length - 1, 0)));
  return {
    total: dated.length,
    offset: start,
    items: dated.slice(start, start + pageSize).map((r, i) => toCitation(r, start + i + 1)),
  };
}
