import { knowledgeInfo, listDocuments } from '../../search/browse.js';
import type { ButtonHandler } from '../command.js';
import { sourcesMessage } from '../render/sourcesMessage.js';
import { update } from '../send/respond.js';

export const sourcesPage: ButtonHandler = {
  prefix: 'src',
  async handle(interaction, [page], ctx) {
    const documents = listDocuments(ctx.engine.current);
    await update(
      interaction,
      sourcesMessage(documents, Number(page) || 0, knowledgeInfo(ctx.engine.current)),
    );
    return { outcome: 'listed', results: documents.length };
  },
};
