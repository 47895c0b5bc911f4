/** The state database cannot be used as it is; the message says why and what to do, in one line. */
export class StateError extends Error {
  override readonly name = 'StateError';
}

/** A write for a feed that was removed meanwhile (a moderator's /feeds remove during its poll). */
export class FeedRemovedError extends Error {
  override readonly name = 'FeedRemovedError';
}

/**
 * The state database failed after start (down, unreachable, read-only now): the member is told in a
 * sentence, the operator in the log, and the next request tries again.
 */
export class StateUnavailableError extends Error {
  override readonly name = 'StateUnavailableError';
}

/** SQLite's codes for a file that cannot be read or written now (a full disk, a lost mount, a lock). */
const SQLITE_UNAVAILABLE = /^SQLITE_(READONLY|IOERR|FULL|BUSY|LOCKED|CANTOPEN|CORRUPT|NOTADB)/;

/** Whether an error is the state database failing now (either engine), not a bug in the caller. */
export function isStateUnavailable(error: unknown): boolean {
  if (error instanceof StateUnavailableError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return (
    error instanceof Error &&
    error.name === 'SqliteError' &&
    typeof code === 'string' &&
    SQLITE_UNAVAILABLE.test(code)
  );
}
