import type { ReindexReport } from '../engine/reindexReport.js';
import type { IntakeDeps } from './intakeDeps.js';

/** How the reindex after a change went: its report, or why it did not run. */
export type ReindexOutcome = { kind: 'ran'; report: ReindexReport } | { kind: 'failed'; error: Error };

/**
 * Reindexes after a change to the folder, after any reindex already running (which may have scanned
 * before the change). A failure is returned, not thrown: the change is made, the next reindex picks it up.
 */
export async function reindexAfterChange(engine: IntakeDeps['engine']): Promise<ReindexOutcome> {
  try {
    return { kind: 'ran', report: await engine.reindexSoon() };
  } catch (error) {
    return { kind: 'failed', error: error as Error };
  }
}
