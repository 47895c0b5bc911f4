import { ButtonStyle, ComponentType } from 'discord.js';
import { articlePreviewId } from '../buttons/articlePreviewId.js';
import type { MessageActionRow } from '../send/components.js';

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
