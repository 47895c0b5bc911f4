/** Worker thread: extracts one article at a time, off the main thread's event loop. */

import { parentPort } from 'node:worker_threads';
import { IngestError, type IngestErrorKind } from './errors.js';
import { type ExtractedArticle, extractFromHtml } from './extractFromHtml.js';

export interface ExtractJob {
  id: number;
  html: string;
  finalUrl: string;
}

export type ExtractJobResult =
  | { id: number; article: ExtractedArticle }
  /** `kind` null: an error no check foresaw, sent whole for the log (readingPage words it). */
  | { id: number; error: { kind: IngestErrorKind | null; message: string; stack?: string } };

parentPort?.on('message', (job: ExtractJob) => {
  let result: ExtractJobResult;
  try {
    result = { id: job.id, article: extractFromHtml(job.html, job.finalUrl) };
  } catch (error) {
    const kind = error instanceof IngestError ? error.kind : null;
    const message = error instanceof Error ? error.message : String(error);
    result = {
      id: job.id,
      error: { kind, message, stack: error instanceof Error ? error.stack : undefined },
    };
  }
  parentPort?.postMessage(result);
});
