import type { ButtonInteraction } from 'discord.js';
import { type AnswerReply, askForReply } from '../answerReply.js';
import type { BotContext } from '../botContext.js';
import type { AnswerPageArgs } from '../customIds.js';
import { storedQuery } from '../sessions/queryStore.js';

/**
 * The answer page a button stands for (`key` of the stored question, citation `offset`), checked as
 * the question was (a claim stays a claim), for wherever the button was clicked.
 */
export async function storedAnswerPage(
  interaction: ButtonInteraction,
  ctx: BotContext,
  { key, offset }: AnswerPageArgs,
  ephemeral: boolean,
): Promise<AnswerReply> {
  const { query, mode } = await storedQuery(ctx.queries, key);
  return askForReply(ctx, query, {
    ephemeral,
    inThread: interaction.channel?.isThread() ?? false,
    inGuild: interaction.inGuild(),
    offset,
    mode,
  });
}
