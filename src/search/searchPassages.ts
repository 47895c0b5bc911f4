import { foldText } from '../text/fold.js';
import type { Citation } from '../types.js';
import { toCitation } from './answerQuery.js';
import { rankPassages } from './rankPassages.js';
import type { SearchState } from './searchState.js';

export interface SearchFilters {
  /** Outlet name, compared without case or diacritics. */
  outlet?: string | null;
  /** ISO dates, inclusive. A document without a date never matches a date filter. */
  since?: string | null;
  until?: string | null;
}

export interface SearchPage {
  total: number;
  offset: number;
  items: Citation[];
}

/** How deep a browse goes: enough pages for a member, bounded for speed. */
export const SEARCH_DEPTH = 100;
/** A browse lists passages whose best sentence (or pair) holds this share of the query: looser than an answer. */
export const MIN_SENTENCE_COVERAGE = 0.4;

export function matchesFilters(
  meta: { outlet: string | null; published: string | null },
  filters: SearchFilters,
): boolean {
  if (filters.outlet && foldText(meta.outlet ?? '') !== foldText(filters.outlet)) return false;
  if (filters.since || filters.until) {
    if (!meta.published) return false;
    if (filters.since && meta.published < filters.since) return false;
    if (filters.until && meta.published > filters.until) return false;
  }
  return true;
}

/** Every passage that bears on the query (a looser bar than an answer), filtered and paged. */
export function searchPassages(
  state: SearchState,
  query: string,
  filters: SearchFilters,
  offset: number,
  pageSize: number,
): SearchPage {
  const { ranked } = rankPassages(state, query, SEARCH_DEPTH);
  const matching = ranked.filter(
    (r) => r.match.best.coverage >= MIN_SENTENCE_COVERAGE && matchesFilters(r.document.meta, filters),
  );
  const start = Math.max(0, Math.min(offset, Math.max(matching.length - 1, 0)));
  return {
    total: matching.length,
    offset: start,
    items: matching.slice(start, start + pageSize).map((r, i) => toCitation(r, start + i + 1)),
  };
}
