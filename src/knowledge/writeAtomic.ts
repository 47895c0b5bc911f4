/** Writes a knowledge file whole or not at all: a hidden temp file in the same folder, then a rename. */

import { randomBytes } from 'node:crypto';
import { link, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export class FileExistsError extends Error {
  override name = 'FileExistsError';
}

export async function writeFileAtomic(
  dir: string,
  name: string,
  bytes: Buffer,
  options: { replace: boolean },
): Promise<void> {
  // A leading dot: the knowledge scan never reads it, even half-written.
  const temp = path.join(dir, `.upload-${randomBytes(6).toString('hex')}.tmp`);
  const target = path.join(dir, name);
  await writeFile(temp, bytes, { flag: 'wx' });
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
