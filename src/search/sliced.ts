import type { TimeSlicer } from '../util/yieldToEventLoop.js';

/** Runs a generator that pauses between small steps, yielding to the event loop when a slice is used up. */
export async function sliced<T>(steps: Generator<void, T>, slicer: TimeSlicer): Promise<T> {
  let step = steps.next();
  while (!step.done) {
    await slicer.maybeYield();
    step = steps.next();
  }
  return step.value;
}
