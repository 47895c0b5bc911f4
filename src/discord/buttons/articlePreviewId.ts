import { idFamily } from '../idFamily.js';
import { PENDING_KEY } from '../knowledge/pendingArticles.js';

export type ArticleChoice = 'add' | 'cancel';

/** Add / Cancel under an article preview: the pending preview's key and the choice, nothing else. */
export const articlePreviewId = idFamily<{ key: string; choice: ArticleChoice }>('article', 1, {
  encode: ({ key, choice }) => [key, choice],
  decode: ([key, choice, ...rest]) =>
    key !== undefined &&
    PENDING_KEY.test(key) &&
    (choice === 'add' || choice === 'cancel') &&
    rest.length === 0
      ? { key, choice }
      : undefined,
});
