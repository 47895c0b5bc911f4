import { type Client, RESTJSONErrorCodes } from 'discord.js';
import type { Told } from '../../gaps/reaskPending.js';
import type { GapSubscription } from '../../state/gapStore.js';
import type { Answer } from '../../types.js';
import { channelFinder } from '../modLog.js';
import { sendMentioning } from '../send/mention.js';
import { type SendableChannel, sendToChannel } from '../send/respond.js';
import { coveredMentionMessage, coveredMessage } from './coveredMessage.js';

/** The two ways to reach a member, narrow enough for a fake in tests. */
export interface NoticeChannels {
  /** The DM channel with a user. */
  dm(userId: string): Promise<SendableChannel>;
  /** A channel or thread to post in; null when it is gone or cannot take messages. */
  channel(channelId: string): Promise<SendableChannel | null>;
}

export function noticeChannels(client: Client): NoticeChannels {
  return {
    dm: (userId) => client.users.createDM(userId),
    channel: channelFinder(client),
  };
}

function dmsClosed(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === RESTJSONErrorCodes.CannotSendMessagesToThisUser;
}

/**
 * Tells a member their question is answered: one direct message with the answer; when their DMs
 * are closed (Discord error 50007), one mention in the thread or channel where they asked.
 * Any other failure is thrown, for the caller to log.
 */
export async function tellMember(
  discord: NoticeChannels,
  subscription: GapSubscription & { memberId: string },
  answer: Answer,
): Promise<Told> {
  try {
    await sendToChannel(await discord.dm(subscription.memberId), coveredMessage(subscription.query, answer));
    return 'dm';
  } catch (error) {
    if (!dmsClosed(error)) throw error;
  }
  const where = subscription.threadId ?? subscription.channelId;
  const channel = where === null ? null : await discord.channel(where);
  if (!channel) throw new Error('direct messages closed, and the channel where the member asked is gone');
  await sendMentioning(channel, subscription.memberId, coveredMentionMessage(answer));
  return 'mention';
}
