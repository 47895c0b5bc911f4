import type { APIActionRowComponent, APIComponentInMessageActionRow } from 'discord.js';
import { LIMITS } from './limits.js';
import { truncateLabel } from './truncate.js';

export type MessageActionRow = APIActionRowComponent<APIComponentInMessageActionRow>;

/** A custom_id is ours, never user data: one that Discord would reject is a bug to fix, not to hide. */
function assertCustomId(component: APIComponentInMessageActionRow): void {
  if (!('custom_id' in component)) return;
  const id = component.custom_id;
  if (id.length === 0 || id.length > LIMITS.customId) {
    throw new Error(
      `custom_id must be 1 to ${LIMITS.customId} characters, got ${id.length}: "${id.slice(0, 40)}…"`,
    );
  }
}

function fitComponent(component: APIComponentInMessageActionRow): APIComponentInMessageActionRow {
  if ('label' in component && component.label !== undefined) {
    return { ...component, label: truncateLabel(component.label, LIMITS.buttonLabel) };
  }
  return component;
}

/** At most 5 rows of at most 5 components, labels clamped; throws on a custom_id Discord would reject. */
export function fitComponents(rows: readonly MessageActionRow[]): MessageActionRow[] {
  for (const row of rows) for (const component of row.components) assertCustomId(component);
  return rows.slice(0, LIMITS.actionRows).map((row) => ({
    ...row,
    components: row.components.slice(0, LIMITS.rowComponents).map(fitComponent),
  }));
}
