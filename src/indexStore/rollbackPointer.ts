import type { CurrentPointer } from './indexPointer.js';

/** The pointer after a rollback: current and previous swap, so a second rollback undoes the first. */
export function rolledBackPointer(pointer: CurrentPointer, at: Date): CurrentPointer | null {
  if (!pointer.previous) return null;
  return {
    generation: pointer.previous,
    previous: pointer.generation,
    base: pointer.previousBase ?? null,
    previousBase: pointer.base ?? null,
    rolledBack: { from: pointer.generation, at: at.toISOString() },
  };
}
