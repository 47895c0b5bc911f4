import { sourcesPageId } from '../customIds.js';
import { familyButton } from '../idFamily.js';
import { sourcesMessage } from '../render/sourcesMessage.js';
import { update } from '../send/respond.js';

export const sourcesPage = familyButton(sourcesPageId, async (interaction, { page }, ctx) => {
  const documents = ctx.knowledge.documentsByDate();
  await update(interaction, sourcesMessage(documents, page, ctx.knowledge.info()));
  return { outcome: 'listed', results: documents.length };
});
