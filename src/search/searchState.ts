import type MiniSearch from 'minisearch';
import type { FileFingerprint } from '../knowledge/fingerprint.js';
import type { AliasTable } from '../text/aliases.js';
import { BUILT_IN_ALIASES } from '../text/aliasTable.js';
import type { DocumentMeta, Passage } from '../types.js';
import {
  type CountedFields,
  countedFields,
  createMiniSearch,
  documentFields,
  type IndexEntry,
  KEYS_FIELD,
  passageTerms,
  TEXT_FIELD,
} from './indexEntry.js';
import { addCounted, removeCounted } from './miniIndex.js';
import { addToStats, emptyTermStats, removeFromStats, type TermStats } from './termStats.js';

export interface IndexedDocument {
  id: string;
  file: string;
  hash: string;
  meta: DocumentMeta;
  passageIds: string[];
  /** Absent when the file was read too soon after it changed to trust its timestamps. */
  fingerprint?: FileFingerprint;
  /** When the index first took the document in (ISO); kept while it stays, through edits and rebuilds. */
  addedAt?: string;
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

/** Adds one passage (its document registered apart) with its fields already analysed. */
export function addPassage(
  state: SearchState,
  passage: Passage,
  fields: CountedFields,
  shortId?: number,
): void {
  state.passages.set(passage.id, passage);
  addCounted(state.mini, passage.id, fields, shortId);
  addToStats(state.stats, fields[TEXT_FIELD].keys(), fields[KEYS_FIELD].keys());
}

/** A document's passages analysed, ready to go into an index in one synchronous step. */
export interface PreparedDocument {
  document: IndexedDocument;
  passages: { passage: Passage; fields: CountedFields }[];
}

/** Analyses a document's passages, pausing after each (the caller may yield to the event loop). */
export function* prepareDocument(
  document: IndexedDocument,
  passages: Passage[],
  aliases: AliasTable,
): Generator<void, PreparedDocument> {
  const shared = documentFields(document.meta, aliases);
  const prepared: PreparedDocument = { document, passages: [] };
  for (const passage of passages) {
    prepared.passages.push({ passage, fields: countedFields(passage.text, shared, aliases) });
    yield;
  }
  return prepared;
}

export function addPrepared(state: SearchState, prepared: PreparedDocument): void {
  state.documents.set(prepared.document.id, prepared.document);
  for (const { passage, fields } of prepared.passages) addPassage(state, passage, fields);
}

/** What removing a document takes from the index: its passages' distinct terms, field by field. */
export interface PreparedRemoval {
  documentId: string;
  /** Title and outlet terms, shared by the document's passages. */
  shared: { title: string[]; outlet: string[] };
  passages: { id: string; text: string[]; keys: string[] }[];
}

/**
 * Re-analyses the document's passages (cheaper than keeping every passage's terms in memory),
 * pausing after each; null when the document is not indexed.
 */
export function* prepareRemoval(
  state: SearchState,
  documentId: string,
): Generator<void, PreparedRemoval | null> {
  const doc = state.documents.get(documentId);
  if (!doc) return null;
  const fields = documentFields(doc.meta, state.aliases);
  const removal: PreparedRemoval = {
    documentId,
    shared: { title: [...fields.title.keys()], outlet: [...fields.outlet.keys()] },
    passages: [],
  };
  for (const id of doc.passageIds) {
    const passage = state.passages.get(id);
    if (!passage) continue;
    const terms = passageTerms(passage.text, state.aliases);
    removal.passages.push({ id, text: [...terms.text.keys()], keys: [...terms.keys.keys()] });
    yield;
  }
  return removal;
}

export function applyRemoval(state: SearchState, removal: PreparedRemoval): void {
  const { title, outlet } = removal.shared;
  for (const { id, text, keys } of removal.passages) {
    if (!state.passages.has(id)) continue;
    removeFromStats(state.stats, text, keys);
    removeCounted(state.mini, id, [text, keys, title, outlet]);
    state.passages.delete(id);
  }
  state.documents.delete(removal.documentId);
}

/** Runs a prepare* generator to its end without pausing. */
export function complete<T>(steps: Generator<void, T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** Analyses a document's passages and adds them to the index in one step, without pausing. */
export function indexDocumentAtOnce(state: SearchState, doc: IndexedDocument, passages: Passage[]): void {
  addPrepared(state, complete(prepareDocument(doc, passages, state.aliases)));
}

export function removeDocument(state: SearchState, documentId: string): void {
  const removal = complete(prepareRemoval(state, documentId));
  if (removal) applyRemoval(state, removal);
}
