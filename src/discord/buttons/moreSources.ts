import type { ButtonHandler } from '../command.js';
import { respond } from '../send/respond.js';
import { storedAnswerPage } from './storedAnswerPage.js';

/** More sources: the next page of citations, privately, with its own More button. */
export const moreSources: ButtonHandler = {
  prefix: 'more',
  async handle(interaction, args, ctx) {
    const { payload, outcome } = storedAnswerPage(interaction, ctx, args, true);
    await respond(interaction, payload);
    return outcome;
  },
};
