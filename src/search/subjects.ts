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
import { TYPO_MATCH } from './matchPassage.js';
import { onDays } from './passageDays.js';
import type { QueryPlan, QueryTerm } from './queryPlan.js';
import type { IndexedDocument, SearchState } from './searchState.js';

interface Vocabulary {
  terms: Set<string>;
  keys: Set<string>;
}

function vocabulary(texts: readonly string[], state: SearchState): Vocabulary {
  const words: Vocabulary = { terms: new Set(), keys: new Set() };
  for (const text of texts)
    for (const t of analyze(text, state.aliases)) {
      words.terms.add(t.term);
      if (t.key !== null) words.keys.add(t.key);
    }
  return words;
}

function cached<K extends object>(cache: WeakMap<K, Vocabulary>, key: K, make: () => Vocabulary): Vocabulary {
  let words = cache.get(key);
  if (!words) {
    words = make();
    cache.set(key, words);
  }
  return words;
}

const wholes = new WeakMap<IndexedDocument, Vocabulary>();
const leads = new WeakMap<IndexedDocument, Vocabulary>();
const befores = new WeakMap<Passage, Vocabulary>();

const textOf = (state: SearchState, id: string | null | undefined) =>
  (id && state.passages.get(id)?.text) ?? '';

function holds(words: Vocabulary, term: QueryTerm): boolean {
  return (
    [term.term, ...term.corrections].some((t) => words.terms.has(t)) ||
    [...(term.key === null ? [] : [term.key]), ...term.keyCorrections].some((k) => words.keys.has(k))
  );
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
    const { document } = candidate;
    const whole = cached(wholes, document, () =>
      vocabulary([document.meta.title, ...document.passageIds.map((id) => textOf(state, id))], state),
    );
    if (!holds(whole, term)) missing.push(i);
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
  plan.terms.forEach((term, i) => {
    if (!term.subject) return;
    total += term.weight;
    if ((candidate.strengths[i] ?? 0) >= TYPO_MATCH) return;
    const { document, passage } = candidate;
    const lead = cached(leads, document, () =>
      vocabulary([document.meta.title, textOf(state, document.passageIds[0])], state),
    );
    const before = cached(befores, passage, () => vocabulary([textOf(state, passage.prev)], state));
    if (!holds(lead, term) && !holds(before, term)) out += term.weight;
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
