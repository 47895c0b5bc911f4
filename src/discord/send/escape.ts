import type { Span } from '../../types.js';

const ZWSP = '\u200b';

/** Escaped wherever they stand: emphasis, strike, code, spoiler, escapes, and `[` that opens masked links. */
const ALWAYS_ESCAPED = new Set(['*', '_', '~', '`', '|', '\\', '[']);

/** Block syntax at a line start: heading, subtext (`-#`), quote, bullet, numbered list. */
const LINE_START = /^[ \t]*(?:([#>]|-(?=[ #])|\+(?= ))|\d+(\.)(?=\s))/dgm;

/** `<` that opens a mention, channel, command, emoji, timestamp or guild link; `<https://…>` is left alone. */
const MENTION_OPEN = /<(?=[@#/:]|[A-Za-z]+:(?!\/\/))/g;

const MASS_MENTION = /@(?=everyone|here)/g;

/** The bare-link rule of Discord's parser (simple-markdown's): nothing inside a link is read as markdown. */
const BARE_LINK = /https?:\/\/[^\s<]+[^\s<.,:;"')\]]/g;
const THEN_ANGLE = /[.,:;"')\]]*</y;

function indexesOf(pattern: RegExp, text: string): Set<number> {
  const found = new Set<number>();
  for (const m of text.matchAll(pattern)) {
    const at = m.indices?.[1] ?? m.indices?.[2] ?? [m.index];
    found.add(at[0]!);
  }
  return found;
}

/**
 * Bare links, kept verbatim so they stay clickable. A link followed directly by `<` is not kept: the
 * backslash escaping that `<` would become part of the link and the `<@…>` after it would render.
 */
function findUrls(text: string): { urls: Span[]; defused: Set<number> } {
  const urls: Span[] = [];
  const defused = new Set<number>();
  for (const m of text.matchAll(BARE_LINK)) {
    const end = m.index + m[0].length;
    THEN_ANGLE.lastIndex = end;
    // Escaping the scheme's `:` stops Discord from seeing a link at all.
    if (THEN_ANGLE.test(text)) defused.add(m.index + m[0].indexOf(':'));
    else urls.push({ start: m.index, end });
  }
  return { urls, defused };
}

/** The escaped form of each UTF-16 unit of `text`, so ranges of the original map onto the output. */
function escapePieces(text: string, urls: Span[], defused: Set<number>): string[] {
  const backslash = new Set([...indexesOf(LINE_START, text), ...indexesOf(MENTION_OPEN, text), ...defused]);
  const massMention = indexesOf(MASS_MENTION, text);
  const pieces: string[] = [];
  let url = 0;
  let newlines = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    while (urls[url] && urls[url]!.end <= i) url++;
    if (urls[url] && urls[url]!.start <= i) {
      newlines = 0;
      pieces.push(ch);
      continue;
    }
    newlines = ch === '\n' ? newlines + 1 : 0;
    if (newlines > 2) {
      pieces.push('');
      continue;
    }
    const before = ALWAYS_ESCAPED.has(ch) || backslash.has(i) ? '\\' : '';
    pieces.push(before + ch + (massMention.has(i) ? ZWSP : ''));
  }
  return pieces;
}

/** Document text that renders literally in Discord: no pings, pills, links, headings, lists or formatting. */
export function escapeForDiscord(text: string): string {
  const { urls, defused } = findUrls(text);
  return escapePieces(text, urls, defused).join('');
}

function isLowSurrogate(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Sorted, merged, trimmed, one-line ranges that split no link and no surrogate pair. */
function normalizeRanges(text: string, ranges: readonly Span[], urls: Span[]): Span[] {
  const widened = ranges
    .map((r) => {
      let start = Math.max(0, Math.min(r.start, text.length));
      let end = Math.max(start, Math.min(r.end, text.length));
      if (start === end) return null;
      for (const u of urls) {
        // A `**` touching a link's end would be read as part of the link.
        if (start > u.start && start <= u.end) start = u.start;
        if (end > u.start && end < u.end) end = u.end;
      }
      if (isLowSurrogate(text, start)) start--;
      if (isLowSurrogate(text, end)) end++;
      return { start, end };
    })
    .filter((r): r is Span => r !== null)
    .sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const r of widened) {
    const last = merged.at(-1);
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged.flatMap(({ start, end }) => lineParts(text, start, end)).filter((r) => r.end > r.start);
}

/** A range cut at newlines, each part trimmed: bold never spans lines, so lines can be quoted one by one. */
function lineParts(text: string, start: number, end: number): Span[] {
  const parts: Span[] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i < end && text[i] !== '\n') continue;
    let a = from;
    let b = i;
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    parts.push({ start: a, end: b });
    from = i + 1;
  }
  return parts;
}

/** `escapeForDiscord(text)` with the given ranges of the original text in bold. */
export function boldRanges(text: string, ranges: readonly Span[]): string {
  const { urls, defused } = findUrls(text);
  const pieces = escapePieces(text, urls, defused);
  let out = '';
  let at = 0;
  for (const { start, end } of normalizeRanges(text, ranges, urls)) {
    out += `${pieces.slice(at, start).join('')}**${pieces.slice(start, end).join('')}**`;
    at = end;
  }
  return out + pieces.slice(at).join('');
}

const LINK_SCHEME = /\b(https?):(?=\/\/)/gi;

/**
 * Text a member wrote (a flag's reason, a question) shown to moderators: escaped like document text,
 * and its links shown but not clickable, so a reason cannot carry a phishing link into the mod-log.
 */
export function escapeMemberText(text: string): string {
  return escapeForDiscord(text).replace(LINK_SCHEME, '$1\\:');
}

/**
 * `text` as Discord inline code. Markdown escapes show literally inside a code span, so the text is not
 * backslash-escaped; instead the fence is one backtick longer than the longest run of backticks in the
 * text, a space separates a backtick at either end of the text from the fence (Discord drops that space),
 * and line breaks become spaces, since a span must stay on its line. Nothing inside renders: no mention,
 * link or formatting.
 */
export function inlineCode(text: string): string {
  const line = text.replace(/\r\n?|[\n\u2028\u2029]/g, ' ');
  let longest = 0;
  let run = 0;
  for (let i = 0; i < line.length; i++) {
    run = line[i] === '`' ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  const fence = '`'.repeat(longest + 1);
  if (line === '') return `${fence} ${fence}`;
  const before = line.startsWith('`') ? ' ' : '';
  const after = line.endsWith('`') ? ' ' : '';
  return `${fence}${before}${line}${after}${fence}`;
}
