import type { APIActionRowComponent, APIButtonComponent } from 'discord.js';
import { ButtonStyle, ComponentType } from 'discord-api-types/v10';

/** Previous / Next buttons; `idFor(page)` builds the custom_id that reopens a page. */
export function pagerRow(
  page: number,
  pages: number,
  idFor: (page: number) => string,
): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: 'Previous',
        custom_id: idFor(Math.max(page - 1, 0)),
        disabled: page <= 0,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: `Next (${Math.min(page + 2, pages)}/${pages})`,
        custom_id: idFor(Math.min(page + 1, pages - 1)),
        disabled: page >= pages - 1,
      },
    ],
  };
}

export function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}
