import type { Query, SearchResult } from 'minisearch';
import type { Passage } from '../types.js';
import { conjunctiveProbe } from './conjunctiveProbe.js';
import { matchPassage, type PassageMatch } from './matchPassage.js';
import { planQuery, type QueryPlan, type QueryTerm } from './queryPlan.js';
import type { IndexedDocument, SearchState } from './searchState.js';

/** How many of minisearch's best the rerank looks at. */
export const RERANK_DEPTH = 20;
const WEIGHTS = { bm25: 0.25, coverage: 0.4, sentence: 0.35, count: 0.1 };

export interface RankedPassage {
  passage: Passage;
  document: IndexedDocument;
  match: PassageMatch;
  bm25: number;
  score: number;
}

function probeQuery(terms: QueryTerm[]): Query {
  const queries: Query[] = [];
  const words = terms.flatMap((t) => [...(t.probe ? [t.term] : []), ...t.corrections]);
  if (words.length > 0) queries.push({ queries: words, fields: ['text', 'title'], boost: { title: 1.5 } });
  const keys = terms.flatMap((t) => [...(t.probeKey && t.key !== null ? [t.key] : []), ...t.keyCorrections]);
  if (keys.length > 0) queries.push({ queries: keys, fields: ['keys'], boost: { keys: 0.7 } });
  return { combineWith: 'OR', queries };
}

export function candidates(state: SearchState, plan: QueryPlan, depth = RERANK_DEPTH): SearchResult[] {
  if (plan.common) return conjunctiveProbe(state, plan.terms, depth);
  const query = probeQuery(plan.terms);
  if (typeof query === 'object' && 'queries' in query && query.queries.length === 0) return [];
  return state.mini.search(query).slice(0, depth);
}

/** minisearch's BM25 finds candidates; the rerank rewards covering more of the question, closer together. */
export function rankPassages(
  state: SearchState,
  query: string,
  depth = RERANK_DEPTH,
): { plan: QueryPlan; ranked: RankedPassage[] } {
  const plan = planQuery(query, state);
  const found = candidates(state, plan, depth);
  const topBm25 = found[0]?.score ?? 1;
  const ranked: RankedPassage[] = [];
  for (const result of found) {
    const passage = state.passages.get(String(result.id));
    const document = passage && state.documents.get(passage.documentId);
    if (!passage || !document) continue;
    const match = matchPassage(plan, passage.text, passage.sentences, state.aliases);
    const score =
      WEIGHTS.bm25 * (result.score / topBm25) +
      WEIGHTS.coverage * match.coverage +
      WEIGHTS.sentence * match.best.coverage +
      (match.statesCount ? WEIGHTS.count : 0);
    ranked.push({ passage, document, match, bm25: result.score, score });
  }
  ranked.sort((a, b) => b.score - a.score || a.passage.id.localeCompare(b.passage.id));
  return { plan, ranked };
}
