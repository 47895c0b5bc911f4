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

/** Runs a generator that pauses between small steps, yielding to the event loop when a slice is used up. */
export async function sliced<T>(steps: Generator<void, T>, slicer: TimeSlicer): Promise<T> {
  let step = steps.next();
  while (!step.done) {
    await slicer.maybeYield();
    step = steps.next();
  }
  return step.value;
}
