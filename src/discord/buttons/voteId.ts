import { idFamily } from '../idFamily.js';
import { isQueryKey } from '../idFields.js';

export type VoteDirection = 'up' | 'down';

/** Helpful / Not helpful on an answer, by its question's key. */
export const voteId = idFamily<{ key: string; direction: VoteDirection }>('vote', 1, {
  encode: ({ key, direction }) => [key, direction],
  decode: ([key, direction, ...rest]) =>
    isQueryKey(key) && (direction === 'up' || direction === 'down') && rest.length === 0
      ? { key, direction }
      : undefined,
});
