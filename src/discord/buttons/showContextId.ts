import { idFamily } from '../idFamily.js';
import { isPassageId } from '../idFields.js';

/** Context n: the cited passage, by its id (passage ids survive restarts). */
export const showContextId = idFamily<{ passageId: string }>('context', 1, {
  encode: ({ passageId }) => [passageId],
  decode: ([passageId, ...rest]) => (isPassageId(passageId) && rest.length === 0 ? { passageId } : undefined),
});
