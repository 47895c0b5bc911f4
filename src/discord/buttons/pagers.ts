import type { BotContext } from '../botContext.js';
import type { ButtonHandler } from '../command.js';
import { gapsPageId, knowledgePageId, searchPageId, sourcesPageId, timelinePageId } from '../customIds.js';
import { gapsMessage } from '../gaps/gapsMessage.js';
import { familyButton, type IdFamily } from '../idFamily.js';
import { knowledgeListMessage } from '../render/knowledgeMessage.js';
import { SEARCH_PAGE_SIZE, searchPageMessage, timelineMessage } from '../render/searchPageMessage.js';
import { sourcesMessage } from '../render/sourcesMessage.js';
import { requireModerator } from '../requireModerator.js';
import type { MessagePayload } from '../send/payload.js';
import { update } from '../send/respond.js';
import { storedQuery } from '../sessions/queryStore.js';

/** One page of a list, and how many items the list holds (for the log line). */
interface Listed {
  page: MessagePayload;
  results: number;
}

interface PagedList<Args> {
  family: IdFamily<Args>;
  /** Moderators only: what a member who clicks is told they may not do. */
  moderatorsOnly?: string;
  show(args: Args, ctx: BotContext): Listed | Promise<Listed>;
}

/** Previous / Next on a list: the page asked for replaces the message it was clicked on. */
function pager<Args>({ family, moderatorsOnly, show }: PagedList<Args>): ButtonHandler {
  return familyButton(family, async (interaction, args, ctx) => {
    if (moderatorsOnly) requireModerator(interaction, ctx, moderatorsOnly);
    const { page, results } = await show(args, ctx);
    await update(interaction, page);
    return { outcome: 'listed', results };
  });
}

/** Every list with Previous / Next: who may page it, what it lists, how a page renders. */
export const pagers: readonly ButtonHandler[] = [
  pager({
    family: searchPageId,
    async show({ key, page }, ctx) {
      const { query, extra } = await storedQuery(ctx.queries, key);
      const filters = {
        outlet: extra?.outlet ?? null,
        since: extra?.since ?? null,
        until: extra?.until ?? null,
      };
      const result = ctx.knowledge.search(query, filters, page * SEARCH_PAGE_SIZE, SEARCH_PAGE_SIZE);
      return { page: searchPageMessage(query, filters, result, key), results: result.items.length };
    },
  }),
  pager({
    family: timelinePageId,
    async show({ key, page }, ctx) {
      const { query } = await storedQuery(ctx.queries, key);
      const result = ctx.knowledge.timeline(query, page * SEARCH_PAGE_SIZE, SEARCH_PAGE_SIZE);
      return { page: timelineMessage(query, result, key), results: result.items.length };
    },
  }),
  pager({
    family: sourcesPageId,
    show({ page }, ctx) {
      const documents = ctx.knowledge.documentsByDate();
      return { page: sourcesMessage(documents, page, ctx.knowledge.info()), results: documents.length };
    },
  }),
  pager({
    family: knowledgePageId,
    moderatorsOnly: 'list the knowledge folder',
    show({ page }, ctx) {
      const entries = ctx.knowledge.entries();
      return { page: knowledgeListMessage(entries, page), results: entries.length };
    },
  }),
  pager({
    family: gapsPageId,
    moderatorsOnly: 'list unanswered questions',
    async show({ page }, ctx) {
      const groups = await ctx.state.gaps.groups();
      return { page: gapsMessage(groups, page), results: groups.length };
    },
  }),
];
