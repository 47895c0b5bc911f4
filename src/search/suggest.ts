import { foldText } from '../text/fold.js';
import { answering } from './abstain.js';
import { listDocuments } from './listDocuments.js';
import { rankPassages } from './rankPassages.js';
import type { IndexedDocument, SearchState } from './searchState.js';

const SUGGESTION_DEPTH = 8;

/** A sentence worth offering as a question: the answering sentence of a passage, without its "…". */
function answeringSentence(
  text: string,
  from: number,
  to: number,
  sentences: { start: number; end: number }[],
): string {
  const first = sentences[from];
  const last = sentences[to];
  return first && last ? text.slice(first.start, last.end) : text;
}

/** Titles folded once per document: autocomplete compares them on every keystroke. */
const foldedTitles = new WeakMap<IndexedDocument, string>();

function foldedTitle(doc: IndexedDocument): string {
  let folded = foldedTitles.get(doc);
  if (folded === undefined) {
    folded = foldText(doc.meta.title);
    foldedTitles.set(doc, folded);
  }
  return folded;
}

/**
 * What to offer while a member types: their own words first, then earlier questions and document
 * titles that contain them, then the answering sentences of the best passages.
 */
export function suggestQueries(state: SearchState, typed: string, recent: string[], max = 25): string[] {
  const text = typed.trim();
  const folded = foldText(text);
  const out = new Set<string>();
  if (text.length > 0) out.add(text);
  for (const q of recent) if (folded === '' || foldText(q).includes(folded)) out.add(q);
  for (const doc of listDocuments(state)) {
    if (out.size >= max) break;
    if (folded === '' || foldedTitle(doc).includes(folded)) out.add(doc.meta.title);
  }
  if (folded.length >= 3 && out.size < max) {
    for (const r of answering(rankPassages(state, text, SUGGESTION_DEPTH), state)) {
      out.add(answeringSentence(r.passage.text, r.match.best.from, r.match.best.to, r.passage.sentences));
    }
  }
  return [...out].slice(0, max);
}
