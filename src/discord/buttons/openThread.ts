import { MessageFlags, type SendableChannels } from 'discord.js';
import { MAX_LIMIT } from '../../search/answerQuery.js';
import type { ButtonHandler } from '../command.js';
import { CITATIONS_PER_PAGE } from '../render/answerMessage.js';
import { respond } from '../send/respond.js';
import { truncateLabel } from '../send/truncate.js';
import { postCitations, threadForMessage } from '../threads.js';
import { UserError } from '../userError.js';
import { storedQuery } from './expired.js';

/** Open thread: a thread on the answer, with each citation posted in full as its own message. */
export const openThread: ButtonHandler = {
  prefix: 'thread',
  async handle(interaction, [key, offset], ctx) {
    const { query, mode } = storedQuery(ctx, key);
    if (!interaction.inGuild())
      throw new UserError('Threads can only be opened in a server channel.', 'refused');
    // The citations shown on the message: a More sources page carries where its page starts.
    const start = Math.max(Number(offset) || 0, 0);
    const answer = ctx.engine.ask(query, { limit: Math.min(start + CITATIONS_PER_PAGE, MAX_LIMIT), mode });
    const citations = answer.citations.slice(start, start + CITATIONS_PER_PAGE);
    if (!answer.answered || citations.length === 0)
      throw new UserError('The knowledge no longer answers this question. Please ask again.', 'expired');
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const channel = interaction.channel;
    const ephemeralAnswer = interaction.message.flags.has(MessageFlags.Ephemeral);
    // A private answer is no message to hang a thread on: the thread opens in its channel instead.
    const thread: SendableChannels =
      ephemeralAnswer && channel && !channel.isThread() && 'threads' in channel
        ? await channel.threads.create({ name: truncateLabel(query, 100, 'Sources') })
        : await threadForMessage(interaction.message, query);
    await postCitations(thread, citations);
    await respond(interaction, {
      content: `Posted ${citations.length} citation(s) in <#${thread.id}>.`,
      ephemeral: true,
    });
    return { outcome: 'answered', results: citations.length };
  },
};
