/**
 * A feed's bytes to text as XML says: a byte-order mark first, then the charset of the Content-Type
 * header, then the encoding of the XML declaration (`<?xml version="1.0" encoding="windows-1251"?>`),
 * else UTF-8. The byte-order mark and the header are read as for pages (decodeHtml.ts).
 */

import { bomCharset, charsetParameter, knownCharset } from '../ingest/decodeHtml.js';

function declaredEncoding(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  if (!head.startsWith('<?xml')) return null;
  const end = head.indexOf('?>');
  const declaration = end === -1 ? head : head.slice(0, end);
  return /encoding\s*=\s*["']([\w.:-]{1,40})["']/.exec(declaration)?.[1] ?? null;
}

export function decodeXml(bytes: Uint8Array, contentType: string): { text: string; charset: string } {
  const charset =
    bomCharset(bytes) ??
    knownCharset(charsetParameter(contentType)) ??
    knownCharset(declaredEncoding(bytes)) ??
    'utf-8';
  // TextDecoder drops the byte-order mark itself.
  return { text: new TextDecoder(charset).decode(bytes), charset };
}
