/**
 * Whether a text holds a full sentence: one (as splitSentences reads them) of at least
 * MIN_SENTENCE_WORDS words ending in terminal punctuation, a closing quote or bracket aside. A
 * headline, a menu line, a caption or a "Read more" link holds none; the shortest news brief does.
 */

import { isSpace, splitSentences } from './sentences.js';

export const MIN_SENTENCE_WORDS = 8;

const CLOSERS = new Set(['"', "'", ')', ']', '}', '’', '”', '»', '›']);
const TERMINALS = new Set(['.', '!', '?', '…']);
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** The sentence's last character that is not a space nor a closing quote or bracket, or ''. */
function lastMark(sentence: string): string {
  let i = sentence.length - 1;
  while (i >= 0 && (isSpace(sentence.charCodeAt(i)) || CLOSERS.has(sentence[i]!))) i--;
  return i >= 0 ? sentence[i]! : '';
}

export function isFullSentence(sentence: string): boolean {
  if (!TERMINALS.has(lastMark(sentence))) return false;
  let words = 0;
  for (const token of sentence.split(/\s+/))
    if (WORD_CHARACTER.test(token) && ++words >= MIN_SENTENCE_WORDS) return true;
  return false;
}

export function hasFullSentence(text: string): boolean {
  return splitSentences(text).some(({ start, end }) => isFullSentence(text.slice(start, end)));
}
