import { sameFingerprint } from '../knowledge/fingerprint.js';
import { listKnowledgeFolder } from '../knowledge/knowledgeFolder.js';
import { loadAliasGroups } from '../knowledge/loadAliases.js';
import { statAll } from '../knowledge/loadKnowledge.js';
import type { SearchState } from '../search/searchState.js';
import type { SkippedDocument } from '../types.js';

/** Files of the knowledge folder that differ from a saved index, found without reading any document. */
export interface FolderChanges {
  added: string[];
  changed: string[];
  removed: string[];
  /** aliases.txt gives other groups than the index was built with. */
  aliases: boolean;
}

export function isStale(changes: FolderChanges): boolean {
  return changes.added.length + changes.changed.length + changes.removed.length > 0 || changes.aliases;
}

/**
 * What a reindex would look at, by file name and size/timestamps against the index's fingerprints
 * (only aliases.txt is read). A document indexed without a fingerprint counts as changed when it
 * changed after the index was built. A file skipped then is not new: whether it can be read now
 * is for validate-knowledge to say. Throws KnowledgeFolderError when the folder cannot be listed.
 */
export async function folderChanges(
  dir: string,
  state: SearchState,
  skipped: readonly SkippedDocument[],
): Promise<FolderChanges> {
  const names = (await listKnowledgeFolder(dir)).documents;
  const stats = await statAll(dir, names);
  const indexed = new Map([...state.documents.values()].map((d) => [d.file, d]));
  const skippedFiles = new Set(skipped.map((s) => s.file));
  const builtAt = Date.parse(state.builtAt);
  const changes: FolderChanges = { added: [], changed: [], removed: [], aliases: false };
  for (const [i, name] of names.entries()) {
    const doc = indexed.get(name);
    const stat = stats[i];
    indexed.delete(name);
    if (!doc) {
      if (!skippedFiles.has(name)) changes.added.push(name);
    } else if (
      stat === undefined ||
      stat instanceof Error ||
      (doc.fingerprint ? !sameFingerprint(doc.fingerprint, stat) : stat.ctimeMs > builtAt)
    )
      changes.changed.push(name);
  }
  changes.removed = [...indexed.keys()].sort();
  const { groups } = await loadAliasGroups(dir);
  changes.aliases = JSON.stringify(groups) !== JSON.stringify(state.aliasGroups);
  return changes;
}
