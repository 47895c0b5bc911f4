import type { ButtonHandler } from '../command.js';
import { presentAnswer } from '../presentAnswer.js';
import { followUp } from '../send/respond.js';
import { storedQuery } from './expired.js';

/** Share: posts a private answer publicly, where it was asked. */
export const share: ButtonHandler = {
  prefix: 'share',
  async handle(interaction, [key, offset], ctx) {
    const { query, mode } = storedQuery(ctx, key);
    const inThread = interaction.channel?.isThread() ?? false;
    // The page that was shown: Share on a More sources page posts those citations, not the first ones.
    const { payload, outcome } = presentAnswer(ctx, query, {
      ephemeral: false,
      inThread,
      inGuild: interaction.inGuild(),
      offset: Number(offset) || 0,
      mode,
    });
    await followUp(interaction, { ...payload, ephemeral: false });
    return outcome;
  },
};
