import { hashId } from '../../log/hashId.js';
import type { ButtonHandler } from '../command.js';
import { isQueryKey } from '../feedbackIds.js';
import { passageIdsOf, VOTE } from '../render/feedbackRow.js';
import { respond } from '../send/respond.js';
import { UserError } from '../userError.js';
import { OUTDATED_COMPONENT } from './expired.js';

/**
 * Helpful / Not helpful. Recorded even when the question expired (its text is then unknown): the
 * key still ties a member's later vote to the same answer, so it replaces the earlier one.
 */
export const vote: ButtonHandler = {
  prefix: VOTE,
  async handle(interaction, [key, direction], ctx) {
    if (!isQueryKey(key) || (direction !== 'up' && direction !== 'down'))
      throw new UserError(OUTDATED_COMPONENT, 'expired');
    await ctx.feedback.append({
      kind: 'vote',
      query: ctx.queries.get(key)?.query ?? null,
      key,
      passageIds: passageIdsOf(interaction.message.components.map((row) => row.toJSON())),
      vote: direction,
      member: hashId(interaction.user.id),
    });
    await respond(interaction, { content: 'Thanks, noted.', ephemeral: true });
    return { outcome: 'done' };
  },
};
