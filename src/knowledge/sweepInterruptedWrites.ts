import { trashDir } from './trash.js';
import { sweepAbandonedUploads } from './writeAtomic.js';

export interface SweptFiles {
  /** Uploads a killed /knowledge add left, and copies an interrupted restore left, in the knowledge folder. */
  knowledge: string[];
  /** Copies an interrupted /knowledge remove left in DATA_DIR/trash (a move between file systems). */
  trash: string[];
}

/**
 * At start-up: the hidden temporary files a killed process left behind in the knowledge folder and
 * in the trash, once older than `olderThanMs` (a younger one may be a write in progress).
 */
export async function sweepInterruptedWrites(
  knowledgeDir: string,
  dataDir: string,
  olderThanMs: number,
  now = Date.now(),
): Promise<SweptFiles> {
  return {
    knowledge: await sweepAbandonedUploads(knowledgeDir, olderThanMs, now),
    trash: await sweepAbandonedUploads(trashDir(dataDir), olderThanMs, now),
  };
}
