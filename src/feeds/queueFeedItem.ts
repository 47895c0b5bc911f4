/**
 * A new feed item on its way to the moderators: its article fetched and read as add-url does
 * (readArticleAt), then — unless the knowledge has it already — queued for review with its page
 * kept, and posted. The item is marked seen last, so a crash before that brings it up again (the
 * queue keeps one entry per URL). An item whose page cannot be read is logged and marked seen: it
 * would fail again.
 */

import { findDuplicate, type KnownDocument } from '../ingest/duplicates.js';
import { IngestError } from '../ingest/errors.js';
import { type ReadArticle, readArticleAt } from '../ingest/readArticleAt.js';
import type { Log } from '../log/log.js';
import type { Feed, FeedStore } from '../state/feedStore.js';
import type { ReviewItem, ReviewQueue } from '../state/reviewQueue.js';
import type { FeedItem } from './parseFeed.js';
import { saveReviewPage } from './reviewPages.js';
import { feedReviewPreview } from './reviewPreview.js';

export interface QueueDeps {
  dataDir: string;
  allowPrivate: boolean;
  feeds: Pick<FeedStore, 'markSeen'>;
  reviews: Pick<ReviewQueue, 'enqueue' | 'attachMessage'>;
  known(): Promise<readonly KnownDocument[]>;
  /** Posts the preview to the review channel; returns where, or null when it could not (retried later). */
  post(item: ReviewItem): Promise<{ channelId: string; messageId: string } | null>;
  logger: Log;
}

export type QueueOutcome = 'queued' | 'already-queued' | 'duplicate' | 'unreadable' | 'no-link';

export async function queueFeedItem(feed: Feed, item: FeedItem, deps: QueueDeps): Promise<QueueOutcome> {
  const outcome = await reviewItem(feed, item, deps);
  await deps.feeds.markSeen(feed.id, [item]);
  return outcome;
}

async function reviewItem(feed: Feed, item: FeedItem, deps: QueueDeps): Promise<QueueOutcome> {
  if (!item.link) return 'no-link';
  let read: ReadArticle;
  try {
    read = await readArticleAt(item.link, { allowPrivate: deps.allowPrivate, log: deps.logger });
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    deps.logger.warn(
      { feed: feed.id, url: item.link, reason: error.message },
      'feed item not queued: its page cannot be read',
    );
    return 'unreadable';
  }
  const { page, prepared } = read;
  const urls = [prepared.meta.url, page.finalUrl, page.url, item.link];
  const duplicate = findDuplicate(await deps.known(), { urls, textKey: prepared.textKey });
  if (duplicate) {
    deps.logger.info(
      { feed: feed.id, url: item.link, existing: duplicate.existing.file, by: duplicate.by },
      'feed item not queued: the knowledge has it already',
    );
    return 'duplicate';
  }
  const preview = feedReviewPreview(prepared, page, feed.name ?? feed.url);
  const { item: queued, created } = await deps.reviews.enqueue({
    feedId: feed.id,
    itemKey: item.guid ?? item.link,
    url: preview.url,
    preview,
  });
  if (created) await saveReviewPage(deps.dataDir, queued.id, page.bytes);
  if (queued.status !== 'pending' || queued.messageId !== null) return 'already-queued';
  await postReview(queued, deps);
  return created ? 'queued' : 'already-queued';
}

/** Posts a queued item's preview and records where; a failure is logged and retried at the next round. */
export async function postReview(
  item: ReviewItem,
  deps: Pick<QueueDeps, 'post' | 'reviews' | 'logger'>,
): Promise<boolean> {
  const posted = await deps.post(item);
  if (!posted) return false;
  await deps.reviews.attachMessage(item.id, posted);
  return true;
}
