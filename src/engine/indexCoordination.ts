import type { Log } from '../log/log.js';
import { type Fence, withIndexLock } from './indexLock.js';

/**
 * How the processes that share one saved index (the bot's replicas, a command-line reindex) take
 * turns writing it and hear of each other's: a lock, and an announcement of each new generation.
 */
export interface IndexCoordination {
  /** Runs `work` holding the writer lock; rejects with ReindexBusyError while another holds it. */
  withWriterLock<T>(purpose: string, work: (fence: Fence) => Promise<T>): Promise<T>;
  /** Tells the others that a new generation is current (they read it from DATA_DIR). */
  announce(generation: string | null): Promise<void>;
  /** Calls `heard` when another process announces one; returns a stop function. */
  listen(heard: () => void): () => void;
  close(): Promise<void>;
}

/**
 * One host: the PID lock file in DATA_DIR, and no announcement (the others notice the pointer change
 * by polling it).
 */
export function fileCoordination(dataDir: string, logger: Log): IndexCoordination {
  return {
    withWriterLock: (purpose, work) => withIndexLock(dataDir, purpose, logger, work),
    announce: async () => {},
    listen: () => () => {},
    close: async () => {},
  };
}
