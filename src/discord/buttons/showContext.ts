import { showContextId } from '../customIds.js';
import { UserError } from '../errors.js';
import { familyButton } from '../idFamily.js';
import { contextMessage } from '../render/contextMessage.js';
import { respond } from '../send/respond.js';

/** Show context: the cited passage with its neighbours, privately. Passage ids survive restarts. */
export const showContext = familyButton(showContextId, async (interaction, { passageId }, ctx) => {
  const context = ctx.knowledge.passage(passageId);
  if (!context)
    throw new UserError(
      'That passage is no longer in the knowledge (it was edited or removed). Please ask again.',
      'expired',
    );
  await respond(interaction, contextMessage(context, true));
  return { outcome: 'shown', results: 1 };
});
