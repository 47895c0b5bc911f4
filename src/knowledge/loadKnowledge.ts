/** Loads every knowledge file of a folder; a bad file is reported as skipped, never fatal. */

import { lstat, type Stats } from 'node:fs';
import path from 'node:path';
import type { KnowledgeDocument, KnowledgeLoad, SkippedDocument } from '../types.js';
import { type FileFingerprint, fingerprintOf, sameFingerprint } from './fingerprint.js';
import { byCodeUnit, duplicateIdReason, listKnowledgeFolder } from './knowledgeFolder.js';
import {
  DEFAULT_MAX_DOCUMENT_BYTES,
  documentId,
  isSkipped,
  type LoadDocumentOptions,
  type LoadedDocument,
} from './loadDocument.js';
import { type AnalysisAliases, loadDocumentOffThread, POOL_SIZE } from './loadDocumentOffThread.js';
import { isReadFailure, readKnowledgeFile } from './readKnowledgeFile.js';

export { isDocumentFileName } from './knowledgeFolder.js';

/** Files stat'ed at once: enough to hide the thread pool's latency, few enough not to hog it. */
const STAT_CONCURRENCY = 32;
/**
 * From this many files to read, every one goes to the worker pool: starting its workers costs about
 * what a few dozen small files take on the main thread. A few files at a time for each worker, so
 * none waits.
 */
export const BULK_FILES = 64;
const IN_FLIGHT_PER_WORKER = 3;

/** A file as the index last saw it, by file name. */
export interface KnownFile {
  hash: string;
  fingerprint?: FileFingerprint;
}

export interface LoadKnowledgeOptions extends LoadDocumentOptions {
  /** Files whose size and timestamps still match are not read (they are listed as unchanged). */
  known?: ReadonlyMap<string, KnownFile>;
  /** The index's aliases: passages loaded off the main thread are analysed with them too. */
  analyse?: AnalysisAliases;
  /**
   * Called with each document as it is read, in folder order, and awaited before the next: a full
   * rebuild builds while the workers are still reading (KnowledgeScan.documents holds them all too).
   */
  onDocument?: (document: KnowledgeDocument, fingerprint: FileFingerprint | null) => Promise<void>;
}

export interface KnowledgeScan extends KnowledgeLoad {
  /** Files not read because their fingerprint matched `known`: as indexed. */
  unchanged: { id: string; file: string; hash: string }[];
  /** Fingerprints of the files read, by file name (none for a file read too soon after it changed). */
  fingerprints: Map<string, FileFingerprint>;
  /** Entries of the folder that are not documents and not a problem (subfolders, hidden files, others). */
  ignored: SkippedDocument[];
}

type ReadOutcome =
  | { skipped: SkippedDocument }
  | { document: KnowledgeDocument; fingerprint: FileFingerprint | null };

/**
 * lstat of every file (or the error), a few at a time: a link is seen as a link. Callbacks, not
 * fs/promises: for a folder of thousands of files the promises' overhead was most of the time.
 */
export function statAll(dir: string, names: string[]): Promise<(Stats | Error)[]> {
  const out: (Stats | Error)[] = new Array(names.length);
  if (names.length === 0) return Promise.resolve(out);
  return new Promise((resolve) => {
    let next = 0;
    let done = 0;
    const statNext = () => {
      const i = next++;
      lstat(path.join(dir, names[i]!), (error, stats) => {
        out[i] = error ?? stats;
        if (++done === names.length) resolve(out);
        else if (next < names.length) statNext();
      });
    };
    for (let k = 0; k < Math.min(STAT_CONCURRENCY, names.length); k++) statNext();
  });
}

export async function loadKnowledge(dir: string, opts: LoadDocumentOptions = {}): Promise<KnowledgeLoad> {
  const { documents, skipped } = await scanKnowledge(dir, opts);
  return { documents, skipped };
}

/** loadKnowledge for a reindex: also the files' fingerprints, and `known` files left unread when unchanged. */
export async function scanKnowledge(dir: string, opts: LoadKnowledgeOptions = {}): Promise<KnowledgeScan> {
  const { documents: names, misnamed, ignored } = await listKnowledgeFolder(dir);
  const startedAt = Date.now();
  const stats = await statAll(dir, names);
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  const load: KnowledgeScan = {
    documents: [],
    skipped: [...misnamed],
    unchanged: [],
    fingerprints: new Map(),
    ignored,
  };
  const firstFileById = new Map<string, string>();
  const toRead: { file: string; stat: Stats }[] = [];
  for (const [i, file] of names.entries()) {
    const id = documentId(file);
    const taken = firstFileById.get(id);
    if (taken !== undefined) {
      load.skipped.push({ file, reason: duplicateIdReason(id, taken) });
      continue;
    }
    firstFileById.set(id, file);
    const stat = stats[i]!;
    if (stat instanceof Error) {
      load.skipped.push({ file, reason: `cannot read file: ${stat.message}` });
      continue;
    }
    const known = opts.known?.get(file);
    if (known && stat.isFile() && sameFingerprint(known.fingerprint, stat)) {
      load.unchanged.push({ id, file, hash: known.hash });
      continue;
    }
    toRead.push({ file, stat });
  }
  const always = toRead.length >= BULK_FILES;
  const offThread = opts.analyse ? { maxBytes, always, analyse: opts.analyse } : { maxBytes, always };
  const readOne = async ({ file, stat }: { file: string; stat: Stats }): Promise<ReadOutcome> => {
    const read = await readKnowledgeFile(dir, file, maxBytes, stat);
    if (isReadFailure(read)) return { skipped: { file, reason: read.reason } };
    const { bytes } = read;
    let result: LoadedDocument;
    try {
      result = await loadDocumentOffThread(file, bytes, offThread);
    } catch (error) {
      // A bug met on one file must not stop the others from loading.
      result = { file, reason: `could not be loaded: ${(error as Error).message}` };
    }
    if (isSkipped(result)) return { skipped: result };
    // The handle was stat'ed before the read: if the file changed in between, the next scan reads it again.
    const fingerprint = bytes.length === read.stats.size ? fingerprintOf(read.stats, startedAt) : null;
    return { document: result, fingerprint };
  };
  // In folder order, a few files ahead: the workers load them while the results are taken in turn.
  const window = always ? POOL_SIZE * IN_FLIGHT_PER_WORKER : 1;
  const inFlight: Promise<ReadOutcome>[] = [];
  let next = 0;
  while (next < toRead.length || inFlight.length > 0) {
    while (next < toRead.length && inFlight.length < window) {
      const entry = toRead[next++]!;
      inFlight.push(
        readOne(entry).catch((error: Error) => ({
          skipped: { file: entry.file, reason: `cannot read file: ${error.message}` },
        })),
      );
    }
    const outcome = await inFlight.shift()!;
    if ('skipped' in outcome) {
      load.skipped.push(outcome.skipped);
      continue;
    }
    load.documents.push(outcome.document);
    if (outcome.fingerprint) load.fingerprints.set(outcome.document.file, outcome.fingerprint);
    await opts.onDocument?.(outcome.document, outcome.fingerprint);
  }
  load.skipped.sort((a, b) => byCodeUnit(a.file, b.file));
  return load;
}
