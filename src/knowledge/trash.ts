import { TrashError } from './errors.js';
/**
 * Removed knowledge files go to DATA_DIR/trash (moved, never deleted) and can come back, also when
 * the two folders are on different file systems (see moveFile).
 */

import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathExists } from '../util/pathExists.js';
import { NotRegularFileError } from './errors.js';
import { type FileOps, fileOps, moveFile } from './moveFile.js';
import { oneChangeAtATime } from './oneChangeAtATime.js';

const TRASH = 'trash';
/** Trash names tried for one removal before giving up (each a millisecond later than the last). */
const MAX_NAME_TRIES = 1000;
/** `2026-11-24T23-26-28-123Z-` : the ISO time of the removal, colons and dot made file-name safe. */
const STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-(.+)$/;

export function trashDir(dataDir: string): string {
  return path.join(dataDir, TRASH);
}

export function trashedName(file: string, now: Date): string {
  return `${now.toISOString().replace(/[:.]/g, '-')}-${file}`;
}

/** The knowledge file name a trashed file came from, or null for a name that is not ours. */
export function originalName(trashed: string): string | null {
  return STAMP.exec(trashed)?.[1] ?? null;
}

/** A plain file name: no folder part, nothing that walks out of the folder. */
function isPlainName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name);
}

/** Moves `file` out of the knowledge folder into the trash (one change at a time); returns the trashed name. */
export async function moveToTrash(
  knowledgeDir: string,
  dataDir: string,
  file: string,
  now = new Date(),
  ops: FileOps = fileOps,
): Promise<string> {
  if (!isPlainName(file)) throw new TrashError(`not a file name: ${file}`);
  return oneChangeAtATime(knowledgeDir, () => trashFile(knowledgeDir, dataDir, file, now, ops));
}

async function trashFile(
  knowledgeDir: string,
  dataDir: string,
  file: string,
  now: Date,
  ops: FileOps,
): Promise<string> {
  const dir = trashDir(dataDir);
  await mkdir(dir, { recursive: true });
  // Two removals within the same millisecond still never overwrite each other: the move refuses a
  // taken name, and the next millisecond's name is tried.
  for (let n = 0; ; n++) {
    const name = trashedName(file, new Date(now.getTime() + n));
    try {
      await moveFile(path.join(knowledgeDir, file), path.join(dir, name), ops);
      return name;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && n < MAX_NAME_TRIES) continue;
      if (code === 'ENOENT') throw new TrashError(`${file} is not in the knowledge folder`);
      if (error instanceof NotRegularFileError)
        throw new TrashError(
          `${file} is not a regular file (a link?) and the trash is on another file system`,
        );
      throw error;
    }
  }
}

/** Moves a trashed file back under its original name (one change at a time); refuses when that name is taken. */
export async function restoreFromTrash(
  knowledgeDir: string,
  dataDir: string,
  trashed: string,
  ops: FileOps = fileOps,
): Promise<string> {
  const original = isPlainName(trashed) ? originalName(trashed) : null;
  if (!original) throw new TrashError(`${trashed} is not a file in the trash`);
  return oneChangeAtATime(knowledgeDir, () => restoreFile(knowledgeDir, dataDir, trashed, original, ops));
}

async function restoreFile(
  knowledgeDir: string,
  dataDir: string,
  trashed: string,
  original: string,
  ops: FileOps,
): Promise<string> {
  const from = path.join(trashDir(dataDir), trashed);
  if (!(await pathExists(from))) throw new TrashError(`${trashed} is not a file in the trash`);
  const to = path.join(knowledgeDir, original);
  const taken = () =>
    new TrashError(`a file named ${original} is already in the knowledge folder; remove or rename it first`);
  if (await pathExists(to)) throw taken();
  try {
    await moveFile(from, to, ops);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw taken();
    throw error;
  }
  return original;
}

/** Trashed files, newest first. */
export async function listTrash(dataDir: string): Promise<string[]> {
  const names = await readdir(trashDir(dataDir)).catch(() => [] as string[]);
  return names.filter((n) => originalName(n) !== null).sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
}
