/**
 * The report of `npm run validate-knowledge`: one line per file, and whether the folder is all good. It
 * reads the folder with the rules a reindex uses (scanKnowledge, loadAliasGroups), so what it passes is
 * what gets indexed.
 */

import type { KnowledgeDocument } from '../types.js';
import { forTerminal } from '../util/forTerminal.js';
import { countAlphanumericTokens } from './clean.js';
import { loadAliasGroups } from './loadAliases.js';
import type { LoadDocumentOptions } from './loadDocument.js';
import { type KnowledgeScan, scanKnowledge } from './loadKnowledge.js';
import { outletWithClaim } from './outletClaim.js';

/** One line per file: a newline in a file name, a reason or a value cannot start another. */
const field = (text: string) => forTerminal(text, { oneLine: true });

export interface ValidationReport {
  /**
   * True when the folder holds at least one document and nothing is skipped: no document, no file that
   * looks like one in another format, no aliases.txt problem. Ignored files (subfolders, hidden files,
   * other kinds of file) are listed but do not fail it.
   */
  ok: boolean;
  lines: string[];
}

export async function validateKnowledge(
  dir: string,
  opts: LoadDocumentOptions = {},
): Promise<ValidationReport> {
  let scan: KnowledgeScan;
  try {
    scan = await scanKnowledge(dir, opts);
  } catch (error) {
    return { ok: false, lines: [`error: ${field((error as Error).message)}`] };
  }
  const { problems } = await loadAliasGroups(dir);
  const skipped = [...scan.skipped, ...problems];
  const lines = [
    ...scan.documents.map(describeDocument),
    ...skipped.map((s) => `SKIP ${field(s.file)}: ${field(s.reason)}`),
    ...scan.ignored.map((s) => `IGNORED ${field(s.file)}: ${field(s.reason)}`),
  ];
  if (scan.documents.length + scan.skipped.length === 0) {
    return {
      ok: false,
      lines: [...lines, `error: no documents (.md or .txt files) in knowledge folder ${field(dir)}`],
    };
  }
  const ignored = scan.ignored.length > 0 ? `, ${scan.ignored.length} ignored` : '';
  lines.push(`${scan.documents.length} document(s) ok, ${skipped.length} skipped${ignored}`);
  return { ok: skipped.length === 0, lines };
}

function describeDocument(doc: KnowledgeDocument): string {
  const { meta } = doc;
  return [
    `ok   ${field(doc.id)}`,
    JSON.stringify(meta.title),
    `outlet: ${field(outletWithClaim(meta.outlet ?? 'unknown', meta.outletClaim))}`,
    field(meta.published ?? 'undated'),
    `${countAlphanumericTokens(doc.text)} words`,
    `inferred: ${meta.inferred.length > 0 ? meta.inferred.join(', ') : 'none'}`,
  ].join(' | ');
}
