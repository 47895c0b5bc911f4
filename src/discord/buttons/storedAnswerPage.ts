import type { ButtonInteraction } from 'discord.js';
import type { BotContext } from '../botContext.js';
import { type Presented, presentAnswer } from '../presentAnswer.js';
import { storedQuery } from './expired.js';

/**
 * The answer page a button stands for (`key` of the stored question, citation `offset`), checked as
 * the question was (a claim stays a claim), for wherever the button was clicked.
 */
export function storedAnswerPage(
  interaction: ButtonInteraction,
  ctx: BotContext,
  [key, offset]: string[],
  ephemeral: boolean,
): Presented {
  const { query, mode } = storedQuery(ctx, key);
  return presentAnswer(ctx, query, {
    ephemeral,
    inThread: interaction.channel?.isThread() ?? false,
    inGuild: interaction.inGuild(),
    offset: Number(offset) || 0,
    mode,
  });
}
