import { wordSimilarity } from '../text/vectors/wordSimilarity.js';
import type { Passage } from '../types.js';
import { CALIBRATION } from './calibration.js';
import { conjunctiveProbe } from './conjunctiveProbe.js';
import {
  type CandidateContext,
  type CandidateFeatures,
  candidateFeatures,
  englishWeights,
  keyTermIndex,
  questionRows,
} from './features.js';
import { linearScore } from './linearModel.js';
import { matchPassage, type PassageMatch } from './matchPassage.js';
import { analysePassage } from './passageAnalysis.js';
import type { IndexHit, IndexQuery } from './passageIndex.js';
import { planQuery, type QueryPlan, type QueryTerm } from './queryPlan.js';
import type { WantedAnswer } from './quote.js';
import type { IndexedDocument, SearchState } from './searchState.js';

/** How many of minisearch's best the rerank looks at. */
export const RERANK_DEPTH = 20;

export interface RankedPassage {
  passage: Passage;
  document: IndexedDocument;
  match: PassageMatch;
  bm25: number;
  features: CandidateFeatures;
  /** The learned rerank's score: only its order means something. */
  score: number;
  /** What the question wants quoted (shared by every candidate of a ranking). */
  wanted: WantedAnswer;
}

function probeQuery(terms: QueryTerm[]): IndexQuery {
  const queries: IndexQuery[] = [];
  const words = terms.flatMap((t) => [...(t.probe ? [t.term] : []), ...t.corrections]);
  if (words.length > 0) queries.push({ queries: words, fields: ['text', 'title'], boost: { title: 1.5 } });
  const keys = terms.flatMap((t) => [...(t.probeKey && t.key !== null ? [t.key] : []), ...t.keyCorrections]);
  if (keys.length > 0) queries.push({ queries: keys, fields: ['keys'], boost: { keys: 0.7 } });
  return { combineWith: 'OR', queries };
}

export function candidates(state: SearchState, plan: QueryPlan, depth = RERANK_DEPTH): IndexHit[] {
  if (plan.common) return conjunctiveProbe(state, plan.terms, depth);
  const query = probeQuery(plan.terms);
  if (typeof query === 'object' && 'queries' in query && query.queries.length === 0) return [];
  return state.mini.search(query).slice(0, depth);
}

export interface Ranking {
  plan: QueryPlan;
  ranked: RankedPassage[];
}

/** minisearch's BM25 finds candidates; the learned rerank orders them (see features.ts, calibration.json). */
export function rankPassages(state: SearchState, query: string, depth = RERANK_DEPTH): Ranking {
  const plan = planQuery(query, state);
  const found = candidates(state, plan, depth);
  const rows = questionRows(plan);
  const context: CandidateContext = {
    plan,
    state,
    aliases: state.aliases,
    weightSum: plan.terms.reduce((sum, t) => sum + t.weight, 0),
    topBm25: found[0]?.score ?? 0,
    rows,
    centroid: wordSimilarity().centroid(rows.filter((r) => r >= 0)),
    keyIndex: keyTermIndex(plan),
    englishWeights: englishWeights(plan),
  };
  const wanted: WantedAnswer = { type: plan.asked, isQuestionWord: (w) => plan.questionWords.has(w) };
  const ranked: RankedPassage[] = [];
  for (const result of found) {
    const passage = state.passages.get(String(result.id));
    const document = passage && state.documents.get(passage.documentId);
    if (!passage || !document) continue;
    const match = matchPassage(plan, passage, analysePassage(passage, state.aliases));
    const features = candidateFeatures(context, passage, document, match, result.score);
    ranked.push({
      passage,
      document,
      match,
      bm25: result.score,
      features,
      score: linearScore(CALIBRATION.rank, features),
      wanted,
    });
  }
  ranked.sort((a, b) => b.score - a.score || a.passage.id.localeCompare(b.passage.id));
  return { plan, ranked };
}
