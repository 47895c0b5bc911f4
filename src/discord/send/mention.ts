import { channelOptions } from './options.js';
import type { MessagePayload } from './payload.js';
import type { SendableChannel } from './respond.js';

const USER_ID = /^\d{17,20}$/;

/**
 * A channel message that pings exactly one member, at the start of its content: only for a notice
 * that member asked for. Everything else stays as the send boundary makes it (fitted, no other
 * mention of anyone: allowed_mentions lists this user alone).
 */
export function sendMentioning<C extends SendableChannel>(
  channel: C,
  userId: string,
  payload: MessagePayload,
): ReturnType<C['send']> {
  if (!USER_ID.test(userId)) throw new Error('not a Discord user id');
  const options = channelOptions({ ...payload, content: `<@${userId}> ${payload.content ?? ''}`.trimEnd() });
  return channel.send({ ...options, allowedMentions: { users: [userId] } }) as ReturnType<C['send']>;
}
