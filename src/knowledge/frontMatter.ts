import { FrontMatterError } from './errors.js';
/**
 * A flat YAML subset for document front matter: `key: value` lines between `---` fences,
 * values being quoted strings, bare strings or null. No lists, maps or block scalars.
 */

export type FrontMatterData = Record<string, string | null>;

export interface ParsedFrontMatter {
  data: FrontMatterData;
  /** Everything after the closing fence, untouched: `body === source.slice(bodyOffset)`. */
  body: string;
  bodyOffset: number;
}

const FENCE = /^---[ \t]*$/;
const KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const NULLS = new Set(['', 'null', 'Null', 'NULL', '~']);
const UNSUPPORTED_START = /^[[{|>&*!%@`]/;

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};
const HEX_ESCAPE_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

interface Line {
  text: string;
  /** Offset of the character after this line's line break. */
  next: number;
}

function* lines(source: string, from: number): Generator<Line> {
  let start = from;
  while (start < source.length) {
    const lf = source.indexOf('\n', start);
    const end = lf === -1 ? source.length : lf;
    const text = source.slice(start, end).replace(/\r$/, '');
    start = lf === -1 ? source.length : lf + 1;
    yield { text, next: start };
  }
}

export function parseFrontMatter(source: string): ParsedFrontMatter {
  const start = source.startsWith('\uFEFF') ? 1 : 0;
  const iter = lines(source, start);
  const first = iter.next();
  if (first.done || !FENCE.test(first.value.text)) {
    return { data: {}, body: source.slice(start), bodyOffset: start };
  }
  // Find the closing fence first, so that a missing one is reported as such rather than as the
  // first body line not being "key: value".
  const block: string[] = [];
  for (const line of iter) {
    if (!FENCE.test(line.text)) {
      block.push(line.text);
      continue;
    }
    const data: FrontMatterData = {};
    block.forEach((text, i) => {
      parseLine(text, i + 2, data);
    });
    return { data, body: source.slice(line.next), bodyOffset: line.next };
  }
  throw new FrontMatterError('front matter opened with "---" on line 1 is never closed by a "---" line');
}

function parseLine(text: string, lineNo: number, data: FrontMatterData): void {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return;
  if (/^\s/.test(text)) {
    throw new FrontMatterError(
      `line ${lineNo}: indented lines are not supported (nested values?): "${trimmed}"`,
    );
  }
  const colon = text.indexOf(':');
  const key = colon === -1 ? '' : text.slice(0, colon).trim();
  const rest = colon === -1 ? '' : text.slice(colon + 1);
  if (colon === -1 || !KEY.test(key) || (rest !== '' && !/^\s/.test(rest))) {
    throw new FrontMatterError(`line ${lineNo}: expected "key: value", got "${trimmed}"`);
  }
  if (Object.hasOwn(data, key)) {
    throw new FrontMatterError(`line ${lineNo}: duplicate key "${key}"`);
  }
  data[key] = parseValue(rest.trim(), lineNo, key);
}

function parseValue(raw: string, lineNo: number, key: string): string | null {
  const at = `line ${lineNo} (${key})`;
  if (raw.startsWith('"') || raw.startsWith("'")) {
    const { value, end } = raw.startsWith('"') ? readDoubleQuoted(raw, at) : readSingleQuoted(raw, at);
    const trailing = raw.slice(end).trim();
    if (trailing !== '' && !trailing.startsWith('#')) {
      throw new FrontMatterError(`${at}: unexpected text after the closing quote: "${trailing}"`);
    }
    return value;
  }
  const value = withoutComment(raw).trim();
  if (NULLS.has(value)) return null;
  if (UNSUPPORTED_START.test(value)) {
    throw new FrontMatterError(
      `${at}: only plain strings are supported (no lists, maps or block scalars); quote the value`,
    );
  }
  return value;
}

/**
 * The value before its comment: a `#` starts one only at the start or after whitespace, as in YAML (so
 * `a#b` stays a value). As `raw.replace(/(^|\s+)#.*$/, '')` would cut it, in linear time: that pattern
 * rescans a run of spaces from each of its spaces.
 */
function withoutComment(raw: string): string {
  // `.*$` cannot cross a line break (U+2028 and U+2029 are ones too), so a comment starts after the last.
  let from = 0;
  for (const br of ['\n', '\r', '\u2028', '\u2029']) from = Math.max(from, raw.lastIndexOf(br) + 1);
  for (let hash = raw.indexOf('#', from); hash !== -1; hash = raw.indexOf('#', hash + 1)) {
    let start = hash;
    while (start > 0 && /\s/.test(raw[start - 1]!)) start--;
    if (start < hash || hash === 0) return raw.slice(0, start);
  }
  return raw;
}

function readDoubleQuoted(raw: string, at: string): { value: string; end: number } {
  let value = '';
  for (let i = 1; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '"') return { value, end: i + 1 };
    if (ch !== '\\') {
      value += ch;
      continue;
    }
    const esc = raw[++i];
    if (esc === undefined) break;
    const simple = SIMPLE_ESCAPES[esc];
    const hexLength = HEX_ESCAPE_LENGTH[esc];
    if (simple !== undefined) {
      value += simple;
    } else if (hexLength !== undefined) {
      const hex = raw.slice(i + 1, i + 1 + hexLength);
      const code =
        /^[0-9a-fA-F]+$/.test(hex) && hex.length === hexLength ? Number.parseInt(hex, 16) : Number.NaN;
      if (Number.isNaN(code) || code > 0x10ffff) {
        throw new FrontMatterError(`${at}: bad escape "\\${esc}${hex}"`);
      }
      value += String.fromCodePoint(code);
      i += hexLength;
    } else {
      throw new FrontMatterError(`${at}: unknown escape "\\${esc}"`);
    }
  }
  throw new FrontMatterError(`${at}: missing closing double quote`);
}

function readSingleQuoted(raw: string, at: string): { value: string; end: number } {
  let value = '';
  for (let i = 1; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch !== "'") {
      value += ch;
    } else if (raw[i + 1] === "'") {
      value += "'";
      i++;
    } else {
      return { value, end: i + 1 };
    }
  }
  throw new FrontMatterError(`${at}: missing closing single quote`);
}

/** Serializes to a front-matter block (ending in a newline) that `parseFrontMatter` reads back unchanged. */
export function serializeFrontMatter(data: FrontMatterData): string {
  const out = ['---'];
  for (const [key, value] of Object.entries(data)) {
    if (!KEY.test(key)) throw new FrontMatterError(`invalid front matter key "${key}"`);
    out.push(`${key}: ${value === null ? 'null' : quote(value)}`);
  }
  out.push('---', '');
  return out.join('\n');
}

function quote(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029 || code === 0xfeff) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return `${out}"`;
}
