/**
 * A key for "the same text": the words of a document, case, accents, quotes, punctuation and spacing
 * aside, hashed. Two copies of one article give one key however their lines were broken; the key of an
 * indexed document is rebuilt from its passages, which hold every word of its text in order.
 */

import { createHash } from 'node:crypto';
import { foldText } from '../text/fold.js';

const WORD = /[\p{L}\p{N}]+/gu;

/** `texts` are read as one text, in order (a document's passages). */
export function textKey(...texts: readonly string[]): string {
  const hash = createHash('sha256');
  let first = true;
  for (const text of texts) {
    for (const [word] of foldText(text).matchAll(WORD)) {
      hash.update(first ? word : ` ${word}`);
      first = false;
    }
  }
  return hash.digest('hex');
}
