import { readFile } from 'node:fs/promises';
import type { LockHolder } from '../../src/indexStore/processLock.js';

/** The holder a lock file names, as acquireLock writes it; null when there is no file or it is not JSON. */
export async function readLockHolder(file: string): Promise<LockHolder | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as LockHolder;
  } catch (error) {
    if (error instanceof SyntaxError || (error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
