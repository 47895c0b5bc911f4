import type { Client } from 'discord.js';
import type { Log } from '../log/log.js';
import type { MessagePayload } from './send/payload.js';
import { type SendableChannel, sendToChannel } from './send/respond.js';

/** Posts to the mod-log channel: a no-op when none is set; never throws (a failure is a warning). */
export type ModLog = (payload: MessagePayload) => Promise<void>;

export type FindChannel = (id: string) => Promise<SendableChannel | null>;

/** The channel from the client's cache, else from Discord; null when the bot cannot post in it. */
export function channelFinder(client: Pick<Client, 'channels'>): FindChannel {
  return async (id) => {
    const channel = client.channels.cache.get(id) ?? (await client.channels.fetch(id));
    return channel?.isSendable() ? channel : null;
  };
}

export function createModLog(find: FindChannel, channelId: string | null, logger: Log): ModLog {
  if (channelId === null) return async () => {};
  return async (payload) => {
    try {
      const channel = await find(channelId);
      if (!channel) {
        logger.warn({ channelId }, 'MOD_LOG_CHANNEL_ID is not a channel the bot can post in; entry dropped');
        return;
      }
      await sendToChannel(channel, payload);
    } catch (error) {
      logger.warn({ err: error, channelId }, 'could not post to the mod-log channel; entry dropped');
    }
  };
}
