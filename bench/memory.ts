/** Peak resident set size of this process so far, in MB (resourceUsage reports kilobytes). */
export function peakRssMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export function rssMB(): number {
  return process.memoryUsage().rss / (1024 * 1024);
}

/** A full collection when the process runs with --expose-gc, so one phase's garbage does not bill the next. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
