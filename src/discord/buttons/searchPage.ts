import type { ButtonHandler } from '../command.js';
import { SEARCH_PAGE_SIZE, searchPageMessage } from '../render/searchPageMessage.js';
import { update } from '../send/respond.js';
import { storedQuery } from './expired.js';

/** Previous / Next on a /search result: the page replaces the message it was clicked on. */
export const searchPage: ButtonHandler = {
  prefix: 'sp',
  async handle(interaction, [key, page], ctx) {
    const { query, extra } = storedQuery(ctx, key);
    const filters = {
      outlet: extra?.outlet ?? null,
      since: extra?.since ?? null,
      until: extra?.until ?? null,
    };
    const result = ctx.knowledge.search(
      query,
      filters,
      (Number(page) || 0) * SEARCH_PAGE_SIZE,
      SEARCH_PAGE_SIZE,
    );
    await update(interaction, searchPageMessage(query, filters, result, key as string));
    return { outcome: 'listed', results: result.items.length };
  },
};
