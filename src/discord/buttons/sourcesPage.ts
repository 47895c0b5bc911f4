import { knowledgeInfo, listDocuments } from '../../search/browse.js';
import { familyButton } from '../idFamily.js';
import { sourcesMessage } from '../render/sourcesMessage.js';
import { update } from '../send/respond.js';
import { sourcesPageId } from './sourcesPageId.js';

export const sourcesPage = familyButton(sourcesPageId, async (interaction, { page }, ctx) => {
  const documents = listDocuments(ctx.engine.current);
  await update(interaction, sourcesMessage(documents, page, knowledgeInfo(ctx.engine.current)));
  return { outcome: 'listed', results: documents.length };
});
