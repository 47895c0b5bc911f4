/** The state database cannot be used as it is; the message says why and what to do, in one line. */
export class StateError extends Error {
  override readonly name = 'StateError';
}
