import { idFamily } from '../idFamily.js';
import { countField, isQueryKey } from '../idFields.js';

/** Previous / Next on a /search result: the stored query (with its filters) and the page. */
export const searchPageId = idFamily<{ key: string; page: number }>('search-page', 1, {
  encode: ({ key, page }) => [key, page],
  decode([key, page, ...rest]) {
    const value = countField(page);
    return isQueryKey(key) && value !== undefined && rest.length === 0 ? { key, page: value } : undefined;
  },
});
