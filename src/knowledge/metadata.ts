import { MetadataError } from './errors.js';
/**
 * Document metadata: front-matter values win (and are validated); missing fields are inferred from
 * the text and listed in `inferred`. Nothing is guessed beyond what the text says.
 */

import type { DocumentMeta, MetadataField } from '../types.js';
import { isMetadataField, METADATA_FIELDS } from '../types.js';
import { isHttpUrl } from '../util/httpUrl.js';
import { trimEndWhile } from '../util/trimEndWhile.js';
import { parseByline, parseSourceLine } from './byline.js';
import { cleanText, countAlphanumericTokens } from './clean.js';
import { findDate, isIsoDate, latestDate } from './dates.js';
import type { FrontMatterData } from './frontMatter.js';
import { withoutHeadingMarks } from './markdownHeading.js';
import { outletClaimOf } from './outletClaim.js';

/**
 * Outlets named by page boilerplate, most authoritative first: a copyright or reuse notice names the
 * publisher of the article itself, a mailing-list footer only the site that republished it (so an
 * RFE/RL article reprinted on GlobalSecurity.org is RFE/RL's).
 */
const OUTLET_HINTS: readonly { name: string; pattern: RegExp }[] = [
  {
    name: 'copyright-holder',
    // `copyright\s*(?:\(c\)|©)?\s*` would match the same, but try every split of a run of spaces.
    pattern:
      /^(?:copyright(?:\s*(?:\(c\)|©))?|\(c\)|©)\s*\d{4}[.,]?\s+(\p{Lu}[^\s,]*(?:\s\p{Lu}[^\s,]*)*)/imu,
  },
  // `(?<!\w)` rather than `\b`: the same here, but V8 scans for `\b` slowly under the `iu` flags.
  { name: 'reprint-permission', pattern: /(?<!\w)reprinted with the permission of (\p{Lu}[^,.]*)/iu },
  { name: 'reuse-notice', pattern: /\binformation published by (\p{Lu}[\w.&-]*(?:\s\p{Lu}[\w.&-]*)*)/u },
  { name: 'mailing-list', pattern: /^join the ([\w-]+(?:\.[\w-]+)+) mailing list/im },
];

/** Bylines and datelines are looked for in the first lines only, not in the article's own dates. */
const HEADER_LINES = 8;
const MAX_DATE_LINE_WORDS = 8;
const MAX_TITLE_WORDS = 25;
const DATELINE = /^\p{Lu}[\p{Lu} .'-]*,\s*(.{4,30}?)\s*(?:\([^)]{1,30}\)\s*)?(?:--|[-–—])/u;
const LANGUAGE = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;

/** `cleaned` is `cleanText(body)` when the caller has it already (cleaning is the costly part). */
export function inferMetadata(
  front: FrontMatterData,
  body: string,
  fileName: string,
  cleaned?: string,
): DocumentMeta {
  const given = (field: MetadataField): boolean => Object.hasOwn(front, field);
  const value = (field: MetadataField): string | null => front[field]?.trim() || null;
  validate(value);
  const declaredInferred = inferredByFrontMatter(front.inferred);

  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const header: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed !== '' && header.push(trimmed) === HEADER_LINES) break;
  }
  const byline = header.map(parseByline).find((b) => b !== null) ?? null;
  let cleanedText = cleaned;
  const text = () => (cleanedText ??= cleanText(body));
  const heuristics: Record<MetadataField, () => string | null> = {
    title: () => inferTitle(text()),
    outlet: () => inferOutlet(body),
    author: () => byline?.author ?? null,
    // A report is at least as recent as the latest day it writes out in full.
    published: () => byline?.published ?? inferDate(header) ?? latestDate(text()),
    url: () => inferUrl(lines),
    language: () => null,
  };

  const inferred: MetadataField[] = [];
  const meta: Record<MetadataField, string | null> = {
    title: null,
    outlet: null,
    author: null,
    published: null,
    url: null,
    language: null,
  };
  for (const field of METADATA_FIELDS) {
    // A field given as null in front matter means "the text does not tell": no heuristics then, except
    // for the title, which every document needs, and the date, which the text may tell after all (every
    // document is dated when anything in it dates it; an answer about "now" orders by it).
    if (given(field) && (value(field) !== null || (field !== 'title' && field !== 'published'))) {
      meta[field] = value(field);
      if (meta[field] !== null && declaredInferred.has(field)) inferred.push(field);
      continue;
    }
    meta[field] = heuristics[field]();
    if (meta[field] !== null) inferred.push(field);
  }
  if (meta.title === null) {
    meta.title = fileName.replace(/\.[^.]*$/, '');
    inferred.push('title');
  }
  return { ...meta, title: meta.title, ...outletClaimOf(front), inferred };
}

/**
 * The fields front matter lists under `inferred:` ("outlet, published"): values it gives that were
 * themselves inferred, as add-by-URL writes what it read off a web page.
 */
function inferredByFrontMatter(list: string | null | undefined): Set<MetadataField> {
  const fields = new Set<MetadataField>();
  for (const name of (list ?? '').split(',').map((part) => part.trim())) {
    if (name === '') continue;
    if (!isMetadataField(name))
      throw new MetadataError(`inferred: "${name}" is not a metadata field (${METADATA_FIELDS.join(', ')})`);
    fields.add(name);
  }
  return fields;
}

function validate(value: (field: MetadataField) => string | null): void {
  const published = value('published');
  if (published !== null && !isIsoDate(published)) {
    throw new MetadataError(`published: "${published}" is not a real date written as YYYY-MM-DD`);
  }
  const url = value('url');
  if (url !== null && !isCitableUrl(url)) {
    throw new MetadataError(`url: "${url}" is not an http(s) URL`);
  }
  const language = value('language');
  if (language !== null && !LANGUAGE.test(language)) {
    throw new MetadataError(`language: "${language}" is not a language code such as "en" or "pt-BR"`);
  }
}

/** A URL broken by spaces (as pasted from a page) is not one we can cite. */
function isCitableUrl(value: string): boolean {
  return !/\s/.test(value) && isHttpUrl(value);
}

/** The first line of the cleaned text: a headline as is (a Markdown heading without its #s), a sentence without its full stop. */
function inferTitle(cleaned: string): string | null {
  const lineEnd = cleaned.indexOf('\n');
  const first = withoutHeadingMarks(lineEnd === -1 ? cleaned : cleaned.slice(0, lineEnd)).trim();
  if (!first) return null;
  const sentence =
    countAlphanumericTokens(first, MAX_TITLE_WORDS) <= MAX_TITLE_WORDS
      ? first
      : /^.{20,}?[.!?](?=\s+\p{Lu}|$)/u.exec(first)?.[0];
  if (sentence && countAlphanumericTokens(sentence, MAX_TITLE_WORDS) <= MAX_TITLE_WORDS)
    return sentence.replace(/(?<!\.)\.$/, '');
  return `${firstWords(first, 12).join(' ')} …`;
}

/** The first `n` whitespace-separated words (a split of the whole line would walk all of it). */
function firstWords(text: string, n: number): string[] {
  const words: string[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    if (words.push(m[0]) === n) break;
  }
  return words;
}

function inferOutlet(body: string): string | null {
  for (const hint of OUTLET_HINTS) {
    // A name ends where its sentence does ("Example News. All rights reserved").
    const name = hint.pattern.exec(body)?.[1]?.split(/[.,;:]\s/)[0];
    const outlet = name && trimEndWhile(name, (c) => c === '.' || /\s/.test(c));
    if (outlet) return outlet;
  }
  return null;
}

/** A date line ("September 03, 2020") or a dated dateline ("MINSK, Sept. 3, 2020 (Reuters) -"). */
function inferDate(header: string[]): string | null {
  for (const line of header) {
    const date =
      countAlphanumericTokens(line, MAX_DATE_LINE_WORDS) <= MAX_DATE_LINE_WORDS
        ? findDate(line)
        : findDate(DATELINE.exec(line)?.[1] ?? '');
    if (date) return date;
  }
  return null;
}

function inferUrl(lines: string[]): string | null {
  for (const line of lines) {
    const url = parseSourceLine(line);
    if (url && isCitableUrl(url)) return url;
  }
  return null;
}
