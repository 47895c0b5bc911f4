import { Engine, type EngineOptions } from '../engine/engine.js';
import { type FolderChanges, folderChanges, isStale } from '../engine/folderChanges.js';
import { KnowledgeFolderError } from '../knowledge/errors.js';

export interface ReaderOptions extends Pick<EngineOptions, 'knowledgeDir' | 'dataDir' | 'logger'> {
  /** Bring the index up to date with the folder first (takes the index lock and saves), as the bot does. */
  sync: boolean;
  /** Where the one-line notice about the saved index goes (stderr). */
  notice: (line: string) => void;
}

export function describeStaleness(changes: FolderChanges): string {
  const counts = [
    [changes.added.length, 'added'],
    [changes.changed.length, 'changed'],
    [changes.removed.length, 'removed'],
  ] as const;
  const parts = counts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  if (changes.aliases) parts.push('aliases.txt changed');
  return `note: the knowledge folder changed since the saved index was built (${parts.join(', ')}); answers come from the saved index. Run \`npm run reindex\` to update it, or add --sync.`;
}

/**
 * The index a reading command (ask, eval) answers from: the saved one, loaded without the index lock
 * and without writing anything, with one line when the folder has changed since (names and file
 * fingerprints, no document read). With no saved index one is built (and saved) first, as on a
 * first run; `sync` reindexes first, as the bot does at start.
 */
export async function openReader({ sync, notice, ...engine }: ReaderOptions): Promise<Engine> {
  if (sync) return Engine.open(engine);
  const reader = await Engine.open({ ...engine, syncOnOpen: false });
  if (reader.savedGeneration === null) {
    await reader.reindex();
    return reader;
  }
  try {
    const changes = await folderChanges(engine.knowledgeDir, reader.current, reader.knowledge.skipped());
    if (isStale(changes)) notice(describeStaleness(changes));
  } catch (error) {
    if (!(error instanceof KnowledgeFolderError)) throw error;
    notice(`note: ${error.message}; answers come from the saved index.`);
  }
  return reader;
}
