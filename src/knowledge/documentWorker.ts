/**
 * Worker thread: loads, segments and (given the index's alias groups) analyses one document at a
 * time, off the main thread's event loop.
 */

import { parentPort } from 'node:worker_threads';
import type { AliasTable } from '../text/aliases.js';
import { aliasTableFor } from '../text/aliasTable.js';
import { type PackedPassages, packPassages } from '../text/packedPassages.js';
import { type PackedTerms, packTerms } from '../text/packedTerms.js';
import { segmentDocument } from '../text/segment.js';
import { isSkipped, type LoadedDocument, loadDocument } from './loadDocument.js';
import type { AnalysisAliases } from './loadDocumentOffThread.js';

export interface DocumentJob {
  id: number;
  file: string;
  bytes: Uint8Array;
  maxBytes: number;
  /** The aliases to analyse the passages with, or null to only load and segment. */
  analyse: AnalysisAliases | null;
}

export type DocumentJobResult =
  | { id: number; loaded: LoadedDocument; passages: PackedPassages | null; terms: PackedTerms | null }
  | { id: number; error: string };

/** The table of the last aliases seen: every job of a reindex brings the same ones. */
let aliases: { signature: string; table: AliasTable } | null = null;

function aliasTable({ aliasGroups, signature }: AnalysisAliases): AliasTable {
  if (aliases?.signature !== signature) aliases = { signature, table: aliasTableFor(aliasGroups) };
  return aliases.table;
}

function run(job: DocumentJob): DocumentJobResult {
  const bytes = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
  const loaded = loadDocument(job.file, bytes, { maxBytes: job.maxBytes });
  if (isSkipped(loaded)) return { id: job.id, loaded, passages: null, terms: null };
  const passages = segmentDocument(loaded);
  const terms =
    job.analyse === null
      ? null
      : packTerms(
          passages.map((p) => p.text),
          loaded.meta.title,
          loaded.meta.outlet,
          aliasTable(job.analyse),
        );
  return { id: job.id, loaded, passages: packPassages(passages), terms };
}

function transferable(result: DocumentJobResult): ArrayBuffer[] {
  if ('error' in result) return [];
  const arrays = [
    ...(result.passages
      ? [result.passages.bounds, result.passages.sentenceCounts, result.passages.sentences]
      : []),
    ...(result.terms
      ? [result.terms.fields, result.terms.counts, result.terms.entries, result.terms.freqs]
      : []),
  ];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

parentPort?.on('message', (job: DocumentJob) => {
  let result: DocumentJobResult;
  try {
    result = run(job);
  } catch (error) {
    result = { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(result, transferable(result));
});
