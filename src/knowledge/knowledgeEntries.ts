/** What /knowledge list shows: every file of the knowledge folder the index knows of, indexed or skipped. */

import type { SkippedDocument } from '../types.js';

export interface KnowledgeEntry {
  file: string;
  /** Passages when indexed; absent when skipped. */
  passages?: number;
  /** Why the file is not indexed. */
  reason?: string;
  /** When the index took the document in (ISO), if known. */
  addedAt?: string;
}

export function knowledgeEntries(
  documents: Iterable<{ file: string; passageIds: readonly string[]; addedAt?: string }>,
  skipped: readonly SkippedDocument[],
): KnowledgeEntry[] {
  const entries: KnowledgeEntry[] = [
    ...[...documents].map((d) => {
      const entry: KnowledgeEntry = { file: d.file, passages: d.passageIds.length };
      if (d.addedAt) entry.addedAt = d.addedAt;
      return entry;
    }),
    ...skipped.map((s) => ({ file: s.file, reason: s.reason })),
  ];
  return entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
