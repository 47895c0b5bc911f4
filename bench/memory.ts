import { setTimeout } from 'node:timers/promises';

/** Peak resident set size of this process so far, in MB (resourceUsage reports kilobytes). */
export function peakRssMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export function rssMB(): number {
  return process.memoryUsage().rss / (1024 * 1024);
}

/**
 * After a forced collection V8 sweeps the freed pages on a helper thread: on two cores a step timed
 * at once ran ~25 ms slower (a one-document reindex: median 76 ms, against 48 ms after a pause).
 */
const SWEEP_MS = 200;

/**
 * A full collection when the process runs with --expose-gc, so one phase's garbage does not bill the
 * next, then a pause for its sweeping, which no real process pays right before a step.
 */
export async function collectGarbage(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return;
  gc();
  await setTimeout(SWEEP_MS);
}
