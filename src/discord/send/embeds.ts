import type { APIEmbed, APIEmbedAuthor, APIEmbedField } from 'discord.js';
import { isHttpUrl } from '../../util/httpUrl.js';
import { LIMITS } from './limits.js';
import { truncate } from './truncate.js';

/** Descriptions are not shortened below this to make room for more embeds; trailing embeds go instead. */
const DESCRIPTION_FLOOR = 256;

/** Discord rejects an empty field name or value. */
const BLANK = '\u200b';

function httpUrl(url: string | undefined): { url?: string } {
  return url !== undefined && isHttpUrl(url) ? { url } : {};
}

function fitField(field: APIEmbedField): APIEmbedField {
  return {
    ...field,
    name: truncate(field.name, LIMITS.fieldName) || BLANK,
    value: truncate(field.value, LIMITS.fieldValue) || BLANK,
  };
}

/** One embed within its own limits; a title or author link that is not http(s) is dropped. */
export function fitEmbed(embed: APIEmbed): APIEmbed {
  const { url, title, description, fields, footer, author, ...rest } = embed;
  return {
    ...rest,
    ...(title === undefined ? {} : { title: truncate(title, LIMITS.embedTitle) }),
    ...httpUrl(url),
    ...(description === undefined ? {} : { description: truncate(description, LIMITS.embedDescription) }),
    ...(fields === undefined ? {} : { fields: fields.slice(0, LIMITS.fields).map(fitField) }),
    ...(footer === undefined
      ? {}
      : { footer: { ...footer, text: truncate(footer.text, LIMITS.footerText) } }),
    ...(author === undefined ? {} : { author: fitAuthor(author) }),
  };
}

function fitAuthor({ url, name, ...rest }: APIEmbedAuthor): APIEmbedAuthor {
  return { ...rest, name: truncate(name, LIMITS.authorName), ...httpUrl(url) };
}

/** The characters Discord counts towards the 6000 of a message. */
function embedLength(embed: APIEmbed): number {
  let length = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  for (const field of embed.fields ?? []) length += field.name.length + field.value.length;
  return length + (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
}

function totalLength(embeds: readonly APIEmbed[]): number {
  return embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
}

function cappedSum(lengths: readonly number[], cap: number): number {
  return lengths.reduce((sum, length) => sum + Math.min(length, cap), 0);
}

/** The largest cap, not under the floor, at which every description fits into `room` together. */
function descriptionCap(lengths: readonly number[], room: number): number {
  let low = DESCRIPTION_FLOOR;
  let high = Math.max(low, ...lengths);
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (cappedSum(lengths, mid) <= room) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The longest descriptions are cut first, down to a common cap. */
function shrinkDescriptions(embeds: readonly APIEmbed[]): APIEmbed[] {
  const total = totalLength(embeds);
  if (total <= LIMITS.embedsTotal) return [...embeds];
  const lengths = embeds.map((e) => e.description?.length ?? 0);
  const room = LIMITS.embedsTotal - (total - cappedSum(lengths, Number.POSITIVE_INFINITY));
  const cap = descriptionCap(lengths, room);
  return embeds.map((e) =>
    e.description && e.description.length > cap ? { ...e, description: truncate(e.description, cap) } : e,
  );
}

/**
 * Embeds (each already within its own limits) within the 6000 characters of a message: descriptions are
 * shortened, then trailing embeds dropped; the first embed is always kept, if need be without its fields.
 */
export function fitEmbedTotal(embeds: readonly APIEmbed[]): APIEmbed[] {
  for (let kept = embeds.length; kept >= 1; kept--) {
    const shrunk = shrinkDescriptions(embeds.slice(0, kept));
    if (totalLength(shrunk) <= LIMITS.embedsTotal) return shrunk;
  }
  const [first] = embeds;
  if (!first) return [];
  const fields = first.fields ?? [];
  // Without fields it fits: title, floor description, footer and author come to 2816 at most.
  for (let n = fields.length - 1; ; n--) {
    const shrunk = shrinkDescriptions([{ ...first, fields: fields.slice(0, Math.max(0, n)) }]);
    if (n <= 0 || totalLength(shrunk) <= LIMITS.embedsTotal) return shrunk;
  }
}
