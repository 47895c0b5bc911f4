import type { ModalSubmitInteraction } from 'discord.js';
import { hashId } from '../../log/hashId.js';
import { cleanReason } from '../../state/feedbackRecord.js';
import { flagReasonId } from '../customIds.js';
import { familyModal } from '../idFamily.js';
import { flagMessage } from '../render/flagMessage.js';
import { REASON_INPUT } from '../render/flagModal.js';
import { respond } from '../send/respond.js';

function reasonOf(interaction: ModalSubmitInteraction): string | null {
  const field = interaction.fields.fields.get(REASON_INPUT);
  return cleanReason(field && 'value' in field && typeof field.value === 'string' ? field.value : null);
}

/**
 * A submitted flag: recorded, acknowledged, and posted to the mod-log channel with the passage, its
 * source, the reason and the question. A flag on an expired answer still names its passage.
 */
export const flagReason = familyModal(flagReasonId, async (interaction, { key, passageId }, ctx) => {
  const reason = reasonOf(interaction);
  const query = (await ctx.queries.get(key))?.query ?? null;
  await ctx.feedback.append({
    kind: 'flag',
    query,
    key,
    passageIds: [passageId],
    reason,
    member: hashId(interaction.user.id),
  });
  try {
    await respond(interaction, { content: 'Thanks, the moderators will look at it.', ephemeral: true });
  } finally {
    const context = ctx.knowledge.passage(passageId);
    await ctx.modLog(flagMessage({ passageId, context, reason, query, memberId: interaction.user.id }));
  }
  return { outcome: 'done', results: 1 };
});
