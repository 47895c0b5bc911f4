import type { APIActionRowComponent, APIButtonComponent } from 'discord.js';
import { ButtonStyle } from 'discord-api-types/v10';
import { actionButton, buttonRow } from './buttonRow.js';

/** Previous / Next buttons; `idFor(page)` builds the custom_id that reopens a page. */
export function pagerRow(
  page: number,
  pages: number,
  idFor: (page: number) => string,
): APIActionRowComponent<APIButtonComponent> {
  return buttonRow(
    actionButton(idFor(Math.max(page - 1, 0)), 'Previous', ButtonStyle.Secondary, page <= 0),
    actionButton(
      idFor(Math.min(page + 1, pages - 1)),
      `Next (${Math.min(page + 2, pages)}/${pages})`,
      ButtonStyle.Secondary,
      page >= pages - 1,
    ),
  );
}

export function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}
