/**
 * Moves a file, also between file systems (KNOWLEDGE_DIR and DATA_DIR on two Docker volumes, where
 * rename fails with EXDEV): then a copy under a hidden temporary name in the destination folder,
 * synced, linked into place (never over an existing file), and only then the source unlinked. A crash
 * at any point leaves the document whole in at least one of the two places, never in neither.
 */

import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, lstat, open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { TEMP_PREFIX } from './writeAtomic.js';

/** The file-system operations a move uses; tests replace some (a rename that fails with EXDEV). */
export interface FileOps {
  rename(from: string, to: string): Promise<void>;
  copyFile(from: string, to: string, mode: number): Promise<void>;
  link(existing: string, newPath: string): Promise<void>;
  unlink(file: string): Promise<void>;
  /** Flushes a file's content to disk. */
  syncFile(file: string): Promise<void>;
  /** Flushes a folder's entries (names created or removed) to disk. */
  syncDir(dir: string): Promise<void>;
}

/** Only a regular file is copied: a copy of a link would be a copy of whatever it points at. */
export class NotRegularFileError extends Error {
  override name = 'NotRegularFileError';
}

const code = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code;

async function fsync(target: string): Promise<void> {
  const handle = await open(target, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Platforms that cannot fsync a folder say so with these; there is nothing more to do there. */
const NO_DIR_SYNC = new Set(['EINVAL', 'EISDIR', 'EPERM', 'EBADF', 'ENOTSUP']);

export const fileOps: FileOps = {
  rename,
  copyFile,
  link,
  unlink,
  syncFile: fsync,
  syncDir: (dir) =>
    fsync(dir).catch((error: unknown) => {
      if (!NO_DIR_SYNC.has(code(error) ?? '')) throw error;
    }),
};

/** Moves `from` to `to`. A plain rename where it can; see above where it cannot. */
export async function moveFile(from: string, to: string, ops: FileOps = fileOps): Promise<void> {
  try {
    await ops.rename(from, to);
    return;
  } catch (error) {
    if (code(error) !== 'EXDEV') throw error;
  }
  if (!(await lstat(from)).isFile())
    throw new NotRegularFileError(`${path.basename(from)} is not a regular file`);
  await copyIntoPlace(from, to, ops);
  // The document is in both places now; the source goes last.
  try {
    await ops.unlink(from);
  } catch (error) {
    // Still there: undo the copy, so the move did not happen. Already gone: the copy is the document.
    if (code(error) !== 'ENOENT') {
      await ops.unlink(to).catch(() => {});
      throw error;
    }
  }
  // Should the unlink not reach the disk before a crash, the document is back in both places: not lost.
  await ops.syncDir(path.dirname(from)).catch(() => {});
}

/** A durable copy of `from` at `to`, which must not exist (EEXIST otherwise); `from` is untouched. */
async function copyIntoPlace(from: string, to: string, ops: FileOps): Promise<void> {
  const dir = path.dirname(to);
  // Hidden, and named like an upload in progress: the knowledge scan skips it and start-up sweeps it.
  const temp = path.join(dir, `${TEMP_PREFIX}${randomBytes(6).toString('hex')}.tmp`);
  try {
    await ops.copyFile(from, temp, constants.COPYFILE_EXCL);
    await ops.syncFile(temp);
    // link() fails if the name is taken, where a rename would overwrite it.
    await ops.link(temp, to);
  } finally {
    await ops.unlink(temp).catch(() => {});
  }
  try {
    await ops.syncDir(dir);
  } catch (error) {
    await ops.unlink(to).catch(() => {});
    throw error;
  }
}
