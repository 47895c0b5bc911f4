/**
 * A new feed item on its way to the moderators, within the queue's bounds (reviewBounds.ts): its
 * article fetched and read as add-url does (readArticleAt), then — unless the knowledge has it, or a
 * pending item is the same article (same URL or same text), into which it is merged — queued for
 * review with its page kept, and posted. The item is marked seen last, so a crash before that brings
 * it up again (the queue keeps one entry per URL). An item that is not queued for a reason that would
 * hold again (no link, a page that cannot be read, in the knowledge already) is kept with the reason
 * for /feeds list and marked seen; one past a bound stays unseen for a later round.
 */

import { findDuplicate, type KnownDocument } from '../ingest/duplicates.js';
import { IngestError } from '../ingest/errors.js';
import { type ReadArticle, readArticleAt } from '../ingest/readArticleAt.js';
import type { Log } from '../log/log.js';
import { FeedRemovedError } from '../state/errors.js';
import type { Feed, FeedStore } from '../state/feedStore.js';
import type { PendingKey, ReviewItem, ReviewQueue } from '../state/reviewQueue.js';
import type { FeedItem } from './parseFeed.js';
import { roomFor } from './reviewBounds.js';
import { saveReviewPage } from './reviewPages.js';
import { feedReviewPreview } from './reviewPreview.js';

export interface QueueDeps {
  dataDir: string;
  allowPrivate: boolean;
  feeds: Pick<FeedStore, 'markSeen' | 'recordSkipped'>;
  reviews: Pick<ReviewQueue, 'enqueue' | 'attachMessage' | 'pendingKeys' | 'merge' | 'waiting'>;
  known(): Promise<readonly KnownDocument[]>;
  /** Posts the preview to the review channel; returns where, or null when it could not (retried later). */
  post(item: ReviewItem): Promise<{ channelId: string; messageId: string } | null>;
  /** Shows a posted item's message again (another feed item was merged into it); never throws. */
  update(item: ReviewItem): Promise<void>;
  logger: Log;
}

export type QueueOutcome =
  | 'queued'
  | 'already-queued'
  | 'merged'
  | 'duplicate'
  | 'unreadable'
  | 'no-link'
  /** Not fetched, left unseen: the feed's bound, or the whole queue's, is reached. */
  | 'feed-full'
  | 'queue-full'
  /** The feed was removed while its item was read: nothing is kept of it. */
  | 'feed-removed';

export async function queueFeedItem(feed: Feed, item: FeedItem, deps: QueueDeps): Promise<QueueOutcome> {
  const room = await roomFor(feed.id, deps.reviews);
  if (room !== 'room') return room;
  const outcome = await reviewItem(feed, item, deps);
  if (outcome !== 'feed-removed') await deps.feeds.markSeen(feed.id, [item]);
  return outcome;
}

const skip = (feed: Feed, item: FeedItem, reason: string, deps: QueueDeps) =>
  deps.feeds.recordSkipped(feed.id, { title: item.title, link: item.link, reason });

/** A pending item as duplicate detection reads a document (an item without a text key matches by URL only). */
const asKnown = (p: PendingKey): KnownDocument => ({
  id: String(p.id),
  file: '',
  title: p.title,
  url: p.url,
  textKey: p.textKey ?? '',
});

async function reviewItem(feed: Feed, item: FeedItem, deps: QueueDeps): Promise<QueueOutcome> {
  if (!item.link) {
    await skip(feed, item, 'the item links to no article', deps);
    return 'no-link';
  }
  let read: ReadArticle;
  try {
    read = await readArticleAt(item.link, { allowPrivate: deps.allowPrivate, log: deps.logger });
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    deps.logger.warn(
      { feed: feed.id, url: item.link, reason: error.message },
      'feed item not queued: its page cannot be read',
    );
    await skip(feed, item, error.message, deps);
    return 'unreadable';
  }
  const { page, prepared } = read;
  const candidate = {
    urls: [prepared.meta.url, page.finalUrl, page.url, item.link],
    textKey: prepared.textKey,
  };
  const duplicate = findDuplicate(await deps.known(), candidate);
  if (duplicate) {
    const { existing } = duplicate;
    deps.logger.info(
      { feed: feed.id, url: item.link, existing: existing.file, by: duplicate.by },
      'feed item not queued: the knowledge has it already',
    );
    await skip(feed, item, `already in the knowledge as “${existing.title}” (${existing.file})`, deps);
    return 'duplicate';
  }
  const itemKey = item.guid ?? item.link;
  const twin = findDuplicate((await deps.reviews.pendingKeys()).map(asKnown), candidate);
  if (twin) {
    const from = { feedId: feed.id, feed: feed.name ?? feed.url, itemKey };
    const merged = await deps.reviews.merge(Number(twin.existing.id), from);
    if (!merged) return 'already-queued';
    await deps.update(merged);
    return 'merged';
  }
  const preview = feedReviewPreview(prepared, page, feed.name ?? feed.url);
  let queued: Awaited<ReturnType<QueueDeps['reviews']['enqueue']>>;
  try {
    queued = await deps.reviews.enqueue({
      feedId: feed.id,
      itemKey,
      url: preview.url,
      preview,
      textKey: prepared.textKey,
    });
  } catch (error) {
    if (!(error instanceof FeedRemovedError)) throw error;
    return 'feed-removed';
  }
  const { item: entry, created } = queued;
  if (created) await saveReviewPage(deps.dataDir, entry.id, page.bytes);
  if (entry.status !== 'pending' || entry.messageId !== null) return 'already-queued';
  await postReview(entry, deps);
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
