import type { APIActionRowComponent, APIButtonComponent } from 'discord.js';
import { ButtonStyle } from 'discord-api-types/v10';
import type { Citation } from '../../types.js';
import { flagId, voteId } from '../customIds.js';
import { actionButton, buttonRow } from './buttonRow.js';

/** Helpful, Not helpful, and Flag n for each citation shown: what members tell moderators about an answer. */
export function feedbackRow(
  key: string,
  citations: readonly Pick<Citation, 'rank' | 'passageId'>[],
): APIActionRowComponent<APIButtonComponent> {
  return buttonRow(
    actionButton(voteId.build({ key, direction: 'up' }), 'Helpful', ButtonStyle.Success),
    actionButton(voteId.build({ key, direction: 'down' }), 'Not helpful', ButtonStyle.Secondary),
    ...citations
      .slice(0, 3)
      .map((c) =>
        actionButton(flagId.build({ key, passageId: c.passageId }), `Flag ${c.rank}`, ButtonStyle.Secondary),
      ),
  );
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
      const passageId = flagId.parse(id)?.passageId;
      if (passageId && !ids.includes(passageId)) ids.push(passageId);
    }
  }
  return ids;
}
