import { ButtonStyle, ComponentType } from 'discord.js';
import { idFamily } from '../idFamily.js';
import type { MessageActionRow } from '../send/components.js';
import { PENDING_KEY } from './pendingArticles.js';

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

export function articlePreviewRow(key: string): MessageActionRow {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Success,
        label: 'Add',
        custom_id: articlePreviewId.build({ key, choice: 'add' }),
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: 'Cancel',
        custom_id: articlePreviewId.build({ key, choice: 'cancel' }),
      },
    ],
  };
}
