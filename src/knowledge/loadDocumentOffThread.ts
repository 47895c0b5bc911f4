/**
 * loadDocument without blocking the event loop: a large document (OFF_THREAD_BYTES or more), or every
 * document of a folder being read whole, is cleaned, segmented and (given the index's alias groups)
 * analysed by a pool of worker threads, one a core. Its passages and terms are kept for buildState
 * so that they are not cut or analysed again on the main thread.
 */

import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { unpackPassages } from '../text/packedPassages.js';
import type { PackedTerms } from '../text/packedTerms.js';
import type { KnowledgeDocument, Passage } from '../types.js';
import { startWorker } from '../util/startWorker.js';
import type { DocumentJob, DocumentJobResult } from './documentWorker.js';
import {
  DEFAULT_MAX_DOCUMENT_BYTES,
  isSkipped,
  type LoadDocumentOptions,
  type LoadedDocument,
  loadDocument,
} from './loadDocument.js';

/** Smaller documents load in a few milliseconds: a worker's round trip would cost more than it saves. */
export const OFF_THREAD_BYTES = 128 * 1024;
/** An idle worker is stopped after this long; the next job starts another. */
const IDLE_MS = 30_000;
const MAX_WORKERS = 4;

/** Workers in the pool: one a core (the main thread fills the index meanwhile), at most MAX_WORKERS. */
export const POOL_SIZE = Math.max(1, Math.min(MAX_WORKERS, os.availableParallelism()));

export interface OffThreadOptions extends LoadDocumentOptions {
  /** Use a worker whatever the size (a folder read whole: the workers share it out). */
  always?: boolean;
  /** Analyse the passages as well, with the index's aliases (see takeAnalysed). */
  analyse?: AnalysisAliases;
}

/** The alias groups an index is built with, and the signature of their table (AliasTable.signature). */
export interface AnalysisAliases {
  aliasGroups: string[][];
  signature: string;
}

interface Prepared {
  passages: Passage[];
  terms: { signature: string; packed: PackedTerms } | null;
}

const prepared = new WeakMap<KnowledgeDocument, Prepared>();

/** The passages a worker cut for `doc` while loading it (segmentDocument's, with its default sizes). */
export function segmentedAlready(doc: KnowledgeDocument): Passage[] | undefined {
  return prepared.get(doc)?.passages;
}

/**
 * The terms a worker packed for `doc`'s passages with the aliases of this signature, handed over
 * once: they are dropped as they are taken, so a rebuild does not hold every document's terms to its end.
 */
export function takeAnalysed(doc: KnowledgeDocument, aliasSignature: string): PackedTerms | undefined {
  const entry = prepared.get(doc);
  if (!entry?.terms || entry.terms.signature !== aliasSignature) return undefined;
  const { packed } = entry.terms;
  entry.terms = null;
  return packed;
}

export async function loadDocumentOffThread(
  file: string,
  bytes: Buffer,
  opts: OffThreadOptions = {},
): Promise<LoadedDocument> {
  if (bytes.length < OFF_THREAD_BYTES && !opts.always) return loadDocument(file, bytes, opts);
  const result = await pool.run({
    file,
    bytes,
    maxBytes: opts.maxBytes ?? DEFAULT_MAX_DOCUMENT_BYTES,
    analyse: opts.analyse ?? null,
  });
  if ('error' in result) throw new Error(result.error);
  if (result.passages && !isSkipped(result.loaded)) {
    prepared.set(result.loaded, {
      passages: unpackPassages(result.loaded, result.passages),
      terms:
        result.terms && opts.analyse ? { signature: opts.analyse.signature, packed: result.terms } : null,
    });
  }
  return result.loaded;
}

interface Pending {
  resolve: (result: DocumentJobResult) => void;
  reject: (error: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  pending: Map<number, Pending>;
  idleTimer: NodeJS.Timeout | null;
}

/**
 * Up to POOL_SIZE workers, started on demand; a job goes to the one with the fewest pending. A worker
 * never keeps the process alive while it has nothing to do, and stops once idle for IDLE_MS.
 */
class DocumentWorkerPool {
  private readonly workers: PoolWorker[] = [];
  private nextId = 0;

  run(job: Omit<DocumentJob, 'id'>): Promise<DocumentJobResult> {
    const slot = this.pick();
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = null;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.ref();
      slot.worker.postMessage({ ...job, id } satisfies DocumentJob);
    });
  }

  private pick(): PoolWorker {
    const idle = this.workers.find((w) => w.pending.size === 0);
    if (idle) return idle;
    if (this.workers.length < POOL_SIZE) return this.start();
    return this.workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
  }

  private start(): PoolWorker {
    const slot: PoolWorker = {
      worker: startWorker(import.meta.url, 'documentWorker'),
      pending: new Map(),
      idleTimer: null,
    };
    slot.worker.on('message', (result: DocumentJobResult) => this.settle(slot, result));
    slot.worker.on('error', (error) => this.fail(slot, error));
    slot.worker.on('exit', (code) => this.fail(slot, new Error(`document worker exited (code ${code})`)));
    this.workers.push(slot);
    return slot;
  }

  private settle(slot: PoolWorker, result: DocumentJobResult): void {
    const pending = slot.pending.get(result.id);
    slot.pending.delete(result.id);
    pending?.resolve(result);
    if (slot.pending.size > 0) return;
    slot.worker.unref();
    slot.idleTimer = setTimeout(() => {
      if (slot.pending.size > 0) return;
      this.remove(slot);
      void slot.worker.terminate();
    }, IDLE_MS).unref();
  }

  /** A worker that died fails its jobs (each becomes a skipped file); the next job starts a new one. */
  private fail(slot: PoolWorker, error: Error): void {
    if (!this.remove(slot)) return;
    for (const { reject } of slot.pending.values()) reject(error);
    slot.pending.clear();
  }

  private remove(slot: PoolWorker): boolean {
    const at = this.workers.indexOf(slot);
    if (at < 0) return false;
    this.workers.splice(at, 1);
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    return true;
  }
}

const pool = new DocumentWorkerPool();
