import { ButtonStyle } from 'discord-api-types/v10';
import { articlePreviewId } from '../customIds.js';
import { actionButton, buttonRow } from '../render/buttonRow.js';
import type { MessageActionRow } from '../send/components.js';

export function articlePreviewRow(key: string): MessageActionRow {
  return buttonRow(
    actionButton(articlePreviewId.build({ key, choice: 'add' }), 'Add', ButtonStyle.Success),
    actionButton(articlePreviewId.build({ key, choice: 'cancel' }), 'Cancel', ButtonStyle.Secondary),
  );
}
