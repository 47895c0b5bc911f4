import type { Interaction } from 'discord.js';
import { isStateUnavailable } from '../state/errors.js';
import type { BotContext } from './botContext.js';
import type { Outcome } from './command.js';
import { UserError } from './errors.js';
import { ANY_ACTION, missingPermissionError } from './missingPermission.js';
import { respond, respondChoices } from './send/respond.js';

const APOLOGY =
  'Sorry, something went wrong while answering. It has been logged; please try again in a moment.';

const STATE_DOWN =
  'The bot cannot reach its database right now, so this could not be saved or read. Please try again in a minute.';

/**
 * The one error boundary: an expected problem is told to the member as is; so is a permission Discord
 * says the bot lacks (a server setting, logged as a warning); anything else is logged with its stack
 * and answered with a short apology (as a reply, an edit or a follow-up, whichever the interaction
 * still allows). A failure to send the answer is logged, never thrown.
 */
export async function handleInteractionError(
  interaction: Interaction,
  error: unknown,
  ctx: BotContext,
): Promise<Outcome> {
  const denied = error instanceof UserError ? null : missingPermissionError(error, ANY_ACTION, null);
  const stateDown = isStateUnavailable(error) ? new UserError(STATE_DOWN, 'unavailable') : null;
  const expected = error instanceof UserError ? error : (denied ?? stateDown);
  // ctx.logger is the interaction's child logger (handleInteraction): it carries its id and command.
  if (denied) ctx.logger.warn({ err: error }, 'Discord refused: the bot lacks a permission');
  else if (stateDown) {
    ctx.metrics.stateError();
    ctx.logger.error({ err: error }, 'the state database failed; the member was asked to retry');
  } else if (!expected) ctx.logger.error({ err: error }, 'interaction failed');
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await respondChoices(interaction, []);
    } else if (interaction.isRepliable()) {
      await respond(interaction, { content: expected ? expected.message : APOLOGY, ephemeral: true });
    }
  } catch (sendError) {
    ctx.logger.warn({ err: sendError }, 'could not tell the member about the error');
  }
  return { outcome: expected ? expected.outcome : 'invalid' };
}
