import type MiniSearch from 'minisearch';
import type { AliasTable } from '../text/aliases.js';
import { BUILT_IN_ALIASES } from '../text/aliasTable.js';
import type { DocumentMeta, Passage } from '../types.js';
import { createMiniSearch, type IndexEntry, toIndexEntry } from './indexEntry.js';
import { addToStats, emptyTermStats, removeFromStats, type TermStats } from './termStats.js';

export interface IndexedDocument {
  id: string;
  file: string;
  hash: string;
  meta: DocumentMeta;
  passageIds: string[];
}

/** Everything a query needs, in memory. Replaced whole on a rebuild, patched in place by small reindexes. */
export interface SearchState {
  mini: MiniSearch<IndexEntry>;
  stats: TermStats;
  passages: Map<string, Passage>;
  documents: Map<string, IndexedDocument>;
  /** The aliases the index was built with; queries must use the same. */
  aliases: AliasTable;
  /** The moderator's alias groups behind `aliases` (beyond the built-in ones), saved with the index. */
  aliasGroups: string[][];
  builtAt: string;
}

export function emptySearchState(
  aliases: AliasTable = BUILT_IN_ALIASES,
  aliasGroups: string[][] = [],
): SearchState {
  return {
    aliases,
    aliasGroups,
    mini: createMiniSearch(),
    stats: emptyTermStats(),
    passages: new Map(),
    documents: new Map(),
    builtAt: new Date().toISOString(),
  };
}

export function entryFor(state: SearchState, passage: Passage, meta: DocumentMeta): IndexEntry {
  return toIndexEntry(passage, meta.title, meta.outlet, state.aliases);
}

/** Registers a document and its passages everywhere but in minisearch, returning the entries to index. */
export function registerDocument(
  state: SearchState,
  doc: IndexedDocument,
  passages: Passage[],
): IndexEntry[] {
  state.documents.set(doc.id, doc);
  return passages.map((passage) => {
    state.passages.set(passage.id, passage);
    const entry = entryFor(state, passage, doc.meta);
    addToStats(state.stats, entry);
    return entry;
  });
}

export function addDocument(state: SearchState, doc: IndexedDocument, passages: Passage[]): void {
  state.mini.addAll(registerDocument(state, doc, passages));
}

export function removeDocument(state: SearchState, documentId: string): void {
  const doc = state.documents.get(documentId);
  if (!doc) return;
  for (const id of doc.passageIds) {
    const passage = state.passages.get(id);
    if (!passage) continue;
    removeFromStats(state.stats, entryFor(state, passage, doc.meta));
    state.mini.discard(id);
    state.passages.delete(id);
  }
  state.documents.delete(documentId);
}
