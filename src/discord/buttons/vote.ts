import { hashId } from '../../log/hashId.js';
import { voteId } from '../customIds.js';
import { familyButton } from '../idFamily.js';
import { passageIdsOf } from '../render/feedbackRow.js';
import { respond } from '../send/respond.js';

/**
 * Helpful / Not helpful. Recorded even when the question expired (its text is then unknown): the
 * key still ties a member's later vote to the same answer, so it replaces the earlier one.
 */
export const vote = familyButton(voteId, async (interaction, { key, direction }, ctx) => {
  await ctx.feedback.append({
    kind: 'vote',
    query: (await ctx.queries.get(key))?.query ?? null,
    key,
    passageIds: passageIdsOf(interaction.message.components.map((row) => row.toJSON())),
    vote: direction,
    member: hashId(interaction.user.id),
  });
  await respond(interaction, { content: 'Thanks, noted.', ephemeral: true });
  return { outcome: 'done' };
});
