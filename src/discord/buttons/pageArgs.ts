import type { FieldCodec } from '../idFamily.js';
import { countField } from '../idFields.js';

/** A pager button of a list that needs nothing else to be rebuilt: just the page. */
export const pageFields: FieldCodec<{ page: number }> = {
  encode: ({ page }) => [page],
  decode([page, ...rest]) {
    const value = countField(page);
    return value !== undefined && rest.length === 0 ? { page: value } : undefined;
  },
};
