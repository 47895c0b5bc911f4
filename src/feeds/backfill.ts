/**
 * What /feeds add offers of a feed's items at once: its newest `backfill` items (by date when every
 * item has one, else in the feed's order, newest first as feeds list them) come up for review; the
 * others count as seen.
 */

import type { FeedItem } from './parseFeed.js';

export const DEFAULT_BACKFILL = 5;
export const MAX_BACKFILL = 20;

export function splitBackfill(
  items: readonly FeedItem[],
  backfill: number,
): { offered: FeedItem[]; seen: FeedItem[] } {
  const dates = items.map((item) => (item.published ? Date.parse(item.published) : Number.NaN));
  const order = items.map((_, i) => i);
  if (dates.every(Number.isFinite)) order.sort((a, b) => dates[b]! - dates[a]! || a - b);
  const offered = new Set(order.slice(0, Math.max(0, backfill)));
  return {
    offered: items.filter((_, i) => offered.has(i)),
    seen: items.filter((_, i) => !offered.has(i)),
  };
}
