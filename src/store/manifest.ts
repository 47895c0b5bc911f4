import type { IndexedDocument } from '../search/searchState.js';
import type { SkippedDocument } from '../types.js';

/** Bumped whenever the files' layout changes: an index of another version is rebuilt, not read. */
export const FORMAT_VERSION = 2;

/** What a delta generation needs to replay the saving session's index exactly on top of its base. */
export interface DeltaHeader {
  /** The full generation the delta applies to. */
  base: string;
  nextId: number;
  averageFieldLength: number[];
  /** Every document's id, in the index's order; `documents` holds only those whose record differs from the base's. */
  documentIds: string[];
}

export interface Manifest {
  formatVersion: number;
  analyzerSignature: string;
  builtAt: string;
  passageCount: number;
  /** The moderator's alias groups the index was built with. */
  aliasGroups: string[][];
  /** Every document of the index, in the index's order; in a delta, only the records that differ from its base. */
  documents: IndexedDocument[];
  skipped: SkippedDocument[];
  /** Present in a delta generation, which holds only the documents that differ from its base. */
  delta?: DeltaHeader;
}

export const FILES = {
  manifest: 'manifest.json',
  passages: 'passages.jsonl',
  index: 'index.jsonl',
  postings: 'postings.bin',
  /** A delta's passages: documents added or changed since its base, with their minisearch short ids. */
  delta: 'delta.jsonl',
} as const;
