import type { FileFingerprint } from '../knowledge/fingerprint.js';
import type { IndexedDocument } from '../search/searchState.js';
import { ANALYZER_SIGNATURE } from '../text/analyzerSignature.js';
import { type DocumentMeta, isMetadataField, type SkippedDocument } from '../types.js';
import { IndexLoadError } from './errors.js';
import {
  type Check,
  count,
  field,
  finite,
  list,
  matching,
  nullable,
  orNull,
  parseJson,
  record,
  text,
} from './jsonShape.js';

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

const texts = list(text);
const optionalText = orNull(text);
const metadataFields = list(matching(isMetadataField, 'a metadata field name'));

const meta: Check<DocumentMeta> = (value) => {
  const m = record(value);
  field(m, 'title', text);
  for (const key of ['outlet', 'author', 'published', 'url', 'language'] as const)
    field(m, key, optionalText);
  // Absent in indexes saved before pages' outlet claims were kept, and whenever a page made none.
  if (m.outletClaim !== undefined) field(m, 'outletClaim', text);
  field(m, 'inferred', metadataFields);
  return m as unknown as DocumentMeta;
};

const fingerprint: Check<FileFingerprint> = (value) => {
  const f = record(value);
  field(f, 'size', count);
  field(f, 'mtimeMs', finite);
  field(f, 'ctimeMs', finite);
  return f as unknown as FileFingerprint;
};

const indexedDocument: Check<IndexedDocument> = (value) => {
  const d = record(value);
  for (const key of ['id', 'file', 'hash'] as const) field(d, key, text);
  field(d, 'meta', meta);
  field(d, 'passageIds', texts);
  if (d.fingerprint !== undefined) field(d, 'fingerprint', fingerprint);
  if (d.addedAt !== undefined) field(d, 'addedAt', text);
  return d as unknown as IndexedDocument;
};

const skippedDocument: Check<SkippedDocument> = (value) => {
  const s = record(value);
  field(s, 'file', text);
  field(s, 'reason', text);
  return s as unknown as SkippedDocument;
};

const deltaHeader: Check<DeltaHeader> = (value) => {
  const h = record(value);
  field(h, 'base', text);
  field(h, 'nextId', count);
  field(h, 'averageFieldLength', list(finite));
  field(h, 'documentIds', texts);
  return h as unknown as DeltaHeader;
};

/**
 * manifest.json, checked. An index of another format or text analyzer is an IndexLoadError saying
 * so (it is rebuilt, not read); a field of the wrong shape is a ShapeError naming it.
 */
export function decodeManifest(raw: string): Manifest {
  const m = record(parseJson(raw, FILES.manifest), FILES.manifest);
  if (m.formatVersion !== FORMAT_VERSION)
    throw new IndexLoadError(`index format ${String(m.formatVersion)} is not ${FORMAT_VERSION}`);
  if (m.analyzerSignature !== ANALYZER_SIGNATURE)
    throw new IndexLoadError(`index was built by another text analyzer (${String(m.analyzerSignature)})`);
  field(m, 'builtAt', text);
  field(m, 'passageCount', count);
  m.aliasGroups = field(m, 'aliasGroups', nullable(list(texts))) ?? [];
  field(m, 'documents', list(indexedDocument));
  field(m, 'skipped', list(skippedDocument));
  if (m.delta === null) delete m.delta;
  else if (m.delta !== undefined) field(m, 'delta', deltaHeader);
  return m as unknown as Manifest;
}
