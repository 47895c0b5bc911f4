/** The state database cannot be used as it is; the message says why and what to do, in one line. */
export class StateError extends Error {
  override readonly name = 'StateError';
}

/** A write for a feed that was removed meanwhile (a moderator's /feeds remove during its poll). */
export class FeedRemovedError extends Error {
  override readonly name = 'FeedRemovedError';
}
