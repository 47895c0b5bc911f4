import type { APIEmbed } from 'discord.js';
import type { PassageInContext } from '../../search/passageInContext.js';
import { escapeMemberText, inlineCode } from '../send/escape.js';
import type { MessagePayload } from '../send/payload.js';
import { COLORS } from './colors.js';
import { contextMessage } from './contextMessage.js';

export interface Flag {
  passageId: string;
  /** The passage as the index has it now; null when it is gone (edited or removed since). */
  context: PassageInContext | null;
  reason: string | null;
  query: string | null;
  memberId: string;
}

/** A flag for the mod-log channel: the passage with its source, the reason and the question, all escaped. */
export function flagMessage(flag: Flag): MessagePayload {
  const passage: APIEmbed = flag.context
    ? (contextMessage(flag.context, false).embeds?.[0] ?? {})
    : {
        description: `Passage ${inlineCode(flag.passageId)} is no longer in the knowledge (edited or removed since).`,
        footer: { text: `passage ${flag.passageId}` },
      };
  return {
    embeds: [
      {
        ...passage,
        color: COLORS.error,
        title: 'Passage flagged',
        fields: [
          { name: 'Reason', value: flag.reason ? escapeMemberText(flag.reason) : '*No reason given.*' },
          {
            name: 'Question',
            value: flag.query ? escapeMemberText(flag.query) : '*Unknown: the answer had expired.*',
          },
          { name: 'Flagged by', value: `<@${flag.memberId}>` },
        ],
      },
    ],
  };
}
