import type { ButtonHandler } from '../command.js';
import { contextMessage } from '../render/contextMessage.js';
import { respond } from '../send/respond.js';
import { UserError } from '../userError.js';

/** Show context: the cited passage with its neighbours, privately. Passage ids survive restarts. */
export const showContext: ButtonHandler = {
  prefix: 'ctx',
  async handle(interaction, [passageId], ctx) {
    const context = passageId ? ctx.knowledge.passage(passageId) : null;
    if (!context)
      throw new UserError(
        'That passage is no longer in the knowledge (it was edited or removed). Please ask again.',
        'expired',
      );
    await respond(interaction, contextMessage(context, true));
    return { outcome: 'shown', results: 1 };
  },
};
