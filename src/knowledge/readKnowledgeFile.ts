/**
 * Reads one file of the knowledge folder safely: only a regular file that is itself in the folder (never
 * through a symbolic link, never a FIFO, device or socket), and never more than the size limit, whatever
 * its size claims. Anything else comes back as a reason, for the file to be skipped with it.
 */

import { constants, type Stats } from 'node:fs';
import { lstat, open, realpath } from 'node:fs/promises';
import path from 'node:path';
import { tooLargeReason } from './loadDocument.js';

export type KnowledgeFileRead =
  | { bytes: Buffer; stats: Stats }
  /** `code` is the error code when the file could not be looked at (ENOENT: it is gone). */
  | { reason: string; code?: string };

/** Bytes read at a time when the size gives no better guess (a size of 0 may be a lie: /proc files). */
const READ_CHUNK = 64 * 1024;
// Windows has neither: there the handle's identity is compared with the lstat below instead.
const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const O_NONBLOCK = constants.O_NONBLOCK ?? 0;

export function isReadFailure(read: KnowledgeFileRead): read is { reason: string; code?: string } {
  return 'reason' in read;
}

/**
 * `dir` is the knowledge folder, `name` a plain file name in it. `seen` is the file's lstat when the
 * caller has it already. The type is checked before opening (a FIFO would block the open) and again on
 * the opened handle (the name may have been swapped for a link or a pipe in between).
 */
export async function readKnowledgeFile(
  dir: string,
  name: string,
  maxBytes: number,
  seen?: Stats,
): Promise<KnowledgeFileRead> {
  const file = path.join(dir, name);
  let before: Stats;
  try {
    before = seen ?? (await lstat(file));
  } catch (error) {
    return cannotRead(error);
  }
  if (before.isSymbolicLink()) return { reason: await symlinkReason(dir, file) };
  const notRegular = notRegularReason(before);
  if (notRegular) return { reason: notRegular };
  // Checked before reading so that a huge stray file is never read into memory.
  if (before.size > maxBytes) return { reason: tooLargeReason(before.size, maxBytes) };

  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, constants.O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') return { reason: await symlinkReason(dir, file) };
    return cannotRead(error);
  }
  try {
    const stats = await handle.stat();
    const changed = notRegularReason(stats);
    if (changed) return { reason: changed };
    if (!O_NOFOLLOW && (stats.dev !== before.dev || stats.ino !== before.ino))
      return { reason: 'changed while it was being read: not read this time' };
    const bytes = await readAtMost(handle, maxBytes + 1, stats.size);
    if (bytes.length > maxBytes) return { reason: `too large: over the ${maxBytes}-byte limit` };
    return { bytes, stats };
  } catch (error) {
    return cannotRead(error);
  } finally {
    await handle.close();
  }
}

function cannotRead(error: unknown): { reason: string; code?: string } {
  const code = (error as NodeJS.ErrnoException).code;
  return { reason: `cannot read file: ${(error as Error).message}`, ...(code ? { code } : {}) };
}

function notRegularReason(stats: Stats): string | null {
  if (stats.isFile()) return null;
  const what = stats.isFIFO()
    ? 'a FIFO (named pipe)'
    : stats.isSocket()
      ? 'a socket'
      : stats.isCharacterDevice() || stats.isBlockDevice()
        ? 'a device'
        : stats.isDirectory()
          ? 'a folder'
          : stats.isSymbolicLink()
            ? 'a symbolic link'
            : 'something other than a file';
  return `${what}, not a regular file: not read`;
}

/**
 * Every link is skipped, even one to a file inside the folder: that file is read under its own name
 * anyway, and the reindex would track the link's timestamps rather than its target's. Where it points is
 * told only to say why, never shown.
 */
async function symlinkReason(dir: string, file: string): Promise<string> {
  let target: string;
  let folder: string;
  try {
    [target, folder] = await Promise.all([realpath(file), realpath(dir)]);
  } catch {
    return 'symbolic link to nothing (a broken link): not read';
  }
  return isInside(folder, target)
    ? 'symbolic link: not read; only regular files are (keep the file itself in the knowledge folder)'
    : 'symbolic link to a file outside the knowledge folder: not read';
}

function isInside(folder: string, target: string): boolean {
  const relative = path.relative(folder, target);
  return (
    relative !== '' &&
    relative !== '..' &&
    !relative.startsWith(`..${path.sep}`) &&
    !path.isAbsolute(relative)
  );
}

/** Reads until end of file or `limit` bytes, whichever comes first. */
async function readAtMost(
  handle: Awaited<ReturnType<typeof open>>,
  limit: number,
  sizeHint: number,
): Promise<Buffer> {
  let buffer = Buffer.allocUnsafe(Math.min(limit, Math.max(sizeHint + 1, READ_CHUNK)));
  let length = 0;
  while (length < limit) {
    if (length === buffer.length) {
      const grown = Buffer.allocUnsafe(Math.min(limit, buffer.length * 2));
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
    if (bytesRead === 0) break;
    length += bytesRead;
  }
  // A size that lied leaves a mostly empty buffer: keep only what was read.
  return buffer.length - length > 4096 ? Buffer.from(buffer.subarray(0, length)) : buffer.subarray(0, length);
}
