import type { AliasTable } from './aliases.js';
import { analyze } from './analyze.js';

/**
 * A document's passages analysed for the index, as a few flat arrays: made where the document is
 * loaded (a worker thread, in a rebuild) and passed to the thread that fills the index, which then
 * looks each distinct term of the document up once instead of every token of every passage.
 */

/** The fields of an analysed passage, in the order the index numbers them. */
export const TEXT_FIELD = 0;
export const KEYS_FIELD = 1;
export const TITLE_FIELD = 2;
export const OUTLET_FIELD = 3;
export const FIELD_COUNT = 4;

const MAX_FREQUENCY = 0xffff;

export interface PackedTerms {
  /**
   * Each distinct term of each field, space-separated (terms hold no spaces), in the order the
   * document first meets it: passage by passage, field by field, token by token.
   */
  terms: string;
  /** The field of each of those terms. */
  fields: Uint8Array;
  /** Per passage and field (passage × FIELD_COUNT + field): how many distinct terms it has. */
  counts: Uint32Array;
  /** Every passage's distinct terms field by field, as numbers into `terms`, first occurrence first. */
  entries: Uint32Array;
  /** The frequency of each entry in its passage's field. */
  freqs: Uint16Array;
}

/** Growable typed arrays, trimmed once filled. */
class Entries {
  terms = new Uint32Array(1024);
  freqs = new Uint16Array(1024);
  length = 0;

  push(term: number, freq: number): void {
    if (this.length === this.terms.length) {
      const terms = new Uint32Array(this.length * 2);
      const freqs = new Uint16Array(this.length * 2);
      terms.set(this.terms);
      freqs.set(this.freqs);
      this.terms = terms;
      this.freqs = freqs;
    }
    this.terms[this.length] = term;
    this.freqs[this.length] = freq;
    this.length++;
  }
}

/** Packs a document's passages one by one, each given as its fields' terms in token order. */
export class TermPacker {
  private readonly numbers: Map<string, number>[] = Array.from({ length: FIELD_COUNT }, () => new Map());
  private readonly terms: string[] = [];
  private readonly fields: number[] = [];
  private readonly entries = new Entries();
  private readonly counts: number[] = [];
  private readonly counted = new Map<number, number>();

  /** One passage: for each field in order, its terms as the analyser emitted them. */
  addPassage(fieldTerms: readonly Iterable<string>[]): void {
    for (let field = 0; field < FIELD_COUNT; field++) {
      const counted = this.counted;
      counted.clear();
      for (const term of fieldTerms[field] ?? []) {
        const n = this.numberOf(field, term);
        counted.set(n, Math.min(MAX_FREQUENCY, (counted.get(n) ?? 0) + 1));
      }
      for (const [n, freq] of counted) this.entries.push(n, freq);
      this.counts.push(counted.size);
    }
  }

  finish(): PackedTerms {
    return {
      terms: this.terms.join(' '),
      fields: Uint8Array.from(this.fields),
      counts: Uint32Array.from(this.counts),
      entries: this.entries.terms.slice(0, this.entries.length),
      freqs: this.entries.freqs.slice(0, this.entries.length),
    };
  }

  private numberOf(field: number, term: string): number {
    const numbers = this.numbers[field]!;
    const known = numbers.get(term);
    if (known !== undefined) return known;
    const n = this.terms.length;
    numbers.set(term, n);
    this.terms.push(term);
    this.fields.push(field);
    return n;
  }
}

/**
 * The terms of each passage's text and transliteration keys, and of the document's title and outlet
 * (the same for every passage), numbered per document.
 */
export function packTerms(
  passageTexts: readonly string[],
  title: string,
  outlet: string | null | undefined,
  aliases: AliasTable,
): PackedTerms {
  const packer = new TermPacker();
  const titleTerms = analyze(title, aliases).map((t) => t.term);
  const outletTerms = outlet ? analyze(outlet, aliases).map((t) => t.term) : [];
  for (const text of passageTexts) {
    const tokens = analyze(text, aliases);
    const keys: string[] = [];
    for (const token of tokens) if (token.key !== null) keys.push(token.key);
    packer.addPassage([tokens.map((t) => t.term), keys, titleTerms, outletTerms]);
  }
  return packer.finish();
}
