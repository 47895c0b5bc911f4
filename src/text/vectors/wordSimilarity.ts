/**
 * Word similarity from the project's word vectors (src/text/vectors/words.bin, derived from GloVe vectors,
 * PDDL, by `npm run derive-vectors`): the cosine of two words' unit vectors, or null when either is unknown.
 */

import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { decodeVectors, type WordVectors } from './vectorFile.js';

const VECTORS_FILE = fileURLToPath(new URL('./words.bin', import.meta.url));

export interface WordSimilarity {
  /** The row of a lower-case word, or -1. */
  indexOf(word: string): number;
  /** Cosine of two rows. */
  cosine(a: number, b: number): number;
  /** The sum of the rows' unit vectors (null when there is none). */
  centroid(rows: Iterable<number>): Float32Array | null;
}

/** Cosine of two float vectors. */
export function vectorCosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/** Words whose rows indexOf keeps: a large corpus's distinct words, in a few MB. */
const REMEMBERED_WORDS = 100_000;

class QuantisedVectors implements WordSimilarity {
  private readonly norm: Float32Array;
  private readonly rows = new Map<string, number>();

  constructor(private readonly v: WordVectors) {
    this.norm = new Float32Array(v.scales.length);
    for (let i = 0; i < v.scales.length; i++) this.norm[i] = v.scales[i]! / 127;
  }

  /**
   * Binary search: the words are stored sorted, which spares building a map of them at start-up. The
   * words looked up are remembered, since every candidate passage's words are (the same ones recur).
   */
  indexOf(word: string): number {
    const known = this.rows.get(word);
    if (known !== undefined) return known;
    const row = this.search(word);
    if (this.rows.size >= REMEMBERED_WORDS) this.rows.clear();
    this.rows.set(word, row);
    return row;
  }

  private search(word: string): number {
    const words = this.v.words;
    let lo = 0;
    let hi = words.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const w = words[mid]!;
      if (w === word) return mid;
      if (w < word) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  cosine(a: number, b: number): number {
    const d = this.v.dimensions;
    const x = this.v.vectors;
    let dot = 0;
    for (let i = 0, p = a * d, q = b * d; i < d; i++, p++, q++) dot += x[p]! * x[q]!;
    return dot * this.norm[a]! * this.norm[b]!;
  }

  centroid(rows: Iterable<number>): Float32Array | null {
    const d = this.v.dimensions;
    const x = this.v.vectors;
    const sum = new Float32Array(d);
    let any = false;
    for (const row of rows) {
      const scale = this.norm[row]!;
      for (let i = 0, p = row * d; i < d; i++, p++) sum[i]! += x[p]! * scale;
      any = true;
    }
    return any ? sum : null;
  }
}

const NONE: WordSimilarity = { indexOf: () => -1, cosine: () => 0, centroid: () => null };
let shared: WordSimilarity | null = null;

function fromFile(bytes: Buffer | null): WordSimilarity {
  return bytes ? new QuantisedVectors(decodeVectors(bytes)) : NONE;
}

/** The shipped vectors, loaded on first use (or by preload()); without the file every word is unknown. */
export function wordSimilarity(): WordSimilarity {
  shared ??= fromFile(existsSync(VECTORS_FILE) ? readFileSync(VECTORS_FILE) : null);
  return shared;
}

/** Reads the vectors without blocking the event loop on the read; a no-op once loaded. */
export async function preloadWordSimilarity(): Promise<void> {
  if (shared) return;
  const bytes = await readFile(VECTORS_FILE).catch(() => null);
  shared ??= fromFile(bytes);
}
