/**
 * The bot's changes to a knowledge folder (/knowledge add, remove, restore) run one at a time: what a
 * change found in the folder (a free name, the same document to replace) still holds when it writes.
 * Only the bot writes to the folder this way, so a queue in its process is enough; edits made on disk
 * by hand meanwhile are a reindex's business, not this one's.
 */

import path from 'node:path';
import { FifoQueue } from '../util/fifoQueue.js';

/** A folder's queue, while it has changes queued or running. */
const queues = new Map<string, FifoQueue>();

/** Runs `change` once every change to `dir` queued before it has settled. */
export function oneChangeAtATime<T>(dir: string, change: () => Promise<T>): Promise<T> {
  const key = path.resolve(dir);
  let queue = queues.get(key);
  if (!queue) {
    queue = new FifoQueue(() => queues.delete(key));
    queues.set(key, queue);
  }
  return queue.run(change);
}

/** Changes to `dir` queued or running now. */
export function changesPending(dir: string): number {
  return queues.get(path.resolve(dir))?.pending ?? 0;
}
