import type { Log } from '../log/log.js';

/** Documents (by id) the served index gained, changed or lost in one reindex, rollback or switch. */
export interface IndexChange {
  added: string[];
  changed: string[];
  removed: string[];
  /** The saved generation that now serves; null when the new index is not saved. */
  generation: string | null;
}

/** What it returns is not awaited; a promise that rejects is logged. */
export type IndexChangeListener = (change: IndexChange) => unknown;

/**
 * Tells `listener` of a change that touched any document. A listener's failure is logged and goes
 * no further: the engine's work is done by then and must not look failed.
 */
export function announceChange(
  listener: IndexChangeListener | undefined,
  change: IndexChange,
  logger: Log,
): void {
  if (!listener || change.added.length + change.changed.length + change.removed.length === 0) return;
  const failed = (error: unknown) =>
    logger.error({ err: error }, 'onIndexChanged listener failed; the index change stands');
  try {
    const result = listener(change);
    if (result instanceof Promise) result.catch(failed);
  } catch (error) {
    failed(error);
  }
}
