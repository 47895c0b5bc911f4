import type { FileFingerprint } from '../knowledge/fingerprint.js';
import type { AliasTable } from '../text/aliases.js';
import { BUILT_IN_ALIASES } from '../text/aliasTable.js';
import type { DocumentMeta, Passage } from '../types.js';
import {
  type CountedFields,
  countedFields,
  documentFields,
  KEYS_FIELD,
  passageTerms,
  TEXT_FIELD,
} from './indexEntry.js';
import { PassageIndex } from './passageIndex.js';
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
  mini: PassageIndex;
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
    mini: new PassageIndex(),
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
  state.mini.addPassageTerms(passage.id, fields, shortId);
  addToStats(state.stats, fields[TEXT_FIELD].keys(), fields[KEYS_FIELD].keys());
}

/**
 * The passages of a document's new version that are already in the index as they are: same id (so the
 * same text) and the same title and outlet, so the same terms in every field. A patch leaves them in
 * place (their short ids too) and moves only the passages that changed.
 */
export function passagesKept(
  state: SearchState,
  documentId: string,
  meta: Pick<DocumentMeta, 'title' | 'outlet'>,
  passageIds: readonly string[],
): Set<string> {
  const before = state.documents.get(documentId);
  if (!before || before.meta.title !== meta.title || (before.meta.outlet ?? null) !== (meta.outlet ?? null))
    return new Set();
  const indexed = new Set(before.passageIds);
  return new Set(passageIds.filter((id) => indexed.has(id) && state.passages.has(id)));
}

/** A document's passages analysed, ready to go into an index in one synchronous step. */
export interface PreparedDocument {
  document: IndexedDocument;
  /** `fields` null: the passage is indexed already (passagesKept), only its record is replaced. */
  passages: { passage: Passage; fields: CountedFields | null }[];
}

/** Analyses a document's passages but those `kept`, pausing after each (the caller may yield to the event loop). */
export function* prepareDocument(
  document: IndexedDocument,
  passages: Passage[],
  aliases: AliasTable,
  kept: ReadonlySet<string> = new Set(),
): Generator<void, PreparedDocument> {
  const shared = documentFields(document.meta, aliases);
  const prepared: PreparedDocument = { document, passages: [] };
  for (const passage of passages) {
    if (kept.has(passage.id)) {
      prepared.passages.push({ passage, fields: null });
      continue;
    }
    prepared.passages.push({ passage, fields: countedFields(passage.text, shared, aliases) });
    yield;
  }
  return prepared;
}

export function addPrepared(state: SearchState, prepared: PreparedDocument): void {
  state.documents.set(prepared.document.id, prepared.document);
  for (const { passage, fields } of prepared.passages) {
    if (fields === null) state.passages.set(passage.id, passage);
    else addPassage(state, passage, fields);
  }
}

/** What removing a document takes from the index: its passages' distinct terms, field by field. */
export interface PreparedRemoval {
  documentId: string;
  /** Title and outlet terms, shared by the document's passages. */
  shared: { title: string[]; outlet: string[] };
  passages: { id: string; text: string[]; keys: string[] }[];
}

/**
 * Re-analyses the document's passages but those `kept` in the index (cheaper than keeping every
 * passage's terms in memory), pausing after each; null when the document is not indexed.
 */
export function* prepareRemoval(
  state: SearchState,
  documentId: string,
  kept: ReadonlySet<string> = new Set(),
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
    if (!passage || kept.has(id)) continue;
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
    state.mini.removePassageTerms(id, [text, keys, title, outlet]);
    state.passages.delete(id);
  }
  state.documents.delete(removal.documentId);
}
