import type { CountedFields, FieldTerms, IndexEntry } from '../../src/search/indexEntry.js';
import {
  addPrepared,
  applyRemoval,
  type IndexedDocument,
  prepareDocument,
  prepareRemoval,
  type SearchState,
} from '../../src/search/searchState.js';
import type { Passage } from '../../src/types.js';

/** Runs a generator that pauses between steps to its end without pausing. */
export function complete<T>(steps: Generator<void, T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** A document's passages analysed and added in one step, as the engine does in slices. */
export function indexDocumentAtOnce(state: SearchState, doc: IndexedDocument, passages: Passage[]): void {
  addPrepared(state, complete(prepareDocument(doc, passages, state.aliases)));
}

export function removeDocument(state: SearchState, documentId: string): void {
  const removal = complete(prepareRemoval(state, documentId));
  if (removal) applyRemoval(state, removal);
}

function spelled(terms: FieldTerms): string {
  const out: string[] = [];
  for (const [term, count] of terms) for (let i = 0; i < count; i++) out.push(term);
  return out.join(' ');
}

/** Counted fields written out again as a document for minisearch's own add(). */
export function toIndexEntry(id: string, fields: CountedFields): IndexEntry {
  const [text, keys, title, outlet] = fields;
  return { id, text: spelled(text), keys: spelled(keys), title: spelled(title), outlet: spelled(outlet) };
}
