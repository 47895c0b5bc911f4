/**
 * Why a page could not be taken into the knowledge, in words for the moderator (the message is one
 * sentence without a final full stop, so a caller can add "; nothing was added"). `kind` lets a caller
 * decide what to do without reading the words: retry later (too-slow, network), or not.
 */

export type IngestErrorKind =
  | 'bad-url'
  | 'bad-scheme'
  | 'credentials'
  | 'bad-port'
  | 'blocked-address'
  | 'unknown-host'
  | 'network'
  | 'too-slow'
  | 'too-large'
  | 'too-many-redirects'
  | 'redirect-loop'
  | 'bad-redirect'
  | 'http-status'
  | 'not-html'
  | 'unsupported-encoding'
  | 'cancelled'
  | 'bad-option'
  | 'no-article'
  | 'extraction-failed'
  | 'duplicate'
  | 'conflict';

export class IngestError extends Error {
  override name = 'IngestError';

  constructor(
    readonly kind: IngestErrorKind,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
