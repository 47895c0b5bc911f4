import { type IdFamily, idFamily } from '../idFamily.js';

export type ReviewAction = 'approve' | 'reject';

/** Approve / Reject on a feed item's review message: `review.v1:<item id>:<action>`. */
export const reviewButtonId: IdFamily<{ itemId: number; action: ReviewAction }> = idFamily('review', 1, {
  encode: ({ itemId, action }) => [itemId, action],
  decode([id, action, ...rest]) {
    if (!id || !/^\d{1,15}$/.test(id) || (action !== 'approve' && action !== 'reject') || rest.length > 0)
      return undefined;
    return { itemId: Number(id), action };
  },
});
