import { FileExistsError } from './errors.js';
/** Writes a knowledge file whole or not at all: a hidden temp file in the same folder, then a rename. */

import { randomBytes } from 'node:crypto';
import { link, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { crashPoint } from '../util/crashPoint.js';

export const TEMP_PREFIX = '.upload-';

export async function writeFileAtomic(
  dir: string,
  name: string,
  bytes: Buffer,
  options: { replace: boolean },
): Promise<void> {
  // A leading dot: the knowledge scan never reads it, even half-written.
  const temp = path.join(dir, `${TEMP_PREFIX}${randomBytes(6).toString('hex')}.tmp`);
  const target = path.join(dir, name);
  await writeFile(temp, bytes, { flag: 'wx' });
  crashPoint('add:temp-written');
  try {
    if (options.replace) await rename(temp, target);
    else {
      // link() fails if the name is taken, where a rename would overwrite it.
      await link(temp, target).catch((error: NodeJS.ErrnoException) => {
        throw error.code === 'EEXIST' ? new FileExistsError(name) : error;
      });
    }
  } finally {
    await rm(temp, { force: true });
  }
}

/**
 * Removes temporary upload files a killed process left behind, once older than `olderThanMs` (a
 * younger one may be an upload in progress). Returns the names removed.
 */
export async function sweepAbandonedUploads(
  dir: string,
  olderThanMs: number,
  now = Date.now(),
): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(TEMP_PREFIX) || !name.endsWith('.tmp')) continue;
    const file = path.join(dir, name);
    const stats = await stat(file).catch(() => null);
    if (!stats || now - stats.mtimeMs <= olderThanMs) continue;
    await rm(file, { force: true });
    removed.push(name);
  }
  return removed;
}
