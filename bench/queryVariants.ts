import type { Rng } from '../src/util/prng.js';

export type TypoKind = 'swap' | 'drop' | 'double';

/** Words a typo may hit: four letters or more, so the word stays recognisable. */
const TYPO_WORD = /\p{L}{4,}/gu;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.%,-]*[\p{L}\p{N}%]|[\p{L}\p{N}]/gu;
const QUESTION_WORDS = new Set(
  `a an the of to in on for and or is are was were be been do does did what which who whom whose why how
  when where will would can could should has have had it its this that these those there their his her
  with by at from as about into than then so if not no any many much`.split(/\s+/),
);

export interface Typo {
  query: string;
  kind: TypoKind;
}

/** The query with one letter of one word swapped with the next, dropped or doubled: one edit away. */
export function typoVariant(query: string, rng: Rng): Typo {
  const words = [...query.matchAll(TYPO_WORD)];
  if (words.length === 0) return { query: `${query}${query.slice(-1) || 'x'}`, kind: 'double' };
  const word = rng.pick(words);
  const at = word.index ?? 0;
  const text = word[0];
  const kind = rng.pick(['swap', 'drop', 'double'] as const);
  // Positions whose letter differs from the next one, so a swap really changes the word.
  const swappable = [...text.slice(0, -1)].map((_, i) => i).filter((i) => text[i] !== text[i + 1]);
  if (kind === 'swap' && swappable.length > 0) {
    const i = rng.pick(swappable);
    const typo = text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2);
    return { query: query.slice(0, at) + typo + query.slice(at + text.length), kind };
  }
  const i = rng.int(0, text.length - 1);
  if (kind === 'drop') return { query: query.slice(0, at + i) + query.slice(at + i + 1), kind };
  return { query: query.slice(0, at + i + 1) + text[i] + query.slice(at + i + 1), kind: 'double' };
}

/** The query as keywords: lower case, no question or function words, sometimes only some of them. */
export function keywordVariant(query: string, rng: Rng): string {
  const words = (query.match(WORD) ?? []).map((w) => w.toLowerCase()).filter((w) => !QUESTION_WORDS.has(w));
  if (words.length <= 2 || rng.chance(0.5)) return words.join(' ');
  const keep = rng.int(2, words.length - 1);
  const dropped = new Set<number>();
  while (words.length - dropped.size > keep) dropped.add(rng.int(0, words.length - 1));
  return words.filter((_, i) => !dropped.has(i)).join(' ');
}
