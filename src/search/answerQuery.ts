import type { Answer, Citation, Source } from '../types.js';
import { type AnswerMode, answering, eligible } from './abstain.js';
import { languageHint } from './languageHint.js';
import { buildQuote } from './quote.js';
import { type RankedPassage, rankPassages } from './rankPassages.js';
import { withEverySide } from './reportsDiffer.js';
import type { IndexedDocument, SearchState } from './searchState.js';
import { countOutlets, selectCitations } from './selectCitations.js';
import { subjectsAbsent } from './subjects.js';

export const DEFAULT_LIMIT = 3;
export const MAX_LIMIT = 10;
export const MAX_QUERY_CHARS = 1000;
const SUGGESTIONS = 3;

export function sourceOf(document: IndexedDocument): Source {
  const { title, outlet, outletClaim, author, published, url, inferred } = document.meta;
  return {
    title,
    outlet,
    outletClaim: outletClaim ?? null,
    author,
    published,
    publishedInferred: inferred.includes('published'),
    url,
  };
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

/** How many of the best candidates a subject must be missing from to be named as what the knowledge lacks. */
const NEAREST = 5;

/**
 * The subjects the question names that none of the nearest passages' documents holds ("Slonim" when the
 * knowledge has Lida's bakers only), as the question writes them: what a "not found" can say it lacks.
 */
function missingSubjects(ranking: ReturnType<typeof rankPassages>, state: SearchState): string[] {
  const nearest = ranking.ranked.slice(0, NEAREST);
  if (nearest.length === 0) return [];
  const absent = nearest.map(
    (r) => new Set(subjectsAbsent(ranking.plan, { ...r, strengths: r.match.strengths }, state)),
  );
  return ranking.plan.terms.filter((_, i) => absent.every((a) => a.has(i))).map((t) => t.written);
}

/** What a "not found" says of the subjects the knowledge lacks (already made safe for where it is shown). */
export function nothingAbout(missing: readonly string[]): string {
  return `Nothing in the knowledge is about ${missing.join(' or ')}.`;
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
  const { cited: chosen, differs } = withEverySide(
    selectCitations(answering(ranking, state, options.mode), limit, {
      newestFirst: ranking.plan.time.latest,
    }),
    eligible(ranking, state),
    limit,
  );
  const answer: Answer = {
    query,
    answered: chosen.length > 0,
    outlets: countOutlets(chosen),
    citations: chosen.map((c, i) => toCitation(c, i + 1)),
    suggestions: chosen.length > 0 ? [] : suggestionsFor(ranked),
  };
  const missing = chosen.length > 0 ? [] : missingSubjects(ranking, state);
  if (missing.length > 0) answer.missing = missing;
  if (differs) answer.differs = true;
  const hint = chosen.length > 0 ? null : languageHint(query);
  if (hint) answer.hint = hint;
  if (truncated) answer.truncated = true;
  return answer;
}
