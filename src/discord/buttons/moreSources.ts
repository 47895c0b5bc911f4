import type { ButtonHandler } from '../command.js';
import { presentAnswer } from '../presentAnswer.js';
import { respond } from '../send/respond.js';
import { storedQuery } from './expired.js';

/** More sources: the next page of citations, privately, with its own More button. */
export const moreSources: ButtonHandler = {
  prefix: 'more',
  async handle(interaction, [key, offset], ctx) {
    const { query, mode } = storedQuery(ctx, key);
    const inThread = interaction.channel?.isThread() ?? false;
    const { payload, outcome } = presentAnswer(ctx, query, {
      ephemeral: true,
      inThread,
      inGuild: interaction.inGuild(),
      offset: Number(offset) || 0,
      mode,
    });
    await respond(interaction, payload);
    return outcome;
  },
};
