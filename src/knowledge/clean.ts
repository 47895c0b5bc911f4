/**
 * Turns a scraped article body into quotable text. Only whole noise spans are removed (markup, ad
 * markers, boilerplate lines, link lists, byline/source lines); the words of article sentences are
 * kept verbatim, in order. Paragraphs come out separated by exactly one blank line.
 */

import { isSpace } from '../text/sentences.js';
import { matchBoilerplate } from './boilerplate.js';
import { parseByline, parseSourceLine } from './byline.js';
import { stripHtml } from './html.js';
import { withoutHeadingMarks } from './markdownHeading.js';
import { replaceSpaced } from './spacedMatches.js';

export interface CleanOptions {
  /** The document title: a first line repeating it is dropped. */
  title?: string | null;
}

/** The spaces and tabs around a marker are measured by replaceSpaced, not by the pattern (linear time). */
const AD_MARKER = /\[\s*ad[_ -]?\d+\s*\]/gi;
const BULLET = /^[•·▪◦‣►●○■□*–—-]\s+/u;
/** Closing quotes and brackets, which may follow the punctuation that ends a sentence. */
const CLOSERS = new Set('"\'”’»)]');
/** Ends a sentence: . ! ? … possibly followed by closing quotes or brackets. */
const SENTENCE_END = new Set('.!?…');
/** Ends in a way no link or label does. */
const PROSE_END = new Set('.!?…:;,');
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const STARTS_WITH_CONTINUATION = /^[,.;:!?)\]}…”»]/u;
const STARTS_LOWER_CASE = /^\p{Ll}/u;

const MAX_LINK_WORDS = 25;
const MAX_LABEL_WORDS = 8;
const MIN_LABEL_RUN = 3;

type Paragraph = string[];

/** Whitespace-separated tokens holding a letter or a digit; counting stops once past `limit`. */
export function countAlphanumericTokens(text: string, limit = Number.POSITIVE_INFINITY): number {
  let count = 0;
  let counted = false; // the current token has been counted already
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) counted = false;
    else if (!counted && isWordCharacter(text, i, c)) {
      counted = true;
      if (++count > limit) break;
    }
  }
  return count;
}

function isWordCharacter(text: string, i: number, c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORD_CHARACTER.test(String.fromCodePoint(text.codePointAt(i)!));
}

/** The cleaned text; with `opts.title`, a first line repeating the title goes too (see dropRepeatedTitle). */
export function cleanText(body: string, opts: CleanOptions = {}): string {
  const text = replaceSpaced(
    stripHtml(body.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')),
    AD_MARKER,
    dropSpan,
  );
  const lines = text.split('\n').map((line) => line.trim());
  const noise = markNoise(lines);
  let paragraphs = joinBrokenSentences(toParagraphs(lines, noise));
  paragraphs = dropLabelRuns(paragraphs).filter((p) => p.some((line) => WORD_CHARACTER.test(line)));
  return dropRepeatedTitle(paragraphs.map((p) => p.join('\n')).join('\n\n'), opts.title);
}

/** Removes a span; the spaces around it collapse to one so that no double space is left behind. */
function dropSpan(_match: RegExpExecArray, before: string, after: string): string {
  return before && after ? ' ' : before + after;
}

/**
 * Whether `piece` appended to text whose ending was `before` leaves it ending in one of `ends`, possibly
 * followed by closing quotes or brackets. A piece of closers only leaves the ending as it was.
 */
function endsIn(ends: ReadonlySet<string>, piece: string, before = false): boolean {
  let i = piece.length - 1;
  while (i >= 0 && CLOSERS.has(piece[i]!)) i--;
  return i < 0 ? before : ends.has(piece[i]!);
}

function isBullet(line: string): boolean {
  return BULLET.test(line);
}

/** A line that reads like a link or a headline in a list rather than prose. */
function isLinkLike(line: string): boolean {
  return (
    (isBullet(line) || !endsIn(PROSE_END, line)) &&
    countAlphanumericTokens(line, MAX_LINK_WORDS) <= MAX_LINK_WORDS
  );
}

function markNoise(lines: string[]): boolean[] {
  const noise = lines.map(() => false);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const boilerplate = matchBoilerplate(line);
    if (boilerplate) {
      noise[i] = true;
      if (boilerplate.leadsLinkList) markLinkList(lines, noise, i + 1);
    } else if (isBullet(line) && !endsIn(SENTENCE_END, line) && isLinkLike(line)) {
      noise[i] = true;
    } else if (parseByline(line) || parseSourceLine(line)) {
      noise[i] = true;
    }
  }
  return noise;
}

/** Marks the link-like lines following a "Know more"-style heading, up to the first line of prose. */
function markLinkList(lines: string[], noise: boolean[], from: number): void {
  for (let j = from; j < lines.length; j++) {
    const line = lines[j]!;
    if (line === '') continue;
    if (matchBoilerplate(line) || !isLinkLike(line)) return;
    noise[j] = true;
  }
}

/** Blank and noise lines separate paragraphs; other consecutive lines stay together. */
function toParagraphs(lines: string[], noise: boolean[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: Paragraph = [];
  lines.forEach((line, i) => {
    if (line === '' || noise[i]) {
      if (current.length > 0) paragraphs.push(current);
      current = [];
    } else {
      current.push(line);
    }
  });
  if (current.length > 0) paragraphs.push(current);
  return paragraphs;
}

/** A paragraph being joined: its last line is kept in pieces, so that joining many parts stays linear. */
interface Joining {
  lines: string[];
  last: string;
  /** Pieces joined onto `last`, when there are any. */
  more: string[] | null;
  lastEndsSentence: boolean;
}

function lastLine(joining: Joining): string {
  return joining.more ? joining.last + joining.more.join('') : joining.last;
}

/**
 * Rejoins a sentence the source broke across paragraphs: the next part starts with punctuation
 * (", the fall of…", "."), or starts lower-case after a line that did not end a sentence.
 */
function joinBrokenSentences(paragraphs: Paragraph[]): Paragraph[] {
  const out: Joining[] = [];
  for (const paragraph of paragraphs) {
    const prev = out.at(-1);
    const first = paragraph[0]!;
    const punctuation = STARTS_WITH_CONTINUATION.test(first);
    let joining: Joining;
    if (prev && (punctuation || (STARTS_LOWER_CASE.test(first) && !prev.lastEndsSentence))) {
      joining = prev;
      joining.more ??= [];
      if (!punctuation) joining.more.push(' ');
      joining.more.push(first);
      joining.lastEndsSentence = endsIn(SENTENCE_END, first, punctuation && joining.lastEndsSentence);
    } else {
      joining = { lines: [], last: first, more: null, lastEndsSentence: endsIn(SENTENCE_END, first) };
      out.push(joining);
    }
    for (let i = 1; i < paragraph.length; i++) {
      const line = paragraph[i]!;
      joining.lines.push(lastLine(joining));
      joining.last = line;
      joining.more = null;
      joining.lastEndsSentence = endsIn(SENTENCE_END, line);
    }
  }
  return out.map((p) => {
    p.lines.push(lastLine(p));
    return p.lines;
  });
}

function isLabel(paragraph: Paragraph): boolean {
  const line = paragraph[0]!;
  return (
    paragraph.length === 1 &&
    !endsIn(PROSE_END, line) &&
    countAlphanumericTokens(line, MAX_LABEL_WORDS) <= MAX_LABEL_WORDS
  );
}

/** Runs of several short, unpunctuated one-line paragraphs are navigation, not article text. */
function dropLabelRuns(paragraphs: Paragraph[]): Paragraph[] {
  const keep = paragraphs.map(() => true);
  let runStart = 0;
  for (let i = 0; i <= paragraphs.length; i++) {
    const paragraph = paragraphs[i];
    if (paragraph && isLabel(paragraph)) continue;
    if (i - runStart >= MIN_LABEL_RUN) keep.fill(false, runStart, i);
    runStart = i + 1;
  }
  return paragraphs.filter((_, i) => keep[i]);
}

/**
 * Whether `line` holds more non-space characters than `normalized` has characters: then it cannot
 * normalize to it (lower-casing never shortens text), and a long line need not be normalized at all.
 */
function longerThan(line: string, normalized: string): boolean {
  let left = normalized.length;
  for (let i = 0; i < line.length; i++) {
    if (!isSpace(line.charCodeAt(i)) && --left < 0) return true;
  }
  return false;
}

function normalizeTitle(text: string): string {
  return withoutHeadingMarks(text).replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Cleaned text without its first paragraph when that is a single line repeating the title. */
export function dropRepeatedTitle(cleaned: string, title: string | null | undefined): string {
  if (!title) return cleaned;
  const end = cleaned.indexOf('\n\n');
  const first = end === -1 ? cleaned : cleaned.slice(0, end);
  const wanted = normalizeTitle(title);
  if (first === '' || first.includes('\n') || longerThan(first, wanted) || normalizeTitle(first) !== wanted)
    return cleaned;
  return end === -1 ? '' : cleaned.slice(end + 2);
}
