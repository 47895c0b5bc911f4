/**
 * The bot's own messages in the review channel, outside any interaction: a post (a feed item, a
 * pause notice) and an edit of an item's message. Discord failing is logged, never thrown: the item
 * waits in the queue either way.
 */

import type { Client } from 'discord.js';
import type { Log } from '../../log/log.js';
import type { ReviewItem } from '../../state/reviewQueue.js';
import type { MessagePayload } from '../send/payload.js';
import { editChannelMessage, sendToChannel } from '../send/respond.js';

/** Posts `payload` in `channelId`; where it went, or null when it could not be posted. */
export async function postInReviewChannel(
  client: Client,
  channelId: string | null,
  payload: MessagePayload,
  logger: Log,
): Promise<{ channelId: string; messageId: string } | null> {
  try {
    // fetch answers from the client's cache when it can.
    const channel = channelId ? await client.channels.fetch(channelId) : null;
    if (!channel?.isSendable()) {
      logger.warn({ channelId }, 'REVIEW_CHANNEL_ID is not a channel the bot can post in');
      return null;
    }
    const message = await sendToChannel(channel, payload);
    return { channelId: message.channelId, messageId: message.id };
  } catch (error) {
    logger.warn({ err: error, channelId }, 'could not post in the review channel');
    return null;
  }
}

/** Edits the message that shows `item` (none until it is posted). */
export async function editReviewMessage(
  client: Client,
  item: ReviewItem,
  payload: MessagePayload,
  logger: Log,
): Promise<void> {
  if (!item.channelId || !item.messageId) return;
  try {
    const channel = await client.channels.fetch(item.channelId);
    if (channel?.isTextBased()) await editChannelMessage(channel, item.messageId, payload);
  } catch (error) {
    logger.warn({ err: error, item: item.id }, 'could not update the review message of a feed item');
  }
}
