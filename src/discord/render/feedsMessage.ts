/** What /feeds add, list and remove tell the moderator. Feed names and URLs come from anyone: escaped. */

import type { Feed } from '../../state/feedStore.js';
import { escapeForDiscord } from '../send/escape.js';
import type { MessagePayload } from '../send/payload.js';
import { truncateLabel } from '../send/truncate.js';
import { COLORS } from './colors.js';
import { discordTime } from './discordTime.js';
import { shownUrl } from './sourceLine.js';

/** Feeds past this many are counted, not listed (the message has room for about this many). */
const LISTED = 20;

export function feedName(feed: Pick<Feed, 'name' | 'url'>): string {
  return escapeForDiscord(truncateLabel(feed.name ?? feed.url, 100));
}

const feedUrl = (url: string) => shownUrl(url, 300);

function status(feed: Feed): string {
  const polled = feed.lastPolledAt
    ? `last poll ${discordTime(feed.lastPolledAt, 'R') ?? feed.lastPolledAt}`
    : 'not polled yet';
  if (feed.failures === 0) return `${polled} · ok`;
  const retry = feed.retryAt ? `, next try ${discordTime(feed.retryAt, 'R') ?? feed.retryAt}` : '';
  const error = feed.lastError ? `: ${escapeForDiscord(truncateLabel(feed.lastError, 200))}` : '';
  return `${polled} · **${feed.failures} failure${feed.failures === 1 ? '' : 's'}** in a row${retry}${error}`;
}

export function feedListMessage(
  feeds: readonly Feed[],
  reviewChannelId: string | null,
  pollMinutes: number,
): MessagePayload {
  const lines = feeds.slice(0, LISTED).map((f) => `**${feedName(f)}** — ${feedUrl(f.url)}\n  ${status(f)}`);
  if (feeds.length > LISTED) lines.push(`… and ${feeds.length - LISTED} more`);
  if (feeds.length === 0) lines.push('No feeds yet: `/feeds add url:` follows one.');
  const where = reviewChannelId
    ? `new items go to <#${reviewChannelId}> for review`
    : 'REVIEW_CHANNEL_ID is not set: nothing is polled';
  return {
    embeds: [
      {
        color: COLORS.moderator,
        title: `Feeds (${feeds.length})`,
        description: lines.join('\n'),
        footer: {
          text: `Polled every ${pollMinutes} min; ${where.replace(/<#\d+>/, 'the review channel')}.`,
        },
      },
    ],
    ephemeral: true,
  };
}

export function feedAddedMessage(feed: Feed, items: number, reviewChannelId: string): MessagePayload {
  return {
    content: [
      `Following **${feedName(feed)}** — ${feedUrl(feed.url)}.`,
      `The ${items} item${items === 1 ? '' : 's'} it holds now count as seen; items published from now on are posted to <#${reviewChannelId}> for a moderator to approve.`,
    ].join('\n'),
    ephemeral: true,
  };
}

export function feedRemovedMessage(feed: Feed): MessagePayload {
  return {
    content: `Stopped following **${feedName(feed)}** — ${feedUrl(feed.url)}. Its items already in the review channel can still be approved or rejected.`,
    ephemeral: true,
  };
}
