/** Metadata lines found in article text: bylines ("By X August 26, 2020") and "Source: URL" lines. */

import { DATE_PATTERN, findDate } from './dates.js';

export interface Byline {
  author: string;
  /** ISO date when the byline carries one. */
  published: string | null;
}

const BYLINE = new RegExp(`^By\\s+(\\S[^!?]*?)(?:\\s*[,|–—-]?\\s*(${DATE_PATTERN.source}))?$`, 'iu');
const MAX_AUTHOR_WORDS = 10;
/** Bylines and source lines are short; longer lines are prose and are not matched at all. */
const MAX_LINE_LENGTH = 300;
// Every word of a name is capitalised ("RFE/RL's", "Charles", "J.") or a name particle.
const NAME_WORD = /^(\p{Lu}\S*|and|of|for|de|del|da|di|du|van|von|der|den|la|le|al|bin|y)$/u;

const SOURCE_LINE =
  /^(?:source|original(?:ly published)?(?: at)?|read the original(?: article)?)\s*:\s*(https?:\/\/.+)$/i;

export function parseByline(line: string): Byline | null {
  const text = line.trim();
  const m = text.startsWith('By ') && text.length <= MAX_LINE_LENGTH ? BYLINE.exec(text) : null;
  const author = m?.[1]?.trim().replace(/[\s,|–—-]+$/, '');
  if (!m || !author || /[.,;:]$/.test(author)) return null;
  const words = author.split(/\s+/);
  if (words.length > MAX_AUTHOR_WORDS || !words.every((w) => NAME_WORD.test(w.replace(/,$/, ''))))
    return null;
  return { author, published: m[2] ? findDate(m[2]) : null };
}

/** The URL of a "Source: https://…" line; a URL broken by spaces is rejoined. */
export function parseSourceLine(line: string): string | null {
  const text = line.trim();
  const m = text.length <= MAX_LINE_LENGTH ? SOURCE_LINE.exec(text) : null;
  return m?.[1] ? m[1].replace(/\s+/g, '') : null;
}
