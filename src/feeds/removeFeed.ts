/**
 * A feed unfollowed: its pending items leave the review queue with their kept pages (a decided item
 * stays: an approval is still applied), then the feed and the items it has seen go. A round polling
 * it meanwhile finds it gone and keeps nothing of it (FeedRemovedError).
 */

import type { FeedStore } from '../state/feedStore.js';
import type { ReviewItem, ReviewQueue } from '../state/reviewQueue.js';
import { removeReviewPage } from './reviewPages.js';

export interface RemoveFeedDeps {
  dataDir: string;
  feeds: Pick<FeedStore, 'remove'>;
  reviews: Pick<ReviewQueue, 'dropPending'>;
}

/** The items taken out of the queue (their messages are the caller's), or null when there was no such feed. */
export async function removeFeed(feedId: number, deps: RemoveFeedDeps): Promise<ReviewItem[] | null> {
  const dropped = await deps.reviews.dropPending(feedId);
  const removed = await deps.feeds.remove(feedId);
  for (const item of dropped) await removeReviewPage(deps.dataDir, item.id);
  return removed ? dropped : null;
}
