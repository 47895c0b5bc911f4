import { NotRegularFileError } from './errors.js';
/**
 * Moves a file without ever overwriting one already at the destination (another file could appear
 * there between any check and the move). A regular file is hard-linked under its new name, which
 * fails with EEXIST if the name is taken, then its old name is unlinked. Between file systems
 * (KNOWLEDGE_DIR and DATA_DIR on two Docker volumes, where a link fails with EXDEV) it is copied under
 * a hidden temporary name in the destination folder, synced, linked into place and only then is the
 * source unlinked. A crash at any point leaves the document whole in at least one of the two places,
 * never in neither. Where the file system has no hard links, a rename after checking the name is free
 * is the best there is.
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

/** What link() says on a file system that has no hard links (or no more for this file). */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK']);

const exists = (file: string) =>
  lstat(file).then(
    () => true,
    (error: unknown) => {
      if (code(error) === 'ENOENT') return false;
      throw error;
    },
  );

const taken = (to: string) =>
  Object.assign(new Error(`EEXIST: file already exists, ${to}`), { code: 'EEXIST', path: to });

/** A rename that refuses a taken name; only as good as the check, for where links cannot be had. */
async function renameUnlessTaken(from: string, to: string, ops: FileOps): Promise<void> {
  if (await exists(to)) throw taken(to);
  await ops.rename(from, to);
}

/** Moves `from` to `to`, failing with EEXIST when `to` exists; see above. */
export async function moveFile(from: string, to: string, ops: FileOps = fileOps): Promise<void> {
  const regular = (await lstat(from)).isFile();
  if (!regular) {
    // A link (or anything else) is never copied: the copy would be whatever it points at.
    try {
      return await renameUnlessTaken(from, to, ops);
    } catch (error) {
      if (code(error) !== 'EXDEV') throw error;
      throw new NotRegularFileError(`${path.basename(from)} is not a regular file`);
    }
  }
  let linked = false;
  try {
    await ops.link(from, to);
    linked = true;
  } catch (error) {
    if (NO_LINKS.has(code(error) ?? '')) {
      try {
        return await renameUnlessTaken(from, to, ops);
      } catch (renameError) {
        if (code(renameError) !== 'EXDEV') throw renameError;
      }
    } else if (code(error) !== 'EXDEV') throw error;
  }
  if (linked) await syncNewName(to, ops);
  else await copyIntoPlace(from, to, ops);
  // The document is in both places now; the source goes last.
  try {
    await ops.unlink(from);
  } catch (error) {
    // Still there: undo the new name, so the move did not happen. Already gone: the new name is the document.
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
    await ops.link(temp, to).catch((error: unknown) => {
      if (!NO_LINKS.has(code(error) ?? '')) throw error;
      return renameUnlessTaken(temp, to, ops);
    });
  } finally {
    await ops.unlink(temp).catch(() => {});
  }
  await syncNewName(to, ops);
}

/** Puts the name `to` on disk before its source goes; if that fails, the name is taken back. */
async function syncNewName(to: string, ops: FileOps): Promise<void> {
  try {
    await ops.syncDir(path.dirname(to));
  } catch (error) {
    await ops.unlink(to).catch(() => {});
    throw error;
  }
}
