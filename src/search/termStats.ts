/** Document frequencies of the `text` and `keys` fields, for weighting query terms. */
export interface TermStats {
  passages: number;
  text: Map<string, number>;
  keys: Map<string, number>;
}

export function emptyTermStats(): TermStats {
  return { passages: 0, text: new Map(), keys: new Map() };
}

/** `terms` are one passage's distinct terms of a field (the keys of its counted terms). */
function bump(map: Map<string, number>, terms: Iterable<string>, delta: number): void {
  for (const term of terms) {
    const next = (map.get(term) ?? 0) + delta;
    if (next > 0) map.set(term, next);
    else map.delete(term);
  }
}

export function addToStats(stats: TermStats, text: Iterable<string>, keys: Iterable<string>): void {
  stats.passages += 1;
  bump(stats.text, text, 1);
  bump(stats.keys, keys, 1);
}

export function removeFromStats(stats: TermStats, text: Iterable<string>, keys: Iterable<string>): void {
  stats.passages -= 1;
  bump(stats.text, text, -1);
  bump(stats.keys, keys, -1);
}

/** BM25's idf: rare terms weigh more; a term no passage has weighs the most. */
export function idf(documentFrequency: number, passages: number): number {
  return Math.log(1 + (passages - documentFrequency + 0.5) / (documentFrequency + 0.5));
}
