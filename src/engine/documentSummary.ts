import type { SearchState } from '../search/searchState.js';
import type { DocumentMeta } from '../types.js';

/** A document as the index holds it, in brief: what a moderator who added it is shown. */
export interface DocumentSummary {
  id: string;
  file: string;
  meta: DocumentMeta;
  passages: number;
  /** The text of its first passage; null when it has none. */
  firstPassage: string | null;
}

export function summarizeDocument(state: SearchState, id: string): DocumentSummary | null {
  const doc = state.documents.get(id);
  if (!doc) return null;
  const first = doc.passageIds[0] === undefined ? undefined : state.passages.get(doc.passageIds[0]);
  return {
    id,
    file: doc.file,
    meta: doc.meta,
    passages: doc.passageIds.length,
    firstPassage: first?.text ?? null,
  };
}
