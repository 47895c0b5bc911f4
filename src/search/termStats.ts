import type { IndexEntry } from './indexEntry.js';

/** Document frequencies of the `text` and `keys` fields, for weighting query terms. */
export interface TermStats {
  passages: number;
  text: Map<string, number>;
  keys: Map<string, number>;
}

export function emptyTermStats(): TermStats {
  return { passages: 0, text: new Map(), keys: new Map() };
}

function bump(map: Map<string, number>, field: string, delta: number): void {
  if (field.length === 0) return;
  for (const term of new Set(field.split(' '))) {
    const next = (map.get(term) ?? 0) + delta;
    if (next > 0) map.set(term, next);
    else map.delete(term);
  }
}

export function addToStats(stats: TermStats, entry: IndexEntry): void {
  stats.passages += 1;
  bump(stats.text, entry.text, 1);
  bump(stats.keys, entry.keys, 1);
}

export function removeFromStats(stats: TermStats, entry: IndexEntry): void {
  stats.passages -= 1;
  bump(stats.text, entry.text, -1);
  bump(stats.keys, entry.keys, -1);
}

/** BM25's idf: rare terms weigh more; a term no passage has weighs the most. */
export function idf(documentFrequency: number, passages: number): number {
  return Math.log(1 + (passages - documentFrequency + 0.5) / (documentFrequency + 0.5));
}
