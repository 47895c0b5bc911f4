import { knowledgePageId } from '../customIds.js';
import { familyButton } from '../idFamily.js';
import { knowledgeListMessage } from '../render/knowledgeMessage.js';
import { requireModerator } from '../requireModerator.js';
import { update } from '../send/respond.js';

export const knowledgePage = familyButton(knowledgePageId, async (interaction, { page }, ctx) => {
  requireModerator(interaction, ctx, 'list the knowledge folder');
  const entries = ctx.knowledge.entries();
  await update(interaction, knowledgeListMessage(entries, page));
  return { outcome: 'listed', results: entries.length };
});
