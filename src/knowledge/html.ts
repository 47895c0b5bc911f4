/**
 * Removes HTML left in scraped text: real tags, spaced-out remnants such as "< / P >", comments,
 * scripts; decodes entities. Link text survives (`<a href=…>text</a>` → `text`).
 */

import { replaceSpaced } from './spacedMatches.js';

const BLOCK_TAGS = new Set(
  (
    'address article aside blockquote body br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 ' +
    'head header hr html li main nav ol p pre section table tbody td tfoot th thead title tr ul'
  ).split(' '),
);
const INLINE_TAGS = new Set(
  (
    'a abbr audio b big cite code del em font i iframe img input ins label link mark meta noscript picture q s ' +
    'small source span strike strong sub sup time tt u video wbr'
  ).split(' '),
);

// Real tags may carry attributes; spaced remnants ("< p >") may not, so "a < b and c > d" is left alone.
// The spaces and tabs around a tag are measured by replaceSpaced, not by the pattern (linear time).
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?\/?>|<\s*(?:\/\s*)?([a-zA-Z][a-zA-Z0-9]*)\s*(?:\/\s*)?>/g;
const SCRIPT_OPEN = /<(script|style)\b/gi;
const SCRIPT_CLOSE: Record<string, RegExp> = { script: /<\/script\s*>/gi, style: /<\/style\s*>/gi };

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  shy: '',
};
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/g;

export function stripHtml(text: string): string {
  return decodeEntities(replaceSpaced(removeComments(removeScripts(text)), TAG, replaceTag));
}

/**
 * `<script …>…</script>` and `<style …>…</style>`, each up to its first closing tag, as the pattern
 * `/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi` would remove them, but without rescanning the rest
 * of the text for every opening tag that is never closed.
 */
function removeScripts(text: string): string {
  let out = '';
  let last = 0;
  let gt = -1; // the first ">" at or after the current tag name, once looked for
  const closed: Record<string, boolean> = { script: true, style: true };
  SCRIPT_OPEN.lastIndex = 0;
  for (let m = SCRIPT_OPEN.exec(text); m !== null; m = SCRIPT_OPEN.exec(text)) {
    const name = m[1]!.toLowerCase();
    if (!closed[name]) continue;
    if (gt < SCRIPT_OPEN.lastIndex) gt = text.indexOf('>', SCRIPT_OPEN.lastIndex);
    if (gt === -1) break; // no later tag can end either
    const close = SCRIPT_CLOSE[name]!;
    close.lastIndex = gt + 1;
    if (!close.exec(text)) {
      closed[name] = false; // nor can a later tag of this name find one
      continue;
    }
    out += text.slice(last, m.index);
    last = close.lastIndex;
    SCRIPT_OPEN.lastIndex = last;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** `<!-- … -->`, each up to the first `-->` after it. */
function removeComments(text: string): string {
  let out = '';
  let last = 0;
  for (let open = text.indexOf('<!--'); open !== -1; open = text.indexOf('<!--', last)) {
    const close = text.indexOf('-->', open + 4);
    if (close === -1) break; // no later comment is closed either
    out += text.slice(last, open);
    last = close + 3;
  }
  return last === 0 ? text : out + text.slice(last);
}

function replaceTag(m: RegExpExecArray, before: string, after: string): string {
  const name = (m[1] ?? m[2] ?? '').toLowerCase();
  if (BLOCK_TAGS.has(name)) return '\n\n';
  if (!INLINE_TAGS.has(name)) return before + m[0] + after;
  // Keep one space if the tag sat between two words' spaces, none if it was glued to a word.
  return before && after ? ' ' : before + after;
}

export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (match, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES[name] ?? match;
    const code = Number.parseInt(dec ?? hex ?? '', dec === undefined ? 16 : 10);
    if (code === 0xa0) return ' ';
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
      ? String.fromCodePoint(code)
      : match;
  });
}
