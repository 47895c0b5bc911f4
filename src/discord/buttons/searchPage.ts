import { searchPageId } from '../customIds.js';
import { familyButton } from '../idFamily.js';
import { storedQuery } from '../queryStore.js';
import { SEARCH_PAGE_SIZE, searchPageMessage } from '../render/searchPageMessage.js';
import { update } from '../send/respond.js';

/** Previous / Next on a /search result: the page replaces the message it was clicked on. */
export const searchPage = familyButton(searchPageId, async (interaction, { key, page }, ctx) => {
  const { query, extra } = storedQuery(ctx.queries, key);
  const filters = {
    outlet: extra?.outlet ?? null,
    since: extra?.since ?? null,
    until: extra?.until ?? null,
  };
  const result = ctx.knowledge.search(query, filters, page * SEARCH_PAGE_SIZE, SEARCH_PAGE_SIZE);
  await update(interaction, searchPageMessage(query, filters, result, key));
  return { outcome: 'listed', results: result.items.length };
});
