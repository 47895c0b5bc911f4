/**
 * loadDocument without blocking the event loop on a large document: above OFF_THREAD_BYTES the file is
 * cleaned and segmented in a worker thread (a 5 MB document takes about a second), and its passages are
 * kept for buildState's segment() so that they are not cut again on the main thread.
 */

import type { Worker } from 'node:worker_threads';
import { unpackPassages } from '../text/packedPassages.js';
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
/** An idle worker is stopped after this long; the next large document starts another. */
const IDLE_MS = 30_000;

const segmented = new WeakMap<KnowledgeDocument, Passage[]>();

/** The passages a worker cut for `doc` while loading it (segmentDocument's, with its default sizes). */
export function segmentedAlready(doc: KnowledgeDocument): Passage[] | undefined {
  return segmented.get(doc);
}

export async function loadDocumentOffThread(
  file: string,
  bytes: Buffer,
  opts: LoadDocumentOptions = {},
): Promise<LoadedDocument> {
  if (bytes.length < OFF_THREAD_BYTES) return loadDocument(file, bytes, opts);
  const result = await pool.run(file, bytes, opts.maxBytes ?? DEFAULT_MAX_DOCUMENT_BYTES);
  if ('error' in result) throw new Error(result.error);
  if (result.passages && !isSkipped(result.loaded)) {
    segmented.set(result.loaded, unpackPassages(result.loaded, result.passages));
  }
  return result.loaded;
}

interface Pending {
  resolve: (result: DocumentJobResult) => void;
  reject: (error: Error) => void;
}

/** One worker, started on demand, that never keeps the process alive while it has nothing to do. */
class DocumentWorkerPool {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private idleTimer: NodeJS.Timeout | null = null;

  run(file: string, bytes: Buffer, maxBytes: number): Promise<DocumentJobResult> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      const job: DocumentJob = { id, file, bytes, maxBytes };
      worker.postMessage(job);
    });
  }

  private ensureWorker(): Worker {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.worker) return this.worker;
    const worker = startWorker(import.meta.url, 'documentWorker');
    worker.on('message', (result: DocumentJobResult) => this.settle(result));
    worker.on('error', (error) => this.fail(worker, error));
    worker.on('exit', (code) => this.fail(worker, new Error(`document worker exited (code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private settle(result: DocumentJobResult): void {
    const pending = this.pending.get(result.id);
    this.pending.delete(result.id);
    pending?.resolve(result);
    if (this.pending.size > 0 || !this.worker) return;
    this.worker.unref();
    const worker = this.worker;
    this.idleTimer = setTimeout(() => {
      if (this.worker === worker && this.pending.size === 0) {
        this.worker = null;
        void worker.terminate();
      }
    }, IDLE_MS).unref();
  }

  /** A worker that died fails its jobs (each becomes a skipped file); the next job starts a new one. */
  private fail(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }
}

const pool = new DocumentWorkerPool();
