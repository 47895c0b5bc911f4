/**
 * An HTML page's bytes to text in the encoding it declares, as a browser reads it: a byte-order mark
 * first (it cannot be wrong), then the charset of the Content-Type header, then a <meta charset> or
 * <meta http-equiv="Content-Type"> near the start of the page; UTF-8 when none names an encoding we know.
 * Legacy encodings (windows-1251, KOI8-R, ISO-8859-5, …) come from Node's full ICU.
 */

export interface DecodedHtml {
  html: string;
  /** The encoding used, by its WHATWG name ("windows-1251"). */
  charset: string;
  /** Where it came from. */
  from: 'bom' | 'header' | 'meta' | 'default';
}

/** How far into the page a <meta> declaring the charset is looked for. */
export const META_SCAN_BYTES = 4096;

const BOMS: readonly { bytes: number[]; charset: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], charset: 'utf-8' },
  { bytes: [0xfe, 0xff], charset: 'utf-16be' },
  { bytes: [0xff, 0xfe], charset: 'utf-16le' },
];

/** The encoding a byte-order mark at the start of `bytes` names, or null when there is none. */
export function bomCharset(bytes: Uint8Array): string | null {
  return BOMS.find((b) => b.bytes.every((byte, i) => bytes[i] === byte))?.charset ?? null;
}

export function decodeHtml(bytes: Uint8Array, contentType: string | null): DecodedHtml {
  const bom = bomCharset(bytes);
  if (bom) return decode(bytes, bom, 'bom');
  const declared = knownCharset(charsetParameter(contentType ?? ''));
  if (declared) return decode(bytes, declared, 'header');
  // A page cannot tell in ASCII that it is in UTF-16: the standard reads such a <meta> as UTF-8.
  const meta = knownCharset(metaCharset(bytes.subarray(0, META_SCAN_BYTES)));
  if (meta) return decode(bytes, meta.startsWith('utf-16') ? 'utf-8' : meta, 'meta');
  return decode(bytes, 'utf-8', 'default');
}

function decode(bytes: Uint8Array, charset: string, from: DecodedHtml['from']): DecodedHtml {
  return { html: new TextDecoder(charset).decode(bytes), charset, from };
}

/** The WHATWG name of a charset label, or null when the label names no encoding we can decode. */
export function knownCharset(label: string | null): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

/** The charset parameter of a Content-Type value (`text/html; charset="koi8-r"`), or null. */
export function charsetParameter(contentType: string): string | null {
  for (const part of contentType.split(';').slice(1)) {
    const eq = part.indexOf('=');
    if (eq === -1 || part.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    return unquote(part.slice(eq + 1).trim());
  }
  return null;
}

function unquote(value: string): string {
  const quote = value[0];
  if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote))
    return value.slice(1, -1);
  return value;
}

/**
 * The charset a <meta> tag declares in `head` (read as Latin-1, so that any ASCII-compatible encoding
 * reads alike), skipping comments. A scan, not a pattern: each character is visited a bounded number
 * of times.
 */
export function metaCharset(head: Uint8Array): string | null {
  const text = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1');
  let i = text.indexOf('<');
  while (i !== -1) {
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end === -1) return null;
      i = text.indexOf('<', end + 3);
      continue;
    }
    const close = text.indexOf('>', i);
    if (close === -1) return null;
    const tag = text.slice(i, close);
    if (/^<meta[\s/]/i.test(tag)) {
      const charset = charsetOfMeta(readAttributes(tag.slice(5)));
      if (charset) return charset;
    }
    i = text.indexOf('<', close);
  }
  return null;
}

function charsetOfMeta(attributes: Map<string, string>): string | null {
  const charset = attributes.get('charset');
  if (charset) return charset;
  if (attributes.get('http-equiv')?.toLowerCase() !== 'content-type') return null;
  return charsetParameter(`;${attributes.get('content') ?? ''}`);
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';

/** The attributes of a tag (after its name), names lower-cased; the first of a repeated name wins. */
function readAttributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    while (i < text.length && (isSpace(text[i]) || text[i] === '/')) i++;
    const nameStart = i;
    while (i < text.length && !isSpace(text[i]) && text[i] !== '=' && text[i] !== '/') i++;
    const name = text.slice(nameStart, i).toLowerCase();
    while (i < text.length && isSpace(text[i])) i++;
    let value = '';
    if (text[i] === '=') {
      i++;
      while (i < text.length && isSpace(text[i])) i++;
      const quote = text[i];
      if (quote === '"' || quote === "'") {
        const end = text.indexOf(quote, i + 1);
        value = text.slice(i + 1, end === -1 ? text.length : end);
        i = end === -1 ? text.length : end + 1;
      } else {
        const start = i;
        while (i < text.length && !isSpace(text[i])) i++;
        value = text.slice(start, i);
      }
    }
    if (name && !out.has(name)) out.set(name, value);
    if (i === nameStart) i++;
  }
  return out;
}
