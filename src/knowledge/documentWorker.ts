/** Worker thread: loads and segments one large document at a time, off the main thread's event loop. */

import { parentPort } from 'node:worker_threads';
import { type PackedPassages, packPassages } from '../text/packedPassages.js';
import { segmentDocument } from '../text/segment.js';
import { isSkipped, type LoadedDocument, loadDocument } from './loadDocument.js';

export interface DocumentJob {
  id: number;
  file: string;
  bytes: Uint8Array;
  maxBytes: number;
}

export type DocumentJobResult =
  | { id: number; loaded: LoadedDocument; passages: PackedPassages | null }
  | { id: number; error: string };

parentPort?.on('message', (job: DocumentJob) => {
  let result: DocumentJobResult;
  try {
    const bytes = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
    const loaded = loadDocument(job.file, bytes, { maxBytes: job.maxBytes });
    const passages = isSkipped(loaded) ? null : packPassages(segmentDocument(loaded));
    result = { id: job.id, loaded, passages };
  } catch (error) {
    result = { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(result);
});
