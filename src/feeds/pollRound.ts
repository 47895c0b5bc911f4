/**
 * One round of feed polling, bounded: at most MAX_FEEDS_PER_ROUND due feeds (the longest unpolled
 * first) and at most MAX_ITEMS_PER_ROUND new items fetched for review. Items past the cap, or past the
 * review queue's bounds (reviewBounds.ts), stay unseen and come up in a later round; nothing is
 * dropped. A feed whose new items meet its full bound is paused, and the moderators told once. A feed
 * that fails in a way no check foresaw is logged; the round goes on with the others.
 */

import type { Log } from '../log/log.js';
import type { Feed } from '../state/feedStore.js';
import type { FeedItem } from './parseFeed.js';
import { type PollDeps, pollFeed, pollSucceeded } from './pollFeed.js';
import type { QueueOutcome } from './queueFeedItem.js';
import { FLOODING_REASON } from './reviewBounds.js';

export const MAX_FEEDS_PER_ROUND = 10;
export const MAX_ITEMS_PER_ROUND = 10;

/** Deals with one new item (fetch, queue for review or skip, mark seen, or leave it for later); throws only on a bug. */
export type HandleItem = (feed: Feed, item: FeedItem) => Promise<QueueOutcome>;

export interface RoundReport {
  feeds: number;
  notModified: number;
  changed: number;
  baseline: number;
  failed: number;
  items: number;
  /** Feeds paused this round for flooding. */
  paused: number;
  /** Feed bytes downloaded this round (a 304 costs none). */
  bytes: number;
}

export interface RoundDeps extends PollDeps {
  handleItem: HandleItem;
  /** Tells the moderators that `feed` was paused, and why; called once a pause; never throws. */
  onPaused(feed: Feed, reason: string): Promise<void>;
  logger: Log;
  maxFeeds?: number;
  maxItems?: number;
}

export async function pollRound(deps: RoundDeps): Promise<RoundReport> {
  const now = deps.now ?? (() => new Date());
  const due = (await deps.feeds.due(deps.intervalMs, now())).slice(0, deps.maxFeeds ?? MAX_FEEDS_PER_ROUND);
  const budget = { items: deps.maxItems ?? MAX_ITEMS_PER_ROUND };
  const report: RoundReport = {
    feeds: due.length,
    notModified: 0,
    changed: 0,
    baseline: 0,
    failed: 0,
    items: 0,
    paused: 0,
    bytes: 0,
  };
  for (const feed of due) {
    try {
      await pollOne(feed, deps, budget, report);
    } catch (error) {
      report.failed++;
      deps.logger.error({ err: error, feed: feed.id }, 'feed poll failed; the round goes on with the others');
    }
  }
  return report;
}

async function pollOne(feed: Feed, deps: RoundDeps, budget: { items: number }, report: RoundReport) {
  const result = await pollFeed(feed, deps);
  if (result.kind === 'failed') report.failed++;
  if (result.kind === 'not-modified') report.notModified++;
  if (result.kind === 'baseline') report.baseline++;
  if (result.kind === 'failed') return;
  report.bytes += result.bytes;
  if (result.kind !== 'changed') return;
  report.changed++;
  let handled = 0;
  for (const item of result.newItems) {
    if (budget.items <= 0) break;
    const outcome = await deps.handleItem(feed, item);
    if (outcome === 'queue-full') budget.items = 0;
    if (outcome === 'feed-full' && (await deps.feeds.pause(feed.id, FLOODING_REASON))) {
      report.paused++;
      await deps.onPaused(feed, FLOODING_REASON);
    }
    if (outcome === 'queue-full' || outcome === 'feed-full' || outcome === 'feed-removed') break;
    handled++;
    budget.items--;
    report.items++;
  }
  const now = deps.now ?? (() => new Date());
  await pollSucceeded(deps.feeds, feed.id, result.validators, handled === result.newItems.length, now());
}
