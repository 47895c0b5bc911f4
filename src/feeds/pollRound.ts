/**
 * One round of feed polling, bounded: at most MAX_FEEDS_PER_ROUND due feeds (the longest unpolled
 * first) and at most MAX_ITEMS_PER_ROUND new items fetched for review. Items past the cap stay unseen
 * and come up in a later round; nothing is dropped.
 */

import type { Feed } from '../state/feedStore.js';
import type { FeedItem } from './parseFeed.js';
import { type PollDeps, pollFeed, pollSucceeded } from './pollFeed.js';

export const MAX_FEEDS_PER_ROUND = 10;
export const MAX_ITEMS_PER_ROUND = 10;

/** Deals with one new item (fetch, queue for review or skip) and marks it seen; throws only on a bug. */
export type HandleItem = (feed: Feed, item: FeedItem) => Promise<void>;

export interface RoundReport {
  feeds: number;
  notModified: number;
  changed: number;
  baseline: number;
  failed: number;
  items: number;
  /** Feed bytes downloaded this round (a 304 costs none). */
  bytes: number;
}

export interface RoundDeps extends PollDeps {
  handleItem: HandleItem;
  maxFeeds?: number;
  maxItems?: number;
}

export async function pollRound(deps: RoundDeps): Promise<RoundReport> {
  const now = deps.now ?? (() => new Date());
  const due = (await deps.feeds.due(deps.intervalMs, now())).slice(0, deps.maxFeeds ?? MAX_FEEDS_PER_ROUND);
  let budget = deps.maxItems ?? MAX_ITEMS_PER_ROUND;
  const report: RoundReport = {
    feeds: due.length,
    notModified: 0,
    changed: 0,
    baseline: 0,
    failed: 0,
    items: 0,
    bytes: 0,
  };
  for (const feed of due) {
    const result = await pollFeed(feed, deps);
    if (result.kind === 'failed') report.failed++;
    if (result.kind === 'not-modified') report.notModified++;
    if (result.kind === 'baseline') report.baseline++;
    if (result.kind === 'failed') continue;
    report.bytes += result.bytes;
    if (result.kind !== 'changed') continue;
    report.changed++;
    const taken = result.newItems.slice(0, Math.max(budget, 0));
    for (const item of taken) await deps.handleItem(feed, item);
    budget -= taken.length;
    report.items += taken.length;
    await pollSucceeded(
      deps.feeds,
      feed.id,
      result.validators,
      taken.length === result.newItems.length,
      now(),
    );
  }
  return report;
}
