import type { Passage, Source } from '../types.js';
import { sourceOf } from './answerQuery.js';
import type { SearchState } from './searchState.js';

export interface PassageInContext {
  passage: Passage;
  previous: Passage | null;
  next: Passage | null;
  source: Source;
  documentId: string;
}

/** A passage with the ones before and after it in its document, and its source. */
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
