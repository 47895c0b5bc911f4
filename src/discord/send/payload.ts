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

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text Discord can encode: a lone surrogate (a member's client may send one) becomes U+FFFD. */
function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd');
}

/** Of a long query cut at a word, less than this would no longer ask the same. */
const MIN_CUT_QUERY = LIMITS.choiceValue / 2;

/**
 * A choice that asks `query`. A query too long for a choice value is cut at a word and named by exactly
 * what it will ask, with "…"; when no word boundary keeps half of the room, it is not offered at all.
 */
export function queryChoice(query: string): { name: string; value: string } | null {
  const text = wellFormed(query);
  if (text.length <= LIMITS.choiceValue) return { name: text, value: text };
  const name = truncateLabel(text, LIMITS.choiceName);
  const value = name.endsWith('…') ? name.slice(0, -1).trimEnd() : name;
  const line = text.replace(/\s+/g, ' ').trim();
  const atWord = value.length === line.length || line[value.length] === ' ';
  return atWord && value.length >= MIN_CUT_QUERY ? { name, value } : null;
}

/**
 * Autocomplete choices Discord accepts: at most 25, no empty names, no repeated values, no lone surrogate.
 * A value longer than Discord allows is left out, never cut: a cut identifier names nothing, and a
 * query should be cut at a word (queryChoice) by whoever knows it is one.
 */
export function fitChoices(choices: readonly Choice[]): Choice[] {
  const seen = new Set<string | number>();
  const fitted: Choice[] = [];
  for (const choice of choices) {
    const value = typeof choice.value === 'number' ? choice.value : wellFormed(choice.value);
    if (typeof value === 'string' && (value === '' || value.length > LIMITS.choiceValue)) continue;
    if (choice.name.trim() === '' || seen.has(value)) continue;
    seen.add(value);
    fitted.push({ name: truncateLabel(wellFormed(choice.name), LIMITS.choiceName), value });
    if (fitted.length === LIMITS.choices) break;
  }
  return fitted;
}
