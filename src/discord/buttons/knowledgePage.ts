import type { ButtonHandler } from '../command.js';
import { KNOWLEDGE_PAGE_PREFIX, knowledgeListMessage } from '../render/knowledgeMessage.js';
import { requireModerator } from '../requireModerator.js';
import { update } from '../send/respond.js';

export const knowledgePage: ButtonHandler = {
  prefix: KNOWLEDGE_PAGE_PREFIX,
  async handle(interaction, [page], ctx) {
    requireModerator(interaction, ctx, 'list the knowledge folder');
    const entries = ctx.knowledge.entries();
    await update(interaction, knowledgeListMessage(entries, Number(page) || 0));
    return { outcome: 'listed', results: entries.length };
  },
};
