import type { Answer, Citation, Source } from '../types.js';
import type { AnswerMode } from './abstain.js';
import { buildQuote } from './quote.js';
import { type RankedPassage, rankPassages } from './rankPassages.js';
import type { IndexedDocument, SearchState } from './searchState.js';
import { countOutlets, selectCitations } from './selectCitations.js';

export const DEFAULT_LIMIT = 3;
export const MAX_LIMIT = 10;
export const MAX_QUERY_CHARS = 1000;
const SUGGESTIONS = 3;

export function sourceOf(document: IndexedDocument): Source {
  const { title, outlet, author, published, url } = document.meta;
  return { title, outlet, author, published, url };
}

export function toCitation(candidate: RankedPassage, rank: number): Citation {
  const { passage, document, match } = candidate;
  const { quote, highlights, textHighlights } = buildQuote(passage.text, passage.sentences, match);
  return {
    rank,
    passageId: passage.id,
    documentId: document.id,
    text: passage.text,
    quote,
    highlights,
    textHighlights,
    score: Math.round(candidate.score * 1000) / 1000,
    source: sourceOf(document),
  };
}

/** The closest topics when nothing answers: titles of the documents that came nearest, else any. */
function suggestionsFor(state: SearchState, ranked: RankedPassage[]): string[] {
  const titles = new Set(ranked.map((r) => r.document.meta.title));
  for (const doc of state.documents.values()) titles.add(doc.meta.title);
  return [...titles].slice(0, SUGGESTIONS);
}

export interface AnswerOptions {
  limit?: number;
  /** A member's message checked as a claim answers at a lower bar than a question (see abstain.ts). */
  mode?: AnswerMode;
}

export function answerQuery(state: SearchState, rawQuery: string, options: AnswerOptions = {}): Answer {
  const truncated = rawQuery.length > MAX_QUERY_CHARS;
  const query = truncated ? rawQuery.slice(0, MAX_QUERY_CHARS) : rawQuery;
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
  const { ranked } = rankPassages(state, query);
  const chosen = selectCitations(ranked, limit, options.mode);
  const answer: Answer = {
    query,
    answered: chosen.length > 0,
    outlets: countOutlets(chosen),
    citations: chosen.map((c, i) => toCitation(c, i + 1)),
    suggestions: chosen.length > 0 ? [] : suggestionsFor(state, ranked),
  };
  if (truncated) answer.truncated = true;
  return answer;
}
