/** The report of `npm run validate-knowledge`: one line per file, and whether the folder is all good. */

import type { KnowledgeDocument, KnowledgeLoad } from '../types.js';
import { countWords } from './clean.js';
import type { LoadDocumentOptions } from './loadDocument.js';
import { loadKnowledge } from './loadKnowledge.js';

export interface ValidationReport {
  /** True when the folder holds at least one document and no file was skipped. */
  ok: boolean;
  lines: string[];
}

export async function validateKnowledge(
  dir: string,
  opts: LoadDocumentOptions = {},
): Promise<ValidationReport> {
  let load: KnowledgeLoad;
  try {
    load = await loadKnowledge(dir, opts);
  } catch (error) {
    return { ok: false, lines: [`error: ${(error as Error).message}`] };
  }
  const lines = [
    ...load.documents.map(describeDocument),
    ...load.skipped.map((s) => `SKIP ${s.file}: ${s.reason}`),
  ];
  const total = load.documents.length + load.skipped.length;
  if (total === 0) {
    return { ok: false, lines: [`error: no documents (.md or .txt files) in knowledge folder ${dir}`] };
  }
  lines.push(`${load.documents.length} document(s) ok, ${load.skipped.length} skipped`);
  return { ok: load.skipped.length === 0, lines };
}

function describeDocument(doc: KnowledgeDocument): string {
  const { meta } = doc;
  return [
    `ok   ${doc.id}`,
    JSON.stringify(meta.title),
    `outlet: ${meta.outlet ?? 'unknown'}`,
    meta.published ?? 'undated',
    `${countWords(doc.text)} words`,
    `inferred: ${meta.inferred.length > 0 ? meta.inferred.join(', ') : 'none'}`,
  ].join(' | ');
}
