/** How long a feed that keeps failing waits before the next try: doubling from the poll interval, at most a day. */

export const MAX_BACKOFF_MS = 24 * 60 * 60 * 1000;

/** `failures` counts this one too (1 for the first failure in a row). */
export function backoffMs(failures: number, intervalMs: number): number {
  const doublings = Math.min(Math.max(failures - 1, 0), 20);
  return Math.min(intervalMs * 2 ** doublings, MAX_BACKOFF_MS);
}

export function retryAt(failures: number, intervalMs: number, now: Date): Date {
  return new Date(now.getTime() + backoffMs(failures, intervalMs));
}
