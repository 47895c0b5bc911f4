import { IndexLoadError } from '../indexStore/errors.js';
import { type CurrentPointer, readPointer } from '../indexStore/indexPointer.js';
import { loadGeneration, type SavedIndex } from '../indexStore/loadGeneration.js';
import { rolledBackPointer } from '../indexStore/rollbackPointer.js';
import type { Passage } from '../types.js';
import { RollbackError } from './errors.js';

export interface RollbackTarget {
  /** The pointer now, and the one that makes the previous generation current. */
  pointer: CurrentPointer;
  next: CurrentPointer;
  saved: SavedIndex;
}

/**
 * The previous saved generation, loaded (sharing texts with the passages `beside` it); a RollbackError
 * saying why when there is none to go back to.
 */
export async function loadPreviousGeneration(
  dataDir: string,
  at: Date,
  beside?: ReadonlyMap<string, Passage>,
): Promise<RollbackTarget> {
  let pointer: CurrentPointer | null;
  try {
    pointer = await readPointer(dataDir);
  } catch (error) {
    if (!(error instanceof IndexLoadError)) throw error;
    throw new RollbackError(`the saved index pointer is unusable (${error.message})`);
  }
  const next = pointer && rolledBackPointer(pointer, at);
  if (!pointer || !next) throw new RollbackError('there is no previous index to go back to');
  try {
    return { pointer, next, saved: await loadGeneration(dataDir, next.generation, beside) };
  } catch (error) {
    if (!(error instanceof IndexLoadError)) throw error;
    throw new RollbackError(`the previous index cannot be read (${error.message})`);
  }
}
