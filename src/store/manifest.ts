import type { IndexedDocument } from '../search/searchState.js';
import type { SkippedDocument } from '../types.js';

/** Bumped whenever the files' layout changes: an index of another version is rebuilt, not read. */
export const FORMAT_VERSION = 1;

export interface Manifest {
  formatVersion: number;
  analyzerSignature: string;
  builtAt: string;
  passageCount: number;
  /** The moderator's alias groups the index was built with. */
  aliasGroups: string[][];
  documents: IndexedDocument[];
  skipped: SkippedDocument[];
}

export const FILES = {
  manifest: 'manifest.json',
  passages: 'passages.jsonl',
  index: 'index.jsonl',
} as const;
