/**
 * What /feeds list shows: each feed's polls, failures and back-off, a pause, what of it waits for
 * review and its items skipped last with why. Names, URLs, titles and reasons come from anyone: escaped.
 */

import type { Feed, SkippedItem } from '../../state/feedStore.js';
import { escapeForDiscord } from '../send/escape.js';
import type { MessagePayload } from '../send/payload.js';
import { truncateLabel } from '../send/truncate.js';
import { COLORS } from './colors.js';
import { discordTime } from './discordTime.js';
import { feedName, feedUrl, plural } from './feedsMessage.js';

/** Feeds past this many are counted, not listed (the message has room for about this many). */
const LISTED = 20;
/** Skipped items named per feed, newest first. */
const SKIPPED_SHOWN = 2;

/** A feed as /feeds list shows it: with what of it waits for review, and its items skipped last. */
export interface ListedFeed extends Feed {
  waiting: number;
  skipped: readonly SkippedItem[];
}

function status(feed: Feed): string {
  const polled = feed.lastPolledAt
    ? `last poll ${discordTime(feed.lastPolledAt, 'R') ?? feed.lastPolledAt}`
    : 'not polled yet';
  if (feed.failures === 0) return `${polled} · ok`;
  const retry = feed.retryAt ? `, next try ${discordTime(feed.retryAt, 'R') ?? feed.retryAt}` : '';
  const error = feed.lastError ? `: ${escapeForDiscord(truncateLabel(feed.lastError, 200))}` : '';
  return `${polled} · **${feed.failures} failure${feed.failures === 1 ? '' : 's'}** in a row${retry}${error}`;
}

const when = (iso: string) => discordTime(iso, 'R') ?? iso;

function skippedLine(skipped: SkippedItem): string {
  const what = skipped.title ?? skipped.link ?? 'an item';
  return `  skipped ${when(skipped.at)}: “${escapeForDiscord(truncateLabel(what, 80))}” — ${escapeForDiscord(truncateLabel(skipped.reason, 160))}`;
}

/** The feed's lines under its name: its polls, then a pause, what waits and what was skipped. */
function feedLines(feed: ListedFeed): string[] {
  const lines = [`  ${status(feed)}`];
  if (feed.pausedAt)
    lines.push(
      `  **paused** ${when(feed.pausedAt)}: ${escapeForDiscord(feed.pauseReason ?? 'paused')}; \`/feeds resume\` polls it again`,
    );
  if (feed.waiting > 0) lines.push(`  ${plural(feed.waiting, 'item')} waiting for review`);
  return [...lines, ...feed.skipped.slice(0, SKIPPED_SHOWN).map(skippedLine)];
}

export function feedListMessage(
  feeds: readonly ListedFeed[],
  reviewChannelId: string | null,
  pollMinutes: number,
): MessagePayload {
  const lines = feeds
    .slice(0, LISTED)
    .map((f) => [`**${feedName(f)}** — ${feedUrl(f.url)}`, ...feedLines(f)].join('\n'));
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
