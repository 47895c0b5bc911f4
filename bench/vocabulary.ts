import type { Rng } from '../src/util/prng.js';

export type VocabularyKind = 'name' | 'place' | 'word';

const ONSETS = [
  'b',
  'd',
  'g',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'z',
  'br',
  'dr',
  'kr',
  'st',
  'sv',
  'zh',
  'ch',
  'sh',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ia', 'ya'];
const CODAS = ['', '', '', 'n', 'r', 's', 'l', 'k'];
const SUFFIXES: Record<VocabularyKind, readonly string[]> = {
  name: ['enko', 'ovich', 'ava', 'ski', 'uk', 'ov', 'ina', 'evich'],
  place: ['ovsk', 'ino', 'grad', 'avichy', 'any', 'burg', 'ets'],
  word: ['ation', 'ment', 'ity', 'ism', 'ance', 'ure', 'ics'],
};

/** Passages' worth of vocabulary there is from the start, so the first documents do not share a handful of names. */
const VOCABULARY_HEAD_START = 100;

/**
 * Invented terms per kind once `passages` passages exist: grows like Heaps' law (k·n^0.7), so a bigger
 * corpus has a bigger vocabulary, as real news does.
 */
export function vocabularyTarget(kind: VocabularyKind, passages: number): number {
  const k = kind === 'word' ? 3 : kind === 'name' ? 1.2 : 0.6;
  return Math.floor(k * (Math.max(passages, 0) + VOCABULARY_HEAD_START) ** 0.7);
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Invented proper names, places and words, added as the corpus grows; never repeats a term. */
export class Vocabulary {
  private readonly terms: Record<VocabularyKind, string[]> = { name: [], place: [], word: [] };
  /** Terms invented but not used yet: handed out first, so every invented term shows up. */
  private readonly fresh: Record<VocabularyKind, string[]> = { name: [], place: [], word: [] };
  private readonly taken = new Set<string>();

  constructor(private readonly rng: Rng) {}

  size(kind: VocabularyKind): number {
    return this.terms[kind].length;
  }

  /** Invents terms until each kind holds its target for `passages` passages. */
  growTo(passages: number): void {
    for (const kind of ['name', 'place', 'word'] as const) {
      const target = vocabularyTarget(kind, passages);
      while (this.terms[kind].length < target) {
        const term = this.invent(kind);
        this.terms[kind].push(term);
        this.fresh[kind].push(term);
      }
    }
  }

  /** A term of the kind: a fresh one half the time while any are left, else a skewed pick (early ones often). */
  pick(kind: VocabularyKind): string | null {
    const fresh = this.fresh[kind];
    if (fresh.length > 0 && this.rng.chance(0.5)) return fresh.shift()!;
    const terms = this.terms[kind];
    return terms.length === 0 ? null : terms[this.rng.skewedIndex(terms.length)]!;
  }

  private invent(kind: VocabularyKind): string {
    for (let attempt = 0; ; attempt++) {
      let stem = '';
      const syllables = this.rng.int(1, 2) + (attempt > 20 ? 1 : 0);
      for (let i = 0; i < syllables; i++)
        stem += this.rng.pick(ONSETS) + this.rng.pick(VOWELS) + this.rng.pick(CODAS);
      const raw = stem + this.rng.pick(SUFFIXES[kind]);
      const term = kind === 'word' ? raw : capitalize(raw);
      if (!this.taken.has(term.toLowerCase())) {
        this.taken.add(term.toLowerCase());
        return term;
      }
    }
  }
}
