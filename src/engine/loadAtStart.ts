import { IndexLoadError, PointerUnreadableError } from '../indexStore/errors.js';
import { loadCurrentIndex, type SavedIndex } from '../indexStore/loadGeneration.js';
import type { Log } from '../log/log.js';

export interface StartingIndex {
  /** The saved index to serve; null when there is none or it cannot be read (one is built instead). */
  saved: SavedIndex | null;
  /** Why DATA_DIR/current cannot be read at all, if so: nothing can be saved until it is fixed. */
  pointerBroken: string | null;
}

/** The saved index a starting engine serves, each reason it cannot be logged once. */
export async function loadAtStart(dataDir: string, logger: Log): Promise<StartingIndex> {
  const started = performance.now();
  try {
    const saved = await loadCurrentIndex(dataDir);
    if (saved)
      logger.info(
        {
          generation: saved.generation,
          passages: saved.state.passages.size,
          ms: Math.round(performance.now() - started),
        },
        'index loaded',
      );
    return { saved, pointerBroken: null };
  } catch (error) {
    if (error instanceof PointerUnreadableError) {
      logger.warn(
        { reason: error.message },
        'saved index pointer unreadable; serving an index built in memory and saving nothing until it is fixed',
      );
      return { saved: null, pointerBroken: error.message };
    }
    if (!(error instanceof IndexLoadError)) throw error;
    logger.warn({ reason: error.message }, 'saved index unusable; rebuilding');
    return { saved: null, pointerBroken: null };
  }
}
