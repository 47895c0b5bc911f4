import type { ButtonHandler } from '../command.js';
import { sourcesMessage } from '../render/sourcesMessage.js';
import { update } from '../send/respond.js';

export const sourcesPage: ButtonHandler = {
  prefix: 'src',
  async handle(interaction, [page], ctx) {
    const documents = ctx.knowledge.documentsByDate();
    await update(interaction, sourcesMessage(documents, Number(page) || 0, ctx.knowledge.info()));
    return { outcome: 'listed', results: documents.length };
  },
};
