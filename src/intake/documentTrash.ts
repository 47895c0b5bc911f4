/** /knowledge remove and restore: a document into DATA_DIR/trash (never deleted) and back, each followed by a reindex. */

import type { KnowledgeReader } from '../engine/knowledgeReader.js';
import { TrashError } from '../knowledge/errors.js';
import { type DocumentMatch, findDocument, type ListedFile } from '../knowledge/findDocument.js';
import { listTrash, moveToTrash, originalName, restoreFromTrash } from '../knowledge/trash.js';
import type { IntakeDeps } from './intakeDeps.js';
import { type ReindexOutcome, reindexAfterChange } from './reindexAfterChange.js';

type Listed = Pick<KnowledgeReader, 'documents' | 'skipped'>;

/** A move done (`file`: the name it has now), or why not (`reason`: one sentence without its full stop). */
export type TrashMove =
  | { kind: 'moved'; file: string; reindex: ReindexOutcome }
  | { kind: 'refused'; reason: string };

/** What /knowledge list shows: indexed documents (with their id and title) and skipped files. */
export function listedFiles(knowledge: Listed): ListedFile[] {
  return [
    ...[...knowledge.documents()].map((d) => ({ file: d.file, id: d.id, title: d.meta.title })),
    ...knowledge.skipped().map((s) => ({ file: s.file })),
  ];
}

/** The file a moderator means by what they typed: its file name, its id or its title. */
export function documentToRemove(typed: string, knowledge: Listed): DocumentMatch {
  return findDocument(typed, listedFiles(knowledge));
}

/** The trash, newest first: each trashed name with the name it had in the knowledge folder (null if not ours). */
export async function trashedFiles(dataDir: string): Promise<{ name: string; original: string | null }[]> {
  return (await listTrash(dataDir)).map((name) => ({ name, original: originalName(name) }));
}

/** `file` of the knowledge folder into the trash; `file` of the move is its name there. */
export function trashDocument(file: string, deps: IntakeDeps): Promise<TrashMove> {
  return moved(() => moveToTrash(deps.config.knowledgeDir, deps.config.dataDir, file), deps);
}

/** A trashed file back into the knowledge folder under its own name. */
export function restoreTrashed(trashed: string, deps: IntakeDeps): Promise<TrashMove> {
  return moved(() => restoreFromTrash(deps.config.knowledgeDir, deps.config.dataDir, trashed), deps);
}

async function moved(move: () => Promise<string>, deps: IntakeDeps): Promise<TrashMove> {
  let file: string;
  try {
    file = await move();
  } catch (error) {
    if (error instanceof TrashError) return { kind: 'refused', reason: error.message };
    throw error;
  }
  return { kind: 'moved', file, reindex: await reindexAfterChange(deps.engine) };
}
