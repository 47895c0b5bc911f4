import type { Message, SendableChannels } from 'discord.js';
import { ChannelType, MessageFlags } from 'discord-api-types/v10';
import type { Citation } from '../types.js';
import { UserError } from './errors.js';
import { type Granted, POST_IN_THREAD, START_THREAD, withPermissionHint } from './missingPermission.js';
import { threadCitation } from './render/threadCitation.js';
import { sendToChannel } from './send/respond.js';
import { truncateLabel } from './send/truncate.js';

const THREAD_NAME = 100;

export const PRIVATE_MESSAGE =
  'That message is private (only you see it), so nothing of it is posted in a thread. Share it first to make it public.';

/** A private (ephemeral) message: only its reader sees it, so nothing of it may go into a thread. */
export function isPrivateMessage(message: Pick<Message, 'flags'>): boolean {
  return message.flags.has(MessageFlags.Ephemeral);
}

/**
 * The thread a message's citations go to: the one it is in, the one it has, or a new one on it.
 * `granted` (the interaction's app permissions) lets a refusal name the permission the bot lacks.
 */
export async function threadForMessage(
  message: Message,
  name: string,
  granted: Granted | null = null,
): Promise<SendableChannels> {
  if (isPrivateMessage(message)) throw new UserError(PRIVATE_MESSAGE, 'refused');
  const channel = message.channel;
  if (channel.isThread()) return channel;
  if (message.thread) return message.thread;
  if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement)
    throw new UserError('Threads can only be opened in a server text channel.', 'refused');
  const thread = await withPermissionHint(START_THREAD, granted, () =>
    message.startThread({ name: truncateLabel(name, THREAD_NAME, 'Sources') }),
  );
  if (!thread) throw new Error('Discord did not create the thread');
  return thread;
}

/** Posts each citation as its own message: the full passage and its source. */
export async function postCitations(
  channel: SendableChannels,
  citations: Citation[],
  granted: Granted | null = null,
): Promise<void> {
  for (const citation of citations)
    await withPermissionHint(POST_IN_THREAD, granted, async () => {
      await sendToChannel(channel, threadCitation(citation));
    });
}
