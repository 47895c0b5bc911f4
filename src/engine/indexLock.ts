import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { acquireLock, type HeldLock, LockBusyError } from '../store/processLock.js';
import { ReindexBusyError } from './reindexBusyError.js';

/** DATA_DIR/index.lock: held by whichever process (bot or CLI) writes the index. */
export const INDEX_LOCK = 'index.lock';

interface LockLogger {
  warn(obj: object, msg?: string): void;
}

/** Runs `work` holding the data folder's index lock; a live holder elsewhere makes it a ReindexBusyError. */
export async function withIndexLock<T>(
  dataDir: string,
  purpose: string,
  logger: LockLogger,
  work: () => Promise<T>,
): Promise<T> {
  await mkdir(dataDir, { recursive: true });
  let lock: HeldLock;
  try {
    lock = await acquireLock(join(dataDir, INDEX_LOCK), purpose, {
      onStaleCleared: (holder, why) => logger.warn({ holder, why }, 'stale index lock cleared'),
    });
  } catch (error) {
    if (error instanceof LockBusyError) throw new ReindexBusyError(error.holder);
    throw error;
  }
  try {
    return await work();
  } finally {
    await lock.release();
  }
}
