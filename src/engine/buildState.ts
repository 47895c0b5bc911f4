import type { FileFingerprint } from '../knowledge/fingerprint.js';
import { segmentedAlready, takeAnalysed } from '../knowledge/loadDocumentOffThread.js';
import { emptySearchState, type IndexedDocument, type SearchState } from '../search/searchState.js';
import type { AliasTable } from '../text/aliases.js';
import { packTerms } from '../text/packedTerms.js';
import { segmentDocument } from '../text/segment.js';
import type { KnowledgeDocument, Passage } from '../types.js';
import { sliced, TimeSlicer } from '../util/yieldToEventLoop.js';

function* finishBuild(state: SearchState): Generator<void> {
  state.stats = yield* state.mini.finishBuild();
}

export interface SegmentedDocument {
  document: IndexedDocument;
  passages: Passage[];
}

export type Fingerprints = ReadonlyMap<string, FileFingerprint>;
/** The documents an index had before, by id: what a new one keeps of them (when they were added). */
export type History = ReadonlyMap<string, Pick<IndexedDocument, 'addedAt'>>;

export function segment(
  doc: KnowledgeDocument,
  fingerprints?: Fingerprints,
  addedAt = new Date().toISOString(),
): SegmentedDocument {
  const passages = segmentedAlready(doc) ?? segmentDocument(doc);
  const document: IndexedDocument = {
    id: doc.id,
    file: doc.file,
    hash: doc.hash,
    meta: doc.meta,
    passageIds: passages.map((p) => p.id),
    addedAt,
  };
  const fingerprint = fingerprints?.get(doc.file);
  if (fingerprint) document.fingerprint = fingerprint;
  return { document, passages };
}

/**
 * A fresh index built aside, in time slices (one document at most between checks), so a serving
 * process keeps answering meanwhile. Passages enter the index without term statistics, which are
 * read off the finished index at once (finishBuild).
 */
export async function buildState(
  documents: readonly KnowledgeDocument[],
  aliases: AliasTable,
  aliasGroups: string[][],
  fingerprints?: Fingerprints,
  history?: History,
): Promise<SearchState> {
  const slicer = new TimeSlicer();
  const state = emptySearchState(aliases, aliasGroups);
  const builder = state.mini.startBuild();
  const now = new Date().toISOString();
  // With no earlier index to remember them by (a first build, or a rebuild after the saved index was
  // lost), the file's modification time says best when a document arrived.
  const firstSeen = (doc: KnowledgeDocument): string => {
    const mtime = fingerprints?.get(doc.file)?.mtimeMs;
    return history?.size || mtime === undefined ? now : new Date(mtime).toISOString();
  };
  for (const doc of documents) {
    const { document, passages } = segment(
      doc,
      fingerprints,
      history?.get(doc.id)?.addedAt ?? firstSeen(doc),
    );
    // Analysed by the worker that loaded it, or here (a document read on the main thread).
    const terms =
      takeAnalysed(doc, aliases.signature) ??
      packTerms(
        passages.map((p) => p.text),
        doc.meta.title,
        doc.meta.outlet,
        aliases,
      );
    state.documents.set(document.id, document);
    for (const passage of passages) state.passages.set(passage.id, passage);
    builder.addDocument(document.passageIds, terms);
    await slicer.maybeYield();
  }
  await sliced(finishBuild(state), slicer);
  return state;
}
