/**
 * Turns a scraped article body into quotable text. Only whole noise spans are removed (markup, ad
 * markers, boilerplate lines, link lists, byline/source lines); the words of article sentences are
 * kept verbatim, in order. Paragraphs come out separated by exactly one blank line.
 */

import { matchBoilerplate } from './boilerplate.js';
import { parseByline, parseSourceLine } from './byline.js';
import { stripHtml } from './html.js';
import { withoutHeadingMarks } from './markdownHeading.js';

export interface CleanOptions {
  /** The document title: a first line repeating it is dropped. */
  title?: string | null;
}

const AD_MARKER = /([ \t]*)\[\s*ad[_ -]?\d+\s*\]([ \t]*)/gi;
const BULLET = /^[•·▪◦‣►●○■□*–—-]\s+/u;
/** Ends a sentence: . ! ? … possibly followed by closing quotes or brackets. */
const SENTENCE_END = /[.!?…]["'”’»)\]]*$/u;
/** Ends in a way no link or label does. */
const PROSE_END = /[.!?…:;,]["'”’»)\]]*$/u;
const STARTS_WITH_CONTINUATION = /^[,.;:!?)\]}…”»]/u;
const STARTS_LOWER_CASE = /^\p{Ll}/u;

const MAX_LINK_WORDS = 25;
const MAX_LABEL_WORDS = 8;
const MIN_LABEL_RUN = 3;

type Paragraph = string[];

export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export function cleanText(body: string, opts: CleanOptions = {}): string {
  const text = stripHtml(body.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')).replace(AD_MARKER, dropSpan);
  const lines = text.split('\n').map((line) => line.trim());
  const noise = markNoise(lines);
  let paragraphs = joinBrokenSentences(toParagraphs(lines, noise));
  paragraphs = dropLabelRuns(paragraphs).filter((p) => countWords(p.join(' ')) > 0);
  paragraphs = dropRepeatedTitle(paragraphs, opts.title);
  return paragraphs.map((p) => p.join('\n')).join('\n\n');
}

/** Removes a span; the spaces around it collapse to one so that no double space is left behind. */
function dropSpan(_match: string, before: string, after: string): string {
  return before && after ? ' ' : before + after;
}

function isBullet(line: string): boolean {
  return BULLET.test(line);
}

/** A line that reads like a link or a headline in a list rather than prose. */
function isLinkLike(line: string): boolean {
  return (isBullet(line) || !PROSE_END.test(line)) && countWords(line) <= MAX_LINK_WORDS;
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
    } else if (isBullet(line) && !SENTENCE_END.test(line) && isLinkLike(line)) {
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

/**
 * Rejoins a sentence the source broke across paragraphs: the next part starts with punctuation
 * (", the fall of…", "."), or starts lower-case after a line that did not end a sentence.
 */
function joinBrokenSentences(paragraphs: Paragraph[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const paragraph of paragraphs) {
    const prev = out.at(-1);
    const last = prev?.at(-1);
    const first = paragraph[0]!;
    const continues =
      STARTS_WITH_CONTINUATION.test(first) ||
      (STARTS_LOWER_CASE.test(first) && !SENTENCE_END.test(last ?? '.'));
    if (prev && last !== undefined && continues) {
      prev[prev.length - 1] = last + (STARTS_WITH_CONTINUATION.test(first) ? '' : ' ') + first;
      prev.push(...paragraph.slice(1));
    } else {
      out.push([...paragraph]);
    }
  }
  return out;
}

function isLabel(paragraph: Paragraph): boolean {
  const line = paragraph[0]!;
  return paragraph.length === 1 && !PROSE_END.test(line) && countWords(line) <= MAX_LABEL_WORDS;
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

function normalizeTitle(text: string): string {
  return withoutHeadingMarks(text).replace(/\s+/g, ' ').trim().toLowerCase();
}

function dropRepeatedTitle(paragraphs: Paragraph[], title: string | null | undefined): Paragraph[] {
  const first = paragraphs[0];
  if (!title || !first || first.length !== 1) return paragraphs;
  return normalizeTitle(first[0]!) === normalizeTitle(title) ? paragraphs.slice(1) : paragraphs;
}
