import type { FileFingerprint } from '../knowledge/fingerprint.js';
import type { IndexedDocument } from '../search/searchState.js';
import { ANALYZER_SIGNATURE } from '../text/analyzerSignature.js';
import { type DocumentMeta, METADATA_FIELDS, type MetadataField, type SkippedDocument } from '../types.js';
import { IndexLoadError } from './indexLoadError.js';
import { count, finite, list, matching, nullable, parseJson, record, text } from './jsonShape.js';

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
const optionalText = nullable(text);
const field = matching(
  (v): v is MetadataField => (METADATA_FIELDS as readonly unknown[]).includes(v),
  'a metadata field name',
);

function meta(value: unknown, path: string): DocumentMeta {
  const m = record(value, path);
  return {
    title: text(m.title, `${path}.title`),
    outlet: optionalText(m.outlet, `${path}.outlet`),
    author: optionalText(m.author, `${path}.author`),
    published: optionalText(m.published, `${path}.published`),
    url: optionalText(m.url, `${path}.url`),
    language: optionalText(m.language, `${path}.language`),
    inferred: list(field)(m.inferred, `${path}.inferred`),
  };
}

function fingerprint(value: unknown, path: string): FileFingerprint {
  const f = record(value, path);
  return {
    size: count(f.size, `${path}.size`),
    mtimeMs: finite(f.mtimeMs, `${path}.mtimeMs`),
    ctimeMs: finite(f.ctimeMs, `${path}.ctimeMs`),
  };
}

function indexedDocument(value: unknown, path: string): IndexedDocument {
  const d = record(value, path);
  const doc: IndexedDocument = {
    id: text(d.id, `${path}.id`),
    file: text(d.file, `${path}.file`),
    hash: text(d.hash, `${path}.hash`),
    meta: meta(d.meta, `${path}.meta`),
    passageIds: texts(d.passageIds, `${path}.passageIds`),
  };
  if (d.fingerprint !== undefined) doc.fingerprint = fingerprint(d.fingerprint, `${path}.fingerprint`);
  if (d.addedAt !== undefined) doc.addedAt = text(d.addedAt, `${path}.addedAt`);
  return doc;
}

function skippedDocument(value: unknown, path: string): SkippedDocument {
  const s = record(value, path);
  return { file: text(s.file, `${path}.file`), reason: text(s.reason, `${path}.reason`) };
}

function deltaHeader(value: unknown, path: string): DeltaHeader {
  const h = record(value, path);
  return {
    base: text(h.base, `${path}.base`),
    nextId: count(h.nextId, `${path}.nextId`),
    averageFieldLength: list(finite)(h.averageFieldLength, `${path}.averageFieldLength`),
    documentIds: texts(h.documentIds, `${path}.documentIds`),
  };
}

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
  const manifest: Manifest = {
    formatVersion: FORMAT_VERSION,
    analyzerSignature: ANALYZER_SIGNATURE,
    builtAt: text(m.builtAt, 'builtAt'),
    passageCount: count(m.passageCount, 'passageCount'),
    aliasGroups: nullable(list(texts))(m.aliasGroups, 'aliasGroups') ?? [],
    documents: list(indexedDocument)(m.documents, 'documents'),
    skipped: list(skippedDocument)(m.skipped, 'skipped'),
  };
  if (m.delta !== undefined && m.delta !== null) manifest.delta = deltaHeader(m.delta, 'delta');
  return manifest;
}
