import type { LockHolder } from '../indexStore/processLock.js';

/** Another reindex or rollback is running: in this process, or (with `holder`) in another one. */
export class ReindexBusyError extends Error {
  override name = 'ReindexBusyError';
  constructor(readonly holder?: LockHolder) {
    super(
      holder
        ? `another process is writing the index (pid ${holder.pid}, ${holder.purpose}, since ${holder.since})`
        : 'a reindex is already running',
    );
  }
}
