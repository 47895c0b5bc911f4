import type { LockHolder } from '../indexStore/processLock.js';

/**
 * An automatic reindex (start-up sync, watch mode, the folder coming back) found none of the indexed
 * documents in the knowledge folder: an empty folder Docker made for a missing bind mount, say. It is
 * refused, so the index keeps serving; a moderator's reindex applies it on purpose.
 */
export class EveryDocumentGoneError extends Error {
  override name = 'EveryDocumentGoneError';
  constructor(
    readonly indexed: number,
    readonly dir: string,
  ) {
    super(
      `the knowledge folder ${dir} holds none of the ${indexed} indexed documents (empty, or not the folder meant?); automatic reindexing would remove them all`,
    );
  }
}

/** What the log tells an operator to do about it. */
export const EVERY_DOCUMENT_GONE_ADVICE =
  'to remove every document on purpose, run /reindex update (a moderator) or npm run reindex';

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

/** A rollback that cannot be made (no previous index, or one that cannot be read): the current one keeps serving. */
export class RollbackError extends Error {
  override name = 'RollbackError';
}

/** An automatic reindex (start-up, watch) while a rolled-back index serves: it waits for a moderator's. */
export class ReindexPausedError extends Error {
  override name = 'ReindexPausedError';
  constructor(readonly rolledBack: { from: string; at: string }) {
    super('a rolled-back index serves; automatic reindexing is paused until a moderator reindexes');
  }
}

/** The fence: this process lost the index lock while stalled, so its work is not made current. */
export class LockLostError extends Error {
  override name = 'LockLostError';
  constructor() {
    super('the index lock was taken over while this process was stalled; nothing was saved');
  }
}

/** A full rebuild beside the served index would not fit the heap (rebuildRoom.ts): the index as it was keeps serving. */
export class RebuildTooLargeError extends Error {
  override name = 'RebuildTooLargeError';
}
