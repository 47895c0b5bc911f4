import { setImmediate as immediate } from 'node:timers/promises';

/** Longest stretch of synchronous work between yields in long loops (load, rebuild, save). */
export const SLICE_MS = 12;

/** Cooperative time slicing: call often; it yields to the event loop once a slice is used up. */
export class TimeSlicer {
  private sliceStart = performance.now();

  async maybeYield(): Promise<void> {
    if (performance.now() - this.sliceStart < SLICE_MS) return;
    await immediate();
    this.sliceStart = performance.now();
  }
}
