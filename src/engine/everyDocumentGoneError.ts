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
