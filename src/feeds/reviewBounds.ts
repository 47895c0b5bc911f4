/**
 * How much of a feed waits for the moderators at most: PER_FEED items of one feed (those merged into
 * another feed's item included), ALL items in all. An item past a bound is not fetched and stays
 * unseen: it comes up once the moderators have decided some (nothing is lost while the feed holds it).
 * A feed whose new items meet its full bound is flooding: it is paused until a moderator resumes it.
 */

import type { ReviewQueue } from '../state/reviewQueue.js';

export const PENDING_PER_FEED = 20;
export const PENDING_IN_ALL = 100;

export type Room = 'room' | 'feed-full' | 'queue-full';

export async function roomFor(feedId: number, reviews: Pick<ReviewQueue, 'waiting'>): Promise<Room> {
  const waiting = await reviews.waiting(feedId);
  if (waiting.feed >= PENDING_PER_FEED) return 'feed-full';
  return waiting.all >= PENDING_IN_ALL ? 'queue-full' : 'room';
}

/** Why a flooding feed was paused, as /feeds list and the notice say it. */
export const FLOODING_REASON = `${PENDING_PER_FEED} of its items wait for review and it kept sending new ones`;
