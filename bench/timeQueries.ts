import type { QueryTiming } from './childTask.js';
import { summarize } from './percentiles.js';

const SLOWEST = 5;

/**
 * Times `run` on each query, one at a time, after `warmup` untimed runs. `run` returns a number
 * to add up (answered queries, results): the caller's own measure of what came back.
 */
export function timeQueries(
  queries: readonly string[],
  warmup: number,
  run: (query: string) => number,
): QueryTiming {
  for (let i = 0; i < warmup && queries.length > 0; i++) run(queries[i % queries.length]!);
  const times: number[] = [];
  let count = 0;
  for (const query of queries) {
    const started = performance.now();
    count += run(query);
    times.push(performance.now() - started);
  }
  const slowest = queries
    .map((query, i) => ({ query, ms: times[i]! }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, SLOWEST);
  return { summary: summarize(times), slowest, count, times };
}
