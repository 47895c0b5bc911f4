/** Metadata lines found in article text: bylines ("By X August 26, 2020") and "Source: URL" lines. */

import { isSpace } from '../text/sentences.js';
import { trimEndWhile } from '../util/trimEndWhile.js';
import { DATE_PATTERN, findDate } from './dates.js';

export interface Byline {
  author: string;
  /** ISO date when the byline carries one. */
  published: string | null;
}

/** A date that ends its line. */
const DATE_AT_END = new RegExp(`(?:${DATE_PATTERN.source})$`, 'giu');
const SEPARATORS = new Set([',', '|', '–', '—', '-']);
const MAX_AUTHOR_WORDS = 10;
/** Bylines and source lines are short; longer lines are prose and are not matched at all. */
const MAX_LINE_LENGTH = 300;
// Every word of a name is capitalised ("RFE/RL's", "Charles", "J.") or a name particle.
const NAME_WORD = /^(\p{Lu}\S*|and|of|for|de|del|da|di|du|van|von|der|den|la|le|al|bin|y)$/u;

const SOURCE_LINE =
  /^(?:source|original(?:ly published)?(?: at)?|read the original(?: article)?)\s*:\s*(https?:\/\/.+)$/i;

export function parseByline(line: string): Byline | null {
  const text = line.trim();
  const m = text.startsWith('By ') && text.length <= MAX_LINE_LENGTH ? splitByline(text) : null;
  const author = m && trimEndWhile(m.author.trim(), (c) => /\s/.test(c) || SEPARATORS.has(c));
  if (!m || !author || /[.,;:]$/.test(author)) return null;
  const words = author.split(/\s+/);
  if (words.length > MAX_AUTHOR_WORDS || !words.every((w) => NAME_WORD.test(w.replace(/,$/, ''))))
    return null;
  return { author, published: m.date ? findDate(m.date) : null };
}

/**
 * "By <author>[,|–— -] <date>" as `^By\s+(\S[^!?]*?)(?:\s*[,|–—-]?\s*(DATE))?$` would read it (the
 * shortest author after which the rest is a date, else the whole rest), without that pattern's backtracking,
 * which is cubic in the spaces between the author and a date.
 */
function splitByline(text: string): { author: string; date?: string } | null {
  let start = 2;
  while (start < text.length && isSpace(text.charCodeAt(start))) start++;
  if (start === 2 || start === text.length || /[!?]/.test(text.slice(start + 1))) return null;
  DATE_AT_END.lastIndex = start + 1;
  const date = DATE_AT_END.exec(text);
  if (!date) return { author: text.slice(start) };
  // The author ends where the spaces and the one separator before the date begin.
  let end = date.index;
  while (end > start + 1 && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start + 1 && SEPARATORS.has(text[end - 1]!)) end--;
  while (end > start + 1 && isSpace(text.charCodeAt(end - 1))) end--;
  return { author: text.slice(start, end), date: date[0] };
}

/** The URL of a "Source: https://…" line; a URL broken by spaces is rejoined. */
export function parseSourceLine(line: string): string | null {
  const text = line.trim();
  const m = text.length <= MAX_LINE_LENGTH ? SOURCE_LINE.exec(text) : null;
  return m?.[1] ? m[1].replace(/\s+/g, '') : null;
}
