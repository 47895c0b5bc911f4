import { ApplicationCommandType, InteractionContextType } from 'discord-api-types/v10';
import { citationsToAsk, replyForAnswer } from '../src/discord/answerReply.js';
import type { MessageCommand } from '../src/discord/command.js';
import { UserError } from '../src/discord/errors.js';
import { CITATIONS_PER_PAGE } from '../src/discord/render/answerMessage.js';
import { respond } from '../src/discord/send/respond.js';
import {
  isPrivateMessage,
  PRIVATE_MESSAGE,
  postCitations,
  threadForMessage,
} from '../src/discord/threads.js';
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
    // A private answer goes public only through its Share button.
    if (isPrivateMessage(message)) throw new UserError(PRIVATE_MESSAGE, 'refused');
    const claim = [message.content, ...message.embeds.map((e) => e.description ?? '')].join('\n').trim();
    if (claim.length === 0) throw new UserError('That message has no text to check against the sources.');
    const answer = ctx.knowledge.ask(claim.slice(0, MAX_QUERY_CHARS), {
      mode: 'claim',
      limit: citationsToAsk(),
    });
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
        (
          await replyForAnswer(ctx, answer, {
            ephemeral: false,
            inThread: false,
            inGuild: false,
            mode: 'claim',
          })
        ).payload,
      );
      return { outcome: 'answered', results: Math.min(answer.citations.length, CITATIONS_PER_PAGE) };
    }
    await interaction.deferReply({ flags: 'Ephemeral' });
    const citations = answer.citations.slice(0, CITATIONS_PER_PAGE);
    const thread = await threadForMessage(message, `Sources: ${claim}`, interaction.appPermissions);
    await postCitations(thread, citations, interaction.appPermissions);
    await respond(interaction, {
      content: `Posted ${citations.length} source(s) in <#${thread.id}>.`,
      ephemeral: true,
    });
    return { outcome: 'answered', results: citations.length };
  },
};
