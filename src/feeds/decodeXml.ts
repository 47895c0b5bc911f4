/**
 * A feed's bytes to text as XML says: a byte-order mark first, then the charset of the Content-Type
 * header, then the encoding of the XML declaration (`<?xml version="1.0" encoding="windows-1251"?>`),
 * else UTF-8. Legacy encodings come from Node's full ICU, as for pages.
 */

const BOMS: readonly { bytes: number[]; charset: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], charset: 'utf-8' },
  { bytes: [0xfe, 0xff], charset: 'utf-16be' },
  { bytes: [0xff, 0xfe], charset: 'utf-16le' },
];

function known(label: string | null | undefined): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

function headerCharset(contentType: string): string | null {
  const match = /;\s*charset\s*=\s*"?([\w.:-]{1,40})/i.exec(contentType);
  return match?.[1] ?? null;
}

function declaredEncoding(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  if (!head.startsWith('<?xml')) return null;
  const end = head.indexOf('?>');
  const declaration = end === -1 ? head : head.slice(0, end);
  return /encoding\s*=\s*["']([\w.:-]{1,40})["']/.exec(declaration)?.[1] ?? null;
}

export function decodeXml(bytes: Uint8Array, contentType: string): { text: string; charset: string } {
  const bom = BOMS.find((b) => b.bytes.every((byte, i) => bytes[i] === byte));
  const charset =
    bom?.charset ?? known(headerCharset(contentType)) ?? known(declaredEncoding(bytes)) ?? 'utf-8';
  // TextDecoder drops the byte-order mark itself.
  return { text: new TextDecoder(charset).decode(bytes), charset };
}
