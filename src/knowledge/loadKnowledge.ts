/** Loads every knowledge file of a folder; a bad file is reported as skipped, never fatal. */

import type { Stats } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ALIAS_FILE } from '../text/aliases.js';
import type { KnowledgeLoad } from '../types.js';
import { type FileFingerprint, fingerprintOf, sameFingerprint } from './fingerprint.js';
import {
  DEFAULT_MAX_DOCUMENT_BYTES,
  documentId,
  isSkipped,
  type LoadDocumentOptions,
  loadDocument,
  tooLargeReason,
} from './loadDocument.js';

const DOCUMENT_EXTENSIONS = new Set(['.md', '.txt']);
/** Names that live in the knowledge folder but are not documents: its readme and the name-alias file. */
const RESERVED_NAMES = new Set(['readme.md', ALIAS_FILE]);
/** Files stat'ed at once: enough to hide the thread pool's latency, few enough not to hog it. */
const STAT_CONCURRENCY = 32;

export function isDocumentFileName(name: string): boolean {
  return (
    !name.startsWith('.') &&
    DOCUMENT_EXTENSIONS.has(path.extname(name).toLowerCase()) &&
    !RESERVED_NAMES.has(name.toLowerCase())
  );
}

/** A file as the index last saw it, by file name. */
export interface KnownFile {
  hash: string;
  fingerprint?: FileFingerprint;
}

export interface LoadKnowledgeOptions extends LoadDocumentOptions {
  /** Files whose size and timestamps still match are not read (they are listed as unchanged). */
  known?: ReadonlyMap<string, KnownFile>;
}

export interface KnowledgeScan extends KnowledgeLoad {
  /** Files not read because their fingerprint matched `known`: as indexed. */
  unchanged: { id: string; file: string; hash: string }[];
  /** Fingerprints of the files read, by file name (none for a file read too soon after it changed). */
  fingerprints: Map<string, FileFingerprint>;
}

async function listDocumentFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    names = entries
      .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && isDocumentFileName(entry.name))
      .map((entry) => entry.name);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'does not exist' : code === 'ENOTDIR' ? 'is not a folder' : 'cannot be read';
    throw new Error(`knowledge folder ${dir} ${why}${code ? ` (${code})` : ''}`, { cause: error });
  }
  return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** stat of every file (or the error), a few at a time. */
async function statAll(dir: string, names: string[]): Promise<(Stats | Error)[]> {
  const out: (Stats | Error)[] = new Array(names.length);
  let next = 0;
  const worker = async () => {
    while (next < names.length) {
      const i = next++;
      out[i] = await stat(path.join(dir, names[i]!)).catch((error: Error) => error);
    }
  };
  await Promise.all(Array.from({ length: Math.min(STAT_CONCURRENCY, names.length) }, worker));
  return out;
}

export async function loadKnowledge(dir: string, opts: LoadDocumentOptions = {}): Promise<KnowledgeLoad> {
  const { documents, skipped } = await scanKnowledge(dir, opts);
  return { documents, skipped };
}

/** loadKnowledge for a reindex: also the files' fingerprints, and `known` files left unread when unchanged. */
export async function scanKnowledge(dir: string, opts: LoadKnowledgeOptions = {}): Promise<KnowledgeScan> {
  const names = await listDocumentFiles(dir);
  const startedAt = Date.now();
  const stats = await statAll(dir, names);
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  const load: KnowledgeScan = { documents: [], skipped: [], unchanged: [], fingerprints: new Map() };
  const firstFileById = new Map<string, string>();
  for (const [i, file] of names.entries()) {
    const id = documentId(file);
    const taken = firstFileById.get(id);
    if (taken !== undefined) {
      load.skipped.push({
        file,
        reason: `duplicate id "${id}": ${taken} has the same name; rename one of them`,
      });
      continue;
    }
    firstFileById.set(id, file);
    const stat = stats[i]!;
    if (stat instanceof Error) {
      load.skipped.push({ file, reason: `cannot read file: ${stat.message}` });
      continue;
    }
    const known = opts.known?.get(file);
    if (known && sameFingerprint(known.fingerprint, stat)) {
      load.unchanged.push({ id, file, hash: known.hash });
      continue;
    }
    // Checked before reading so that a huge stray file is never read into memory.
    if (stat.size > maxBytes) {
      load.skipped.push({ file, reason: tooLargeReason(stat.size, maxBytes) });
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(path.join(dir, file));
    } catch (error) {
      load.skipped.push({ file, reason: `cannot read file: ${(error as Error).message}` });
      continue;
    }
    let result: ReturnType<typeof loadDocument>;
    try {
      result = loadDocument(file, bytes, { maxBytes });
    } catch (error) {
      // A bug met on one file must not stop the others from loading.
      result = { file, reason: `could not be loaded: ${(error as Error).message}` };
    }
    if (isSkipped(result)) {
      load.skipped.push(result);
      continue;
    }
    load.documents.push(result);
    // Stat'ed before the read: if the file changed in between, the next scan sees it and reads it again.
    const fingerprint = bytes.length === stat.size ? fingerprintOf(stat, startedAt) : null;
    if (fingerprint) load.fingerprints.set(file, fingerprint);
  }
  return load;
}
