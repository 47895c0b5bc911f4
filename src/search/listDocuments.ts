import type { IndexedDocument, SearchState } from './searchState.js';

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
