import type { Rng } from '../src/util/prng.js';
import type { Vocabulary } from './vocabulary.js';

/** Capitalised words that are not names: left alone. */
const NOT_NAMES = new Set(
  `The This That These Those There They He She It We His Her Its Their Our But And Or If In On At As For
  January February March April May June July August September October November December
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday
  President Minister Prime Foreign Deputy Secretary State Minister Service General Council Ministry Union`.split(
    /\s+/,
  ),
);
const NAME = /(?<=\s)\p{Lu}\p{Ll}{2,}(?![\p{L}\p{N}])/gu;
const NUMBER = /\p{N}+(?:[.,]\p{N}+)*/gu;
const LONG_WORD = /(?<=\s)\p{Ll}{7,}(?![\p{L}\p{N}])/gu;
const QUOTES = /["“”‘’]/u;

const NAME_SHARE = 0.35;
const NUMBER_SHARE = 0.7;
const WORD_SHARE = 0.05;

/** How one document varies the seed text: each seed name is either kept or replaced throughout. */
export interface DocumentVariation {
  rng: Rng;
  vocabulary: Vocabulary;
  names: Map<string, string>;
}

export function newVariation(rng: Rng, vocabulary: Vocabulary): DocumentVariation {
  return { rng, vocabulary, names: new Map() };
}

/**
 * Head of one sentence up to a comma, tail of another from a comma: a new sentence made of old
 * clauses. Null when either has no usable comma (or quotes, which could end up unbalanced).
 */
export function spliceSentences(a: string, b: string, rng: Rng): string | null {
  if (QUOTES.test(a) || QUOTES.test(b)) return null;
  const heads = commaPositions(a).filter((i) => a.slice(0, i).split(' ').length >= 4);
  const tails = commaPositions(b).filter(
    (i) =>
      b
        .slice(i + 1)
        .trim()
        .split(' ').length >= 4,
  );
  if (heads.length === 0 || tails.length === 0) return null;
  const head = a.slice(0, rng.pick(heads));
  const tail = b.slice(rng.pick(tails) + 1).trim();
  return `${head}, ${tail}`;
}

function commaPositions(s: string): number[] {
  const out: number[] = [];
  for (let i = s.indexOf(', '); i >= 0; i = s.indexOf(', ', i + 1)) out.push(i);
  return out;
}

/** Every number, most of the time, becomes another of the same shape (years stay plausible years). */
export function varyNumbers(sentence: string, rng: Rng): string {
  return sentence.replace(NUMBER, (n) => {
    if (!rng.chance(NUMBER_SHARE)) return n;
    if (/^(?:19|20)\d\d$/.test(n)) return String(rng.int(2010, 2021));
    // Days and small counts stay small ("August 9", "the 21st").
    if (/^\p{N}{1,2}$/u.test(n)) return String(rng.int(1, 28));
    let digitIndex = 0;
    return n.replace(/\p{N}/gu, () =>
      String(digitIndex++ === 0 && n.length > 1 ? rng.int(1, 9) : rng.int(0, 9)),
    );
  });
}

function replacementFor(name: string, v: DocumentVariation): string {
  let chosen = v.names.get(name);
  if (chosen === undefined) {
    chosen = name;
    if (v.rng.chance(NAME_SHARE)) {
      const used = new Set(v.names.values());
      const kind = v.rng.chance(0.6) ? 'name' : 'place';
      // A few tries for a replacement no other name of this document has taken.
      for (let attempt = 0; attempt < 4; attempt++) {
        const invented = v.vocabulary.pick(kind);
        if (invented !== null && !used.has(invented)) {
          chosen = invented;
          break;
        }
      }
    }
    v.names.set(name, chosen);
  }
  return chosen;
}

/** A seed sentence with the document's names, fresh numbers and now and then an invented word. */
export function varySentence(sentence: string, v: DocumentVariation): string {
  const named = sentence.replace(NAME, (name) => (NOT_NAMES.has(name) ? name : replacementFor(name, v)));
  const worded = named.replace(LONG_WORD, (word) =>
    v.rng.chance(WORD_SHARE) ? (v.vocabulary.pick('word') ?? word) : word,
  );
  return varyNumbers(worded, v.rng);
}
