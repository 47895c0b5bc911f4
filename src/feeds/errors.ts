/**
 * Why a feed could not be read, in words for the moderator (one sentence, no final full stop): it is
 * what /feeds add refuses with and what /feeds list shows as the last error.
 */
export class FeedError extends Error {
  override name = 'FeedError';
}
