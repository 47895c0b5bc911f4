import type { Answer, Citation, Source } from '../types.js';
import { type AnswerMode, answering } from './abstain.js';
import { languageHint } from './languageHint.js';
import { buildQuote } from './quote.js';
import { type RankedPassage, rankPassages } from './rankPassages.js';
import type { IndexedDocument, SearchState } from './searchState.js';
import { countOutlets, selectCitations } from './selectCitations.js';

export const DEFAULT_LIMIT = 3;
export const MAX_LIMIT = 10;
export const MAX_QUERY_CHARS = 1000;
const SUGGESTIONS = 3;

export function sourceOf(document: IndexedDocument): Source {
  const { title, outlet, outletClaim, author, published, url } = document.meta;
  return { title, outlet, outletClaim: outletClaim ?? null, author, published, url };
}

export function toCitation(candidate: RankedPassage, rank: number): Citation {
  const { passage, document, match } = candidate;
  const { quote, highlights, textHighlights } = buildQuote(
    passage.text,
    passage.sentences,
    match,
    candidate.wanted,
  );
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

/**
 * The closest things the knowledge does cover when nothing answers: the titles of the documents whose
 * passages came nearest and share a word with the question, nearest first. None when nothing does (a
 * question with no content words, or on a topic the knowledge never mentions).
 */
function suggestionsFor(ranked: RankedPassage[]): string[] {
  const titles = new Set<string>();
  for (const r of ranked) {
    if (titles.size >= SUGGESTIONS) break;
    const { coverage, softCoverage } = r.features;
    if (coverage + softCoverage > 0) titles.add(r.document.meta.title);
  }
  return [...titles];
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
  const ranking = rankPassages(state, query);
  const { ranked } = ranking;
  const chosen = selectCitations(answering(ranking, state, options.mode), limit);
  const answer: Answer = {
    query,
    answered: chosen.length > 0,
    outlets: countOutlets(chosen),
    citations: chosen.map((c, i) => toCitation(c, i + 1)),
    suggestions: chosen.length > 0 ? [] : suggestionsFor(ranked),
  };
  const hint = chosen.length > 0 ? null : languageHint(query);
  if (hint) answer.hint = hint;
  if (truncated) answer.truncated = true;
  return answer;
}
