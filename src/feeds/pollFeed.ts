/**
 * One poll of one feed: a conditional request, then the items not seen before. A failure is recorded
 * with its back-off. The first poll of a feed is its baseline: every item it holds then is marked seen
 * and none is queued, so adding a feed never floods the review channel with its back catalogue.
 * (/feeds add takes that baseline itself, leaving the newest items it offers unseen: backfill.ts.)
 *
 * The validators of a changed feed are returned, not stored: the caller stores them (pollSucceeded)
 * once every new item is dealt with, so that a 304 can never hide an item a crash or the per-round
 * cap left unprocessed (such an item comes up at the next poll, a full request).
 */

import type { Feed, FeedStore } from '../state/feedStore.js';
import { retryAt } from './backoff.js';
import { FeedError } from './errors.js';
import type { FetchedFeed, FetchFeedOptions, Validators } from './fetchFeed.js';
import type { FeedItem } from './parseFeed.js';

export type FetchFeed = (url: string, options: FetchFeedOptions) => Promise<FetchedFeed>;

export type PollResult =
  | { kind: 'not-modified'; bytes: 0 }
  | { kind: 'baseline'; items: number; bytes: number }
  | { kind: 'changed'; newItems: FeedItem[]; validators: Validators; bytes: number }
  | { kind: 'failed'; error: string; retryAt: Date };

export interface PollDeps {
  feeds: FeedStore;
  fetchFeed: FetchFeed;
  allowPrivate: boolean;
  intervalMs: number;
  now?: () => Date;
}

/** An item is known by its guid, else by its link; one with neither cannot be told apart, nor fetched. */
export const usable = (item: FeedItem) => item.guid !== null || item.link !== null;

export async function pollFeed(feed: Feed, deps: PollDeps): Promise<PollResult> {
  const now = deps.now ?? (() => new Date());
  const validators = { etag: feed.etag, lastModified: feed.lastModified };
  let fetched: FetchedFeed;
  try {
    fetched = await deps.fetchFeed(feed.url, { allowPrivate: deps.allowPrivate, validators });
  } catch (error) {
    if (!(error instanceof FeedError)) throw error;
    const at = now();
    const retry = retryAt(feed.failures + 1, deps.intervalMs, at);
    await deps.feeds.recordFailure(feed.id, { error: error.message, retryAt: retry }, at);
    return { kind: 'failed', error: error.message, retryAt: retry };
  }
  if (fetched.kind === 'not-modified') {
    await deps.feeds.recordSuccess(feed.id, fetched.validators, now());
    return { kind: 'not-modified', bytes: 0 };
  }
  const items = fetched.feed.items.filter(usable);
  if (feed.lastPolledAt === null) {
    await deps.feeds.markSeen(feed.id, items, now());
    await deps.feeds.recordSuccess(feed.id, fetched.validators, now());
    return { kind: 'baseline', items: items.length, bytes: fetched.bytes };
  }
  // The poll worked (the back-off ends), but no validators yet: see pollSucceeded.
  await deps.feeds.recordSuccess(feed.id, { etag: null, lastModified: null }, now());
  const newItems = await deps.feeds.unseen(feed.id, items);
  return { kind: 'changed', newItems, validators: fetched.validators, bytes: fetched.bytes };
}

/**
 * After a changed feed's new items were dealt with: its validators are kept only when none is left
 * for a later round, else the next request asks for the whole feed again.
 */
export async function pollSucceeded(
  feeds: FeedStore,
  feedId: number,
  validators: Validators,
  allHandled: boolean,
  at: Date,
): Promise<void> {
  await feeds.recordSuccess(feedId, allHandled ? validators : { etag: null, lastModified: null }, at);
}
