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
  let lock: HeldLock;
  try {
    await mkdir(dataDir, { recursive: true });
    lock = await acquireLock(join(dataDir, INDEX_LOCK), purpose, {
      onStaleCleared: (holder, why) => logger.warn({ holder, why }, 'stale index lock cleared'),
    });
  } catch (error) {
    if (error instanceof LockBusyError) throw new ReindexBusyError(error.holder);
    // A data folder that cannot take a lock file cannot take a saved index either: nothing on
    // disk can conflict, and the index still serves from memory.
    logger.warn({ reason: (error as Error).message }, 'index lock unavailable; going on without it');
    return work();
  }
  try {
    return await work();
  } finally {
    await lock.release();
  }
}
