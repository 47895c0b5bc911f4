import type { SkippedDocument } from '../types.js';

export interface ReindexReport {
  /** full: rebuilt aside and swapped; incremental: changed documents patched in; unchanged: nothing to do. */
  mode: 'full' | 'incremental' | 'unchanged';
  added: string[];
  changed: string[];
  removed: string[];
  skipped: SkippedDocument[];
  documents: number;
  passagesBefore: number;
  passagesAfter: number;
  ms: number;
  /** False when the new index serves but could not be written to DATA_DIR. */
  saved: boolean;
  saveError?: string;
}

export function describeReport(r: ReindexReport): string {
  const lines = [
    `${r.mode} reindex in ${r.ms} ms: ${r.documents} documents, passages ${r.passagesBefore} → ${r.passagesAfter}`,
    `added ${r.added.length}, changed ${r.changed.length}, removed ${r.removed.length}, skipped ${r.skipped.length}`,
  ];
  for (const id of r.added) lines.push(`  + ${id}`);
  for (const id of r.changed) lines.push(`  ~ ${id}`);
  for (const id of r.removed) lines.push(`  - ${id}`);
  for (const s of r.skipped) lines.push(`  ! ${s.file}: ${s.reason}`);
  if (!r.saved) lines.push(`warning: the index serves but was not saved (${r.saveError ?? 'unknown error'})`);
  return lines.join('\n');
}
