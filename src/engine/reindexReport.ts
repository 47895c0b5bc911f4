import type { SkippedDocument } from '../types.js';
import { forTerminal } from '../util/forTerminal.js';
import type { DocumentSummary } from './documentSummary.js';

export interface ReindexReport {
  /** full: rebuilt aside and swapped; incremental: changed documents patched in; unchanged: nothing to do. */
  mode: 'full' | 'incremental' | 'unchanged';
  added: string[];
  changed: string[];
  removed: string[];
  /** The added and changed documents as the new index holds them (title, passages, the first one). */
  arrived: DocumentSummary[];
  skipped: SkippedDocument[];
  documents: number;
  passagesBefore: number;
  passagesAfter: number;
  /** Start to end, saving included. */
  ms: number;
  /** Start until the new index served queries. */
  applyMs: number;
  /** Writing the index to DATA_DIR (0 when nothing was written). */
  saveMs: number;
  /** False when the new index serves but could not be written to DATA_DIR. */
  saved: boolean;
  /** How it was written: every passage, or only the documents changed since the last full save. */
  savedAs?: 'full' | 'delta';
  saveError?: string;
  /** True when every document the index had is gone from it (a moderator's reindex of an emptied folder). */
  removedEvery?: boolean;
  /** True when this reindex ended a rollback's pause: the index reflects the knowledge folder again. */
  endedRollback?: boolean;
}

/** Names listed under each heading of a report; the rest are counted. */
export const LISTED_NAMES = 20;

/**
 * The report as the "reindex finished" log line carries it: each id list cut to its first
 * LISTED_NAMES with the full counts beside, so a change of 10,000 documents is one short line.
 */
export function reportLogFields({ arrived: _, ...r }: ReindexReport): object {
  const first = (ids: readonly string[]) => ids.slice(0, LISTED_NAMES);
  return {
    ...r,
    added: first(r.added),
    changed: first(r.changed),
    removed: first(r.removed),
    counts: { added: r.added.length, changed: r.changed.length, removed: r.removed.length },
    skipped: r.skipped.length,
  };
}

/**
 * `items` as indented lines, at most `max` of them, then "… and N more". Each item is shown on its
 * line alone: a newline or control character in a file name becomes a space, so it cannot fake a line.
 */
export function cappedLines(prefix: string, items: readonly string[], max = LISTED_NAMES): string[] {
  const lines = items.slice(0, max).map((item) => `  ${prefix} ${forTerminal(item, { oneLine: true })}`);
  if (items.length > max) lines.push(`  … and ${items.length - max} more`);
  return lines;
}

/** Said by every report of a reindex that removed all the documents the index had. */
export function everyDocumentRemoved(r: Pick<ReindexReport, 'documents'>): string {
  return r.documents === 0
    ? 'every document was removed: the index is empty and answers "not found" until documents are back in the knowledge folder'
    : 'every document the index had was removed';
}

export function describeReport(r: ReindexReport): string {
  const lines = [
    `${r.mode} reindex in ${r.ms} ms: ${r.documents} documents, passages ${r.passagesBefore} → ${r.passagesAfter}`,
    `serving after ${r.applyMs} ms${r.savedAs ? `, saved (${r.savedAs}) in ${r.saveMs} ms` : ''}`,
    `added ${r.added.length}, changed ${r.changed.length}, removed ${r.removed.length}, skipped ${r.skipped.length}`,
    ...cappedLines('+', r.added),
    ...cappedLines('~', r.changed),
    ...cappedLines('-', r.removed),
    ...cappedLines(
      '!',
      r.skipped.map((s) => `${s.file}: ${s.reason}`),
    ),
  ];
  if (r.removedEvery) lines.push(`warning: ${everyDocumentRemoved(r)}`);
  if (r.endedRollback) lines.push('the rollback is over: the index reflects the knowledge folder again');
  if (!r.saved) lines.push(`warning: the index serves but was not saved (${r.saveError ?? 'unknown error'})`);
  return lines.join('\n');
}
