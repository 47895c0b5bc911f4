import { type APIActionRowComponent, type APIButtonComponent, ButtonStyle, ComponentType } from 'discord.js';
import type { Citation } from '../../types.js';
import { customId, parseCustomId } from '../customId.js';

export const VOTE = 'vote';
export const FLAG = 'flag';

function button(
  id: string,
  label: string,
  style: ButtonStyle.Success | ButtonStyle.Secondary,
): APIButtonComponent {
  return { type: ComponentType.Button, custom_id: id, label, style };
}

/** Helpful, Not helpful, and Flag n for each citation shown: what members tell moderators about an answer. */
export function feedbackRow(
  key: string,
  citations: readonly Pick<Citation, 'rank' | 'passageId'>[],
): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [
      button(customId(VOTE, key, 'up'), 'Helpful', ButtonStyle.Success),
      button(customId(VOTE, key, 'down'), 'Not helpful', ButtonStyle.Secondary),
      ...citations
        .slice(0, 3)
        .map((c) => button(customId(FLAG, key, c.passageId), `Flag ${c.rank}`, ButtonStyle.Secondary)),
    ],
  };
}

/** The passages an answer message shows, read back from its Flag buttons (a vote's custom_id has no room). */
export function passageIdsOf(rows: readonly unknown[]): string[] {
  const ids: string[] = [];
  for (const row of rows) {
    const components = (row as { components?: unknown }).components;
    if (!Array.isArray(components)) continue;
    for (const component of components) {
      const id = (component as { custom_id?: unknown }).custom_id;
      if (typeof id !== 'string') continue;
      const { prefix, args } = parseCustomId(id);
      if (prefix === FLAG && args[1] && !ids.includes(args[1])) ids.push(args[1]);
    }
  }
  return ids;
}
