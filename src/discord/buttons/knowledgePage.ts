import { knowledgeEntries } from '../../knowledge/knowledgeEntries.js';
import { familyButton } from '../idFamily.js';
import { knowledgeListMessage } from '../render/knowledgeMessage.js';
import { requireModerator } from '../requireModerator.js';
import { update } from '../send/respond.js';
import { knowledgePageId } from './knowledgePageId.js';

export const knowledgePage = familyButton(knowledgePageId, async (interaction, { page }, ctx) => {
  requireModerator(interaction, ctx, 'list the knowledge folder');
  const entries = knowledgeEntries(ctx.engine.current.documents.values(), ctx.engine.skipped);
  await update(interaction, knowledgeListMessage(entries, page));
  return { outcome: 'listed', results: entries.length };
});
