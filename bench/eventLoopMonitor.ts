import { type IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

const RESOLUTION_MS = 10;
/** Long enough for the histogram's timer to fire twice: before its first tick and after the last block nothing is recorded. */
const SETTLE_MS = RESOLUTION_MS * 2.5;

/**
 * Longest event-loop block during some work, from perf_hooks' delay histogram. A sample is the time
 * between two ticks of a 10 ms timer, so the block is that minus the 10 ms.
 */
export class EventLoopMonitor {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });

  async start(): Promise<void> {
    this.histogram.enable();
    await sleep(SETTLE_MS);
  }

  /** Stops and returns the longest block in ms. */
  async stop(): Promise<number> {
    await sleep(SETTLE_MS);
    this.histogram.disable();
    const max = this.histogram.count > 0 ? this.histogram.max / 1e6 : 0;
    return Math.max(0, max - RESOLUTION_MS);
  }
}

/** Runs `work` under a monitor: its result, its wall time (ms, without the settling) and its longest block. */
export async function monitored<T>(
  work: () => Promise<T> | T,
): Promise<{ value: T; ms: number; blockMs: number }> {
  const monitor = new EventLoopMonitor();
  await monitor.start();
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  const blockMs = await monitor.stop();
  return { value, ms, blockMs };
}
