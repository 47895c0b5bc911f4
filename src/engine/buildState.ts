import type { FileFingerprint } from '../knowledge/fingerprint.js';
import { segmentedAlready, takeAnalysed } from '../knowledge/loadDocumentOffThread.js';
import type { PassageBuilder } from '../search/passageIndex.js';
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
  fingerprint: FileFingerprint | null | undefined,
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
  if (fingerprint) document.fingerprint = fingerprint;
  return { document, passages };
}

/**
 * A fresh index built aside, a document at a time (time-sliced, so a serving process keeps answering
 * meanwhile): fed as a scan reads the folder, or from a list (buildState). Passages enter the index
 * without term statistics, which are read off the finished index at once (finishBuild).
 */
export class StateBuilder {
  private readonly slicer = new TimeSlicer();
  private readonly state: SearchState;
  private readonly builder: PassageBuilder;
  private readonly now = new Date().toISOString();

  constructor(
    private readonly aliases: AliasTable,
    aliasGroups: string[][],
    private readonly history?: History,
  ) {
    this.state = emptySearchState(aliases, aliasGroups);
    this.builder = this.state.mini.startBuild();
  }

  async add(doc: KnowledgeDocument, fingerprint?: FileFingerprint | null): Promise<void> {
    const addedAt = this.history?.get(doc.id)?.addedAt ?? this.firstSeen(fingerprint);
    const { document, passages } = segment(doc, fingerprint, addedAt);
    // Analysed by the worker that loaded it, or here (a document read on the main thread).
    const terms =
      takeAnalysed(doc, this.aliases.signature) ??
      packTerms(
        passages.map((p) => p.text),
        doc.meta.title,
        doc.meta.outlet,
        this.aliases,
      );
    this.state.documents.set(document.id, document);
    for (const passage of passages) this.state.passages.set(passage.id, passage);
    this.builder.addDocument(document.passageIds, terms);
    await this.slicer.maybeYield();
  }

  async finish(): Promise<SearchState> {
    await sliced(finishBuild(this.state), this.slicer);
    return this.state;
  }

  /**
   * With no earlier index to remember them by (a first build, or a rebuild after the saved index was
   * lost), the file's modification time says best when a document arrived.
   */
  private firstSeen(fingerprint: FileFingerprint | null | undefined): string {
    const mtime = fingerprint?.mtimeMs;
    return this.history?.size || mtime === undefined ? this.now : new Date(mtime).toISOString();
  }
}

/** A fresh index of these documents (see StateBuilder). */
export async function buildState(
  documents: readonly KnowledgeDocument[],
  aliases: AliasTable,
  aliasGroups: string[][],
  fingerprints?: Fingerprints,
  history?: History,
): Promise<SearchState> {
  const builder = new StateBuilder(aliases, aliasGroups, history);
  for (const doc of documents) await builder.add(doc, fingerprints?.get(doc.file));
  return builder.finish();
}
