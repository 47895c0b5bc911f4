import { ApplicationCommandType, InteractionContextType } from 'discord.js';
import type { MessageCommand } from '../src/discord/command.js';
import { presentAnswer } from '../src/discord/presentAnswer.js';
import { respond } from '../src/discord/send/respond.js';
import { postCitations, threadForMessage } from '../src/discord/threads.js';
import { UserError } from '../src/discord/userError.js';
import { MAX_QUERY_CHARS } from '../src/search/answerQuery.js';

export const findSources: MessageCommand = {
  kind: 'message',
  asksQuestion: true,
  data: {
    type: ApplicationCommandType.Message,
    name: 'Find sources',
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  },
  async execute(interaction, ctx) {
    const message = interaction.targetMessage;
    const claim = [message.content, ...message.embeds.map((e) => e.description ?? '')].join('\n').trim();
    if (claim.length === 0) throw new UserError('That message has no text to check against the sources.');
    const answer = ctx.engine.ask(claim.slice(0, MAX_QUERY_CHARS), { mode: 'claim' });
    if (!answer.answered) {
      await respond(interaction, {
        content: 'No passage in the knowledge bears on that message, so there is nothing to cite for it.',
        ephemeral: true,
      });
      return { outcome: 'not_found', results: 0 };
    }
    if (!interaction.inGuild()) {
      await respond(
        interaction,
        presentAnswer(ctx, answer.query, { ephemeral: false, inThread: false, inGuild: false, mode: 'claim' })
          .payload,
      );
      return { outcome: 'answered', results: answer.citations.length };
    }
    await interaction.deferReply({ flags: 'Ephemeral' });
    const thread = await threadForMessage(message, `Sources: ${claim}`);
    await postCitations(thread, answer.citations);
    await respond(interaction, {
      content: `Posted ${answer.citations.length} source(s) in <#${thread.id}>.`,
      ephemeral: true,
    });
    return { outcome: 'answered', results: answer.citations.length };
  },
};
