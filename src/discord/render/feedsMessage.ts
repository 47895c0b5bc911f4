/**
 * What /feeds add, remove and resume tell the moderator, and the notice of a paused feed (the list:
 * feedListMessage.ts). Feed names and URLs come from anyone: escaped.
 */

import { PENDING_PER_FEED } from '../../feeds/reviewBounds.js';
import type { Feed } from '../../state/feedStore.js';
import { escapeForDiscord } from '../send/escape.js';
import type { MessagePayload } from '../send/payload.js';
import { truncateLabel } from '../send/truncate.js';
import { COLORS } from './colors.js';
import { shownUrl } from './sourceLine.js';

export function feedName(feed: Pick<Feed, 'name' | 'url'>): string {
  return escapeForDiscord(truncateLabel(feed.name ?? feed.url, 100));
}

export const feedUrl = (url: string) => shownUrl(url, 300);

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** `items`: what the feed holds now; `offered`: its newest, posted for review now (the backfill). */
export function feedAddedMessage(
  feed: Feed,
  { items, offered }: { items: number; offered: number },
  reviewChannelId: string,
): MessagePayload {
  const now =
    offered === 0
      ? `The ${plural(items, 'item')} it holds now count as seen; items published from now on are posted to <#${reviewChannelId}> for a moderator to approve.`
      : `Its newest ${plural(offered, 'item')} ${offered === 1 ? 'is' : 'are'} posted to <#${reviewChannelId}> for a moderator to approve now, the other ${items - offered} count as seen; items published from now on are posted too.`;
  return {
    content: [`Following **${feedName(feed)}** — ${feedUrl(feed.url)}.`, now].join('\n'),
    ephemeral: true,
  };
}

/** `withdrawn`: its items that were waiting for review, taken out of the queue. */
export function feedRemovedMessage(feed: Feed, withdrawn: number): MessagePayload {
  const items =
    withdrawn === 0
      ? 'Nothing of it was waiting for review'
      : `Its ${plural(withdrawn, 'item')} waiting for review ${withdrawn === 1 ? 'was' : 'were'} withdrawn`;
  return {
    content: `Stopped following **${feedName(feed)}** — ${feedUrl(feed.url)}. ${items}; items already approved are still added.`,
    ephemeral: true,
  };
}

/** `waiting`: its items waiting for review now. */
export function feedResumedMessage(feed: Feed, waiting: number): MessagePayload {
  const full =
    waiting >= PENDING_PER_FEED
      ? ` ${plural(waiting, 'item')} of it still wait for review: until some are decided, its next new item pauses it again.`
      : '';
  return {
    content: `Resumed **${feedName(feed)}** — ${feedUrl(feed.url)}: it is polled again now.${full}`,
    ephemeral: true,
  };
}

/** Posted once in the review channel when a feed is paused for flooding. */
export function feedPausedMessage(feed: Feed, reason: string): MessagePayload {
  return {
    embeds: [
      {
        color: COLORS.moderator,
        title: 'Feed paused',
        description: `**${feedName(feed)}** — ${feedUrl(feed.url)} is paused: ${escapeForDiscord(reason)}. Nothing more of it is fetched until a moderator runs \`/feeds resume\`; decide its items waiting here first.`,
      },
    ],
  };
}
