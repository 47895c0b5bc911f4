import { type Client, RESTJSONErrorCodes } from 'discord.js';
import type { MemberNotice, NoticeSender } from '../../gaps/memberNotice.js';
import { channelFinder } from '../modLog.js';
import { sendMentioning } from '../send/mention.js';
import { type SendableChannel, sendToChannel } from '../send/respond.js';
import { coveredMentionMessage } from './coveredMentionMessage.js';
import { coveredMessage } from './coveredMessage.js';

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

/** Where the member asked, latest first: the first thread or channel still there. */
async function whereAsked(discord: NoticeChannels, notice: MemberNotice): Promise<SendableChannel | null> {
  const places = notice.covered.map(({ subscription: s }) => s.threadId ?? s.channelId).reverse();
  for (const place of new Set(places)) {
    const channel = place === null ? null : await discord.channel(place);
    if (channel) return channel;
  }
  return null;
}

/**
 * Tells a member by one direct message with the answers; a closed DM (Discord error 50007) is
 * reported as false, for the caller to decide on a mention. Any other failure is thrown.
 */
export function noticeSender(discord: NoticeChannels): NoticeSender {
  return {
    async dm(notice) {
      try {
        await sendToChannel(await discord.dm(notice.memberId), coveredMessage(notice.covered));
        return true;
      } catch (error) {
        if (dmsClosed(error)) return false;
        throw error;
      }
    },
    async mention(notice) {
      const channel = await whereAsked(discord, notice);
      if (!channel) throw new Error('direct messages closed, and the channel where the member asked is gone');
      await sendMentioning(channel, notice.memberId, coveredMentionMessage(notice.covered));
    },
  };
}
