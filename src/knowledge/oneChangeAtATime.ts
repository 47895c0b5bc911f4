/**
 * The bot's changes to a knowledge folder (/knowledge add, remove, restore) run one at a time: what a
 * change found in the folder (a free name, the same document to replace) still holds when it writes.
 * Only the bot writes to the folder this way, so a queue in its process is enough; edits made on disk
 * by hand meanwhile are a reindex's business, not this one's.
 */

import path from 'node:path';

interface Queue {
  tail: Promise<unknown>;
  /** Changes queued or running. */
  pending: number;
}

const queues = new Map<string, Queue>();

/** Runs `change` once every change to `dir` queued before it has settled. */
export function oneChangeAtATime<T>(dir: string, change: () => Promise<T>): Promise<T> {
  const key = path.resolve(dir);
  const queue = queues.get(key) ?? { tail: Promise.resolve(), pending: 0 };
  queues.set(key, queue);
  queue.pending++;
  const run = queue.tail.then(change);
  queue.tail = run
    .catch(() => {})
    .finally(() => {
      if (--queue.pending === 0) queues.delete(key);
    });
  return run;
}

/** Changes to `dir` queued or running now. */
export function changesPending(dir: string): number {
  return queues.get(path.resolve(dir))?.pending ?? 0;
}
