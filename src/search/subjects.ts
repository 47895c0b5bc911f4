/**
 * The right subject: a question that names something (a place, an organisation, a person) is answered only from
 * a document about it, one that holds the name (as spelt, another spelling, an alias or a typo of it) — a
 * passage about a sibling (another town's strike, another city's metro) is no answer. Within such a document,
 * a passage is about the subject when it, or the text it refers back to, holds the name: the passage before it,
 * and the document's title and first passage ("the plant", "its workers" in a later passage); how much that
 * weighs is the answerability model's (the `subjectContext` feature).
 */

import { analyze } from '../text/analyze.js';
import type { Passage } from '../types.js';
import { KEYS_FIELD, TEXT_FIELD } from './indexEntry.js';
import { TYPO_MATCH } from './matchPassage.js';
import { onDays } from './passageDays.js';
import type { QueryPlan, QueryTerm } from './queryPlan.js';
import type { IndexedDocument, SearchState } from './searchState.js';

interface Vocabulary {
  terms: ReadonlySet<string>;
  keys: ReadonlySet<string>;
}

function holds(words: Vocabulary, term: QueryTerm): boolean {
  return (
    [term.term, ...term.corrections].some((t) => words.terms.has(t)) ||
    [...(term.key === null ? [] : [term.key]), ...term.keyCorrections].some((k) => words.keys.has(k))
  );
}

const titles = new WeakMap<IndexedDocument, Vocabulary>();

function titleWords(document: IndexedDocument, state: SearchState): Vocabulary {
  let words = titles.get(document);
  if (!words) {
    const tokens = analyze(document.meta.title, state.aliases);
    words = {
      terms: new Set(tokens.map((t) => t.term)),
      keys: new Set(tokens.flatMap((t) => (t.key === null ? [] : [t.key]))),
    };
    titles.set(document, words);
  }
  return words;
}

/** The postings of the term as spelt, its typos and its name keys: the passages that hold it. */
function postingsOf(term: QueryTerm, state: SearchState): ReadonlyMap<number, number>[] {
  const { mini } = state;
  const lists = [
    ...[term.term, ...term.corrections].map((word) => mini.postings(word, TEXT_FIELD)),
    ...[...(term.key === null ? [] : [term.key]), ...term.keyCorrections].map((key) =>
      mini.postings(key, KEYS_FIELD),
    ),
  ];
  return lists.filter((list) => list !== undefined && list.size > 0) as ReadonlyMap<number, number>[];
}

/** Whether any passage of the document holds the term (as spelt, a typo of it, or its name key), by the index. */
function documentHolds(document: IndexedDocument, term: QueryTerm, state: SearchState): boolean {
  const lists = postingsOf(term, state);
  if (lists.length === 0) return false;
  for (const id of document.passageIds) {
    const shortId = state.mini.shortIdOf(id);
    if (shortId !== undefined && lists.some((list) => list.has(shortId))) return true;
  }
  return false;
}

/** Whether any of the passages holds the term, by the index (the same terms and keys their analysis holds). */
function somePassageHolds(passages: (Passage | undefined)[], term: QueryTerm, state: SearchState): boolean {
  const lists = postingsOf(term, state);
  return passages.some((passage) => {
    const shortId = passage && state.mini.shortIdOf(passage.id);
    return shortId !== undefined && lists.some((list) => list.has(shortId));
  });
}

const verdicts = new WeakMap<QueryPlan, Map<string, boolean>>();

/** documentHolds, once per question, document and term. */
function documentHoldsOnce(
  plan: QueryPlan,
  i: number,
  document: IndexedDocument,
  state: SearchState,
): boolean {
  let known = verdicts.get(plan);
  if (!known) {
    known = new Map();
    verdicts.set(plan, known);
  }
  const key = `${i}\u0000${document.id}`;
  let verdict = known.get(key);
  if (verdict === undefined) {
    const term = plan.terms[i]!;
    verdict = holds(titleWords(document, state), term) || documentHolds(document, term, state);
    known.set(key, verdict);
  }
  return verdict;
}

export interface SubjectCandidate {
  passage: Passage;
  document: IndexedDocument;
  /** How strongly the passage itself matches each query term. */
  strengths: readonly number[];
}

/** The question's subject terms the candidate's whole document lacks: any one makes it no answer. */
export function subjectsAbsent(plan: QueryPlan, candidate: SubjectCandidate, state: SearchState): number[] {
  const missing: number[] = [];
  plan.terms.forEach((term, i) => {
    if (!term.subject || (candidate.strengths[i] ?? 0) >= TYPO_MATCH) return;
    if (!documentHoldsOnce(plan, i, candidate.document, state)) missing.push(i);
  });
  return missing;
}

/**
 * The weighted share of the question's subjects that neither the passage nor what it refers back to holds
 * (0 when the question names none).
 */
export function subjectsOutOfContext(
  plan: QueryPlan,
  candidate: SubjectCandidate,
  state: SearchState,
): number {
  let total = 0;
  let out = 0;
  const { document, passage } = candidate;
  // What the passage refers back to: the title, the document's first passage, the passage before it.
  const first = state.passages.get(document.passageIds[0] ?? '');
  const previous = passage.prev === null ? undefined : state.passages.get(passage.prev);
  plan.terms.forEach((term, i) => {
    if (!term.subject) return;
    total += term.weight;
    if ((candidate.strengths[i] ?? 0) >= TYPO_MATCH) return;
    const inContext =
      holds(titleWords(document, state), term) || somePassageHolds([first, previous], term, state);
    if (!inContext) out += term.weight;
  });
  return total > 0 ? out / total : 0;
}

/**
 * Whether a candidate can answer the question at all: its document holds every subject the question names,
 * and the passage is about the day the question names, if it names one. Any other candidate is no answer,
 * however well its words match (a sibling subject, another day's report).
 */
export function aboutTheQuestion(plan: QueryPlan, candidate: SubjectCandidate, state: SearchState): boolean {
  return (
    onDays(plan.time.days, candidate.passage, candidate.document) &&
    subjectsAbsent(plan, candidate, state).length === 0
  );
}
