import type { MessagePayload } from '../send/payload.js';
import { COLORS } from './colors.js';

/** What a moderator did, for the log and the mod-log channel. */
export interface ModeratorAction {
  /** A short name for the log: `reindex`, later `knowledge add`… */
  action: string;
  /** The post's title. */
  title: string;
  /** The diff as log fields: counts and ids we made, never free text from a member. */
  diff: Record<string, unknown>;
  /** The diff as lines of the post, already escaped. */
  lines: string[];
}

/** A moderator action as a mod-log post; the mention renders as a name and pings no one (no mentions allowed). */
export function auditMessage(moderatorId: string, action: ModeratorAction): MessagePayload {
  return {
    embeds: [
      {
        color: COLORS.moderator,
        title: action.title,
        description: [`**By** <@${moderatorId}>`, ...action.lines].join('\n'),
      },
    ],
  };
}
