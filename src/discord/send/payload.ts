import type { APIEmbed } from 'discord.js';
import { fitComponents, type MessageActionRow } from './components.js';
import { fitEmbed, fitEmbedTotal } from './embeds.js';
import { LIMITS } from './limits.js';
import { truncate, truncateLabel } from './truncate.js';

/** What a command hands to the send helpers; plain JSON, no builders. */
export interface MessagePayload {
  content?: string;
  embeds?: APIEmbed[];
  components?: MessageActionRow[];
  /** Only honoured where Discord allows it: a first reply or a follow-up. */
  ephemeral?: boolean;
  /** Hide link previews (and embeds) of the message. */
  suppressEmbeds?: boolean;
}

/** The payload within every Discord limit: text shortened, extra embeds, fields, rows and buttons dropped. */
export function fitMessage(payload: MessagePayload): MessagePayload {
  const { content, embeds, components, ...rest } = payload;
  return {
    ...rest,
    ...(content === undefined ? {} : { content: truncate(content, LIMITS.content) }),
    ...(embeds === undefined ? {} : { embeds: fitEmbedTotal(embeds.slice(0, LIMITS.embeds).map(fitEmbed)) }),
    ...(components === undefined ? {} : { components: fitComponents(components) }),
  };
}

export interface Choice {
  name: string;
  value: string | number;
}

/** A value is an identifier, not prose: cut hard (but not inside a surrogate pair), no ellipsis. */
function clampValue(value: string | number): string | number {
  if (typeof value === 'number' || value.length <= LIMITS.choiceValue) return value;
  const last = value.charCodeAt(LIMITS.choiceValue - 1);
  return value.slice(0, last >= 0xd800 && last <= 0xdbff ? LIMITS.choiceValue - 1 : LIMITS.choiceValue);
}

/** Autocomplete choices Discord accepts: at most 25, clamped, no empty names, no repeated values. */
export function fitChoices(choices: readonly Choice[]): Choice[] {
  const seen = new Set<string | number>();
  const fitted: Choice[] = [];
  for (const choice of choices) {
    const value = clampValue(choice.value);
    if (choice.name.trim() === '' || value === '' || seen.has(value)) continue;
    seen.add(value);
    fitted.push({ name: truncateLabel(choice.name, LIMITS.choiceName), value });
    if (fitted.length === LIMITS.choices) break;
  }
  return fitted;
}
