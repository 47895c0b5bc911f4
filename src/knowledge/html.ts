/**
 * Removes HTML left in scraped text: real tags, spaced-out remnants such as "< / P >", comments,
 * scripts; decodes entities. Link text survives (`<a href=…>text</a>` → `text`).
 */

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
const TAG =
  /([ \t]*)(<\/?([a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?\/?>|<\s*\/?\s*([a-zA-Z][a-zA-Z0-9]*)\s*\/?\s*>)([ \t]*)/g;
const COMMENT = /<!--[\s\S]*?-->/g;
const SCRIPT = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

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
  return decodeEntities(text.replace(SCRIPT, '').replace(COMMENT, '').replace(TAG, replaceTag));
}

function replaceTag(
  match: string,
  before: string,
  _tag: string,
  real?: string,
  spaced?: string,
  after = '',
): string {
  const name = (real ?? spaced ?? '').toLowerCase();
  if (BLOCK_TAGS.has(name)) return '\n\n';
  if (!INLINE_TAGS.has(name)) return match;
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
