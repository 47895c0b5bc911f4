/** A response body read up to a cap, decompressed as its Content-Encoding says, never past the cap. */

import type { IncomingMessage } from 'node:http';
import type { Readable, Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { IngestError } from './errors.js';
import { formatBytes } from './formatLimits.js';

/** `what` names the body in messages: "page", "feed". */
export function tooLarge(maxBytes: number, what = 'page'): IngestError {
  return new IngestError('too-large', `the ${what} is larger than ${formatBytes(maxBytes)}, the limit`);
}

function decoder(encoding: string, what: string): Transform {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      throw new IngestError(
        'unsupported-encoding',
        `the ${what} is sent in the ${encoding} encoding, not supported`,
      );
  }
}

/**
 * The decoded body. The cap counts the decompressed bytes, so a small compressed page that expands
 * enormously stops at the cap like any other; the caller's abort signal ends the read.
 */
export async function readBody(response: IncomingMessage, maxBytes: number, what = 'page'): Promise<Buffer> {
  const encoding = String(response.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  let stream: Readable = response;
  if (encoding !== '' && encoding !== 'identity') {
    const unzip = decoder(encoding, what);
    response.on('error', (error) => unzip.destroy(error));
    stream = response.pipe(unzip);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) throw tooLarge(maxBytes, what);
      chunks.push(chunk as Buffer);
    }
  } finally {
    // Whatever ended the read, the connection goes with it: nothing more is downloaded.
    if (stream !== response) stream.destroy();
    response.destroy();
  }
  return Buffer.concat(chunks);
}
