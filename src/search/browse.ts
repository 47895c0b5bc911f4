import type { Passage, Source } from '../types.js';
import { answering } from './abstain.js';
import { sourceOf } from './answerQuery.js';
import { rankPassages } from './rankPassages.js';
import type { IndexedDocument, SearchState } from './searchState.js';

export interface KnowledgeInfo {
  documents: number;
  passages: number;
  builtAt: string;
}

export function knowledgeInfo(state: SearchState): KnowledgeInfo {
  return { documents: state.documents.size, passages: state.passages.size, builtAt: state.builtAt };
}

/** Newest first; undated documents last, by title. */
export function listDocuments(state: SearchState): IndexedDocument[] {
  return [...state.documents.values()].sort(
    (a, b) =>
      (b.meta.published ?? '').localeCompare(a.meta.published ?? '') ||
      a.meta.title.localeCompare(b.meta.title),
  );
}

export function listOutlets(state: SearchState): string[] {
  const outlets = new Set<string>();
  for (const doc of state.documents.values()) if (doc.meta.outlet) outlets.add(doc.meta.outlet);
  return [...outlets].sort((a, b) => a.localeCompare(b));
}

export interface PassageInContext {
  passage: Passage;
  previous: Passage | null;
  next: Passage | null;
  source: Source;
  documentId: string;
}

export function passageInContext(state: SearchState, passageId: string): PassageInContext | null {
  const passage = state.passages.get(passageId);
  const document = passage && state.documents.get(passage.documentId);
  if (!passage || !document) return null;
  const neighbour = (id: string | null) => (id ? (state.passages.get(id) ?? null) : null);
  return {
    passage,
    previous: neighbour(passage.prev),
    next: neighbour(passage.next),
    source: sourceOf(document),
    documentId: document.id,
  };
}

/**
 * Passages for the /passage autocomplete: ids starting with what was typed, else the passages that
 * best match it as words. Never a scan of every passage's text (autocomplete runs per keystroke).
 */
export function findPassagesByIdOrText(state: SearchState, typed: string, limit: number): Passage[] {
  const needle = typed.trim().toLowerCase();
  if (needle.length === 0) return [];
  const out: Passage[] = [];
  if (/^[0-9a-f-]+$/.test(needle)) {
    for (const [id, passage] of state.passages) {
      if (id.startsWith(needle)) out.push(passage);
      if (out.length >= limit) return out;
    }
    // Typed like an id and some ids start so: those are what was meant.
    if (out.length > 0) return out;
  }
  for (const candidate of answering(rankPassages(state, typed, limit), state)) {
    const { passage } = candidate;
    if (out.length >= limit) break;
    if (!out.includes(passage)) out.push(passage);
  }
  return out;
}
