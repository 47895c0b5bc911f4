/**
 * A feed item in the review channel: the article preview (articlePreview.ts) with Approve and Reject
 * while it waits (and the other feed items found to be the same article), then who decided and what
 * came of it, or that its feed was removed, without buttons.
 */

import { ButtonStyle } from 'discord-api-types/v10';
import { articleOf, mergedOf } from '../../feeds/reviewPreview.js';
import type { ReviewItem } from '../../state/reviewQueue.js';
import { reviewButtonId } from '../customIds.js';
import { escapeForDiscord, inlineCode } from '../send/escape.js';
import type { MessagePayload } from '../send/payload.js';
import { truncateLabel } from '../send/truncate.js';
import { articlePreviewMessage } from './articlePreviewMessage.js';
import { actionButton, buttonRow } from './buttonRow.js';
import { discordTime } from './discordTime.js';

const REVIEW_FOOTER =
  'Not in the knowledge: nothing from a feed reaches members until a moderator approves it.';

/** Merged items named on the message; more are counted. */
const MERGED_SHOWN = 3;

const feedName = (name: string) => escapeForDiscord(truncateLabel(name, 200));

function feedLine(item: ReviewItem): string {
  const feed = typeof item.preview.feed === 'string' ? item.preview.feed : 'a feed';
  const merged = mergedOf(item.preview);
  if (merged.length === 0) return `**Feed:** ${feedName(feed)}`;
  const named = merged
    .slice(0, MERGED_SHOWN)
    .map((m) => `${feedName(m.feed)} (${inlineCode(truncateLabel(m.itemKey, 100))})`);
  const more = merged.length > MERGED_SHOWN ? ` and ${merged.length - MERGED_SHOWN} more` : '';
  return `**Feed:** ${feedName(feed)}\n**Also sent by:** ${named.join(', ')}${more}`;
}

/**
 * "**Approved** by @moderator 5 minutes ago". The queue keeps the moderator hashed, so only the click
 * that decided can name them (its member's raw id); later renderings say what and when.
 */
function decisionLine(item: ReviewItem, moderatorId: string | null): string {
  if (item.status === 'pending') return '';
  const when = item.decidedAt ? ` ${discordTime(item.decidedAt, 'R')}` : '';
  const verb = item.status === 'approved' ? 'Approved' : 'Rejected';
  return `**${verb}**${moderatorId ? ` by <@${moderatorId}>` : ''}${when}`;
}

/** The message as it waits for a decision: preview, Approve, Reject. */
export function pendingReviewMessage(item: ReviewItem): MessagePayload {
  const message = articlePreviewMessage(articleOf(item.preview), {
    heading: 'Feed item for review',
    note: feedLine(item),
    footer: REVIEW_FOOTER,
  });
  const idFor = (action: 'approve' | 'reject') => reviewButtonId.build({ itemId: item.id, action });
  return {
    ...message,
    components: [
      buttonRow(
        actionButton(idFor('approve'), 'Approve', ButtonStyle.Success),
        actionButton(idFor('reject'), 'Reject', ButtonStyle.Danger),
      ),
    ],
  };
}

/**
 * The message once decided: who decided (when `moderatorId`, the deciding click's member, is known),
 * when, and `outcome` (our own text, already escaped: what Approve did), no buttons.
 */
export function decidedReviewMessage(
  item: ReviewItem,
  outcome: string,
  moderatorId: string | null = null,
): MessagePayload {
  const footer =
    item.status === 'rejected'
      ? 'Rejected: not added to the knowledge.'
      : 'Approved: added like /knowledge add url:.';
  const message = articlePreviewMessage(articleOf(item.preview), {
    heading: item.status === 'rejected' ? 'Feed item rejected' : 'Feed item approved',
    note: [feedLine(item), `${decisionLine(item, moderatorId)}${outcome ? ` · ${outcome}` : ''}`].join('\n'),
    footer,
  });
  return { ...message, components: [] };
}

/** The message of a pending item whose feed was removed: withdrawn, no buttons. */
export function withdrawnReviewMessage(item: ReviewItem): MessagePayload {
  const message = articlePreviewMessage(articleOf(item.preview), {
    heading: 'Feed item withdrawn',
    note: `${feedLine(item)}\nIts feed was removed: the item was not added.`,
    footer: 'Not in the knowledge.',
  });
  return { ...message, components: [] };
}

/** What a later click is told: the decision that stands (the message above names who made it). */
export function alreadyDecidedText(item: ReviewItem): string {
  return `Already decided: ${decisionLine(item, null)}.`;
}
