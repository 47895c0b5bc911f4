import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { LockBusyError } from '../indexStore/errors.js';
import { acquireLock, type HeldLock } from '../indexStore/processLock.js';
import type { Log } from '../log/log.js';
import { LockLostError, ReindexBusyError } from './errors.js';

/** DATA_DIR/index.lock: held by whichever process (bot or CLI) writes the index. */
export const INDEX_LOCK = 'index.lock';

/** Errors that mean the data folder cannot take files at all (so it cannot take a saved index either). */
const UNWRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'ENOSPC']);

/** Throws when this process no longer holds the lock: called right before the saved index changes. */
export type Fence = () => Promise<void>;

/** The index locks this process holds now, for a process that must exit before its work ends. */
const held = new Set<HeldLock>();

/** Releases every index lock this process holds (closing after an uncaught exception). */
export async function releaseIndexLocks(): Promise<void> {
  await Promise.allSettled([...held].map((lock) => lock.release()));
}

/** Runs `work` holding the data folder's index lock; a live holder elsewhere makes it a ReindexBusyError. */
export async function withIndexLock<T>(
  dataDir: string,
  purpose: string,
  logger: Log,
  work: (fence: Fence) => Promise<T>,
): Promise<T> {
  let lock: HeldLock;
  try {
    await mkdir(dataDir, { recursive: true });
    lock = await acquireLock(join(dataDir, INDEX_LOCK), purpose, {
      onStaleCleared: (holder, why) => logger.warn({ holder, why }, 'stale index lock cleared'),
    });
  } catch (error) {
    if (error instanceof LockBusyError) throw new ReindexBusyError(error.holder);
    if (!UNWRITABLE.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    // A data folder that cannot take a lock file cannot take a saved index either: nothing on
    // disk can conflict, and the index still serves from memory.
    logger.warn({ reason: (error as Error).message }, 'index lock unavailable; going on without it');
    return work(async () => {});
  }
  const fence: Fence = async () => {
    if (!(await lock.stillHeld())) throw new LockLostError();
  };
  held.add(lock);
  try {
    return await work(fence);
  } finally {
    held.delete(lock);
    await lock.release();
  }
}
