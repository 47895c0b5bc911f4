import type { KnowledgeScan } from '../knowledge/loadKnowledge.js';
import type { IndexedDocument } from '../search/searchState.js';
import type { KnowledgeDocument } from '../types.js';

export interface KnowledgeDiff {
  added: KnowledgeDocument[];
  changed: KnowledgeDocument[];
  removed: string[];
  unchanged: string[];
}

/** What a reindex has to do: documents compared with the index by id and content hash. */
export function diffKnowledge(
  indexed: ReadonlyMap<string, IndexedDocument>,
  found: Pick<KnowledgeScan, 'documents' | 'unchanged'>,
): KnowledgeDiff {
  const diff: KnowledgeDiff = { added: [], changed: [], removed: [], unchanged: [] };
  const seen = new Set<string>();
  for (const { id, file, hash } of found.unchanged) {
    seen.add(id);
    const before = indexed.get(id);
    // Not read because it matched the index's fingerprint, so it is indexed as it is.
    if (before && before.hash === hash && before.file === file) diff.unchanged.push(id);
  }
  for (const doc of found.documents) {
    seen.add(doc.id);
    const before = indexed.get(doc.id);
    if (!before) diff.added.push(doc);
    else if (before.hash !== doc.hash || before.file !== doc.file) diff.changed.push(doc);
    else diff.unchanged.push(doc.id);
  }
  for (const id of indexed.keys()) if (!seen.has(id)) diff.removed.push(id);
  return diff;
}

export function isEmptyDiff(diff: KnowledgeDiff): boolean {
  return diff.added.length === 0 && diff.changed.length === 0 && diff.removed.length === 0;
}
