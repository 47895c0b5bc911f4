/**
 * extractFromHtml in a worker thread: parsing and reading a 5 MB page takes seconds, which the bot's
 * event loop must not wait through. One worker, started on demand and stopped when idle, takes one
 * page at a time; a page that takes too long (or too much memory) to read costs that worker, not the bot.
 */

import type { Worker } from 'node:worker_threads';
import { FifoQueue } from '../util/fifoQueue.js';
import { startWorker } from '../util/startWorker.js';
import { IngestError } from './errors.js';
import type { ExtractedArticle } from './extractFromHtml.js';
import type { ExtractJob, ExtractJobResult } from './extractWorker.js';
import { formatDuration } from './formatLimits.js';

export type { ExtractedArticle } from './extractFromHtml.js';

export const EXTRACT_TIMEOUT_MS = 20_000;
/** Far above what a 5 MB page needs (about 300 MB): a pathological page fails alone. */
const WORKER_HEAP_MB = 1024;
const IDLE_MS = 30_000;

export interface ExtractOptions {
  /** How long the worker may take over one page before it is stopped. */
  timeoutMs?: number;
}

/**
 * The article of a fetched page (its HTML and the URL it was found at), or IngestError ('no-article',
 * or 'extraction-failed' when too slow); an error no check foresaw is rejected as it came, for
 * readingPage to log and word.
 */
export function extractArticle(
  html: string,
  finalUrl: string,
  options: ExtractOptions = {},
): Promise<ExtractedArticle> {
  return worker.run({ html, finalUrl }, options.timeoutMs ?? EXTRACT_TIMEOUT_MS);
}

function failed(why: string): IngestError {
  return new IngestError('extraction-failed', `the page could not be read: ${why}`);
}

class ExtractWorker {
  private worker: Worker | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly pages = new FifoQueue();
  private nextId = 0;

  run(job: Omit<ExtractJob, 'id'>, timeoutMs: number): Promise<ExtractedArticle> {
    return this.pages.run(() => this.runNow({ ...job, id: this.nextId++ }, timeoutMs));
  }

  private runNow(job: ExtractJob, timeoutMs: number): Promise<ExtractedArticle> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.worker ??= startWorker(import.meta.url, 'extractWorker', {
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    const worker = this.worker;
    worker.ref();
    return new Promise((resolve, reject) => {
      const finish = (keep: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (keep) this.idle(worker);
        else this.discard(worker);
      };
      const onMessage = (result: ExtractJobResult) => {
        if (result.id !== job.id) return;
        finish(true);
        if ('article' in result) resolve(result.article);
        else if (result.error.kind) reject(new IngestError(result.error.kind, result.error.message));
        else reject(Object.assign(new Error(result.error.message), { stack: result.error.stack }));
      };
      const onError = (error: Error) => {
        finish(false);
        reject(error);
      };
      const onExit = (code: number) => {
        finish(false);
        reject(failed(`the reader stopped (code ${code})`));
      };
      const timer = setTimeout(() => {
        finish(false);
        reject(failed(`it took over ${formatDuration(timeoutMs)} to read`));
      }, timeoutMs);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage(job);
    });
  }

  private discard(worker: Worker): void {
    if (this.worker === worker) this.worker = null;
    void worker.terminate();
  }

  /** An idle worker never keeps the process alive, and is stopped after a while. */
  private idle(worker: Worker): void {
    if (this.worker !== worker) return;
    worker.unref();
    this.idleTimer = setTimeout(() => {
      if (this.worker === worker) this.discard(worker);
    }, IDLE_MS).unref();
  }
}

const worker = new ExtractWorker();
