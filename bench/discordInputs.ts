import { Rng } from '../src/util/prng.js';

/** `count` entries of `items`, in order, starting over when they run out. */
export function cycle<T>(items: readonly T[], count: number, start = 0): T[] {
  if (items.length === 0) throw new Error('nothing to cycle through');
  return Array.from({ length: count }, (_, i) => items[(start + i) % items.length]!);
}

/**
 * What someone has typed so far into `/ask question`: a prefix of 3–30 characters of a query
 * (the whole query when it is shorter than 3). Deterministic for a seed.
 */
export function partialTexts(queries: readonly string[], count: number, seed: number): string[] {
  if (queries.length === 0) throw new Error('no queries to cut');
  const rng = new Rng(seed).fork('autocomplete');
  return Array.from({ length: count }, () => {
    const query = rng.pick(queries);
    if (query.length <= 3) return query;
    return query.slice(0, rng.int(3, Math.min(30, query.length)));
  });
}
