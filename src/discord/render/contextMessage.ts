import type { PassageInContext } from '../../search/passageInContext.js';
import { escapeForDiscord } from '../send/escape.js';
import type { MessagePayload } from '../send/payload.js';
import { truncate } from '../send/truncate.js';
import { COLORS } from './colors.js';
import { sourceLine } from './sourceLine.js';

const NEIGHBOUR_ROOM = 900;
const PASSAGE_ROOM = 2000;

/** A passage with the passages before and after it, so a quote can be read in its place. */
export function contextMessage(context: PassageInContext, ephemeral: boolean): MessagePayload {
  const parts: string[] = [];
  if (context.previous)
    parts.push(`-# before\n${escapeForDiscord(truncateStart(context.previous.text, NEIGHBOUR_ROOM))}`);
  parts.push(`**${truncate(escapeForDiscord(context.passage.text), PASSAGE_ROOM)}**`);
  if (context.next) parts.push(`-# after\n${escapeForDiscord(truncate(context.next.text, NEIGHBOUR_ROOM))}`);
  return {
    embeds: [
      {
        color: COLORS.context,
        description: `${parts.join('\n\n')}\n\n${sourceLine(1, context.source).replace(/^\[1\] /, '')}`,
        footer: { text: `passage ${context.passage.id}` },
      },
    ],
    ephemeral,
  };
}

/** The end of a text, cut at a word with "…" in front: what leads into the passage. */
function truncateStart(text: string, max: number): string {
  if (text.length <= max) return text;
  const tail = text.slice(text.length - max + 2);
  const space = tail.indexOf(' ');
  return `…${space >= 0 ? tail.slice(space) : tail}`;
}
