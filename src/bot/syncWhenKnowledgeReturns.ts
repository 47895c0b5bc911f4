import { stat } from 'node:fs/promises';
import type { Engine } from '../engine/engine.js';
import { EveryDocumentGoneError, ReindexBusyError, ReindexPausedError } from '../engine/errors.js';
import { KnowledgeFolderError } from '../knowledge/errors.js';
import type { Log } from '../log/log.js';

/** How often a missing knowledge folder is looked for. */
const FOLDER_POLL_MS = 2000;

/** The folder as it stands (which folder, when its entries last changed), or null when it is not one. */
const folderStamp = (dir: string) =>
  stat(dir).then(
    (s) => (s.isDirectory() ? `${s.dev}:${s.ino}:${s.mtimeMs}` : null),
    () => null,
  );

/**
 * The bot started on its saved index because the knowledge folder was missing (an unmounted
 * volume): looks for the folder every `pollMs` and, once it is there, brings the index up to date
 * with it. A folder that holds none of the indexed documents (an empty mount point) is not applied:
 * it is looked at again once files come or go in it. Returns a stop function.
 */
export function syncWhenKnowledgeReturns(
  engine: Engine,
  dir: string,
  logger: Log,
  pollMs = FOLDER_POLL_MS,
): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const next = () => {
    if (stopped) return;
    timer = setTimeout(() => void look(), pollMs);
    timer.unref();
  };
  /** The folder as it stood when it held none of the indexed documents. */
  let refused: string | null = null;
  const look = async (): Promise<void> => {
    const stamp = await folderStamp(dir);
    if (stamp === null || stamp === refused) return next();
    logger.info(
      { dir },
      refused === null ? 'knowledge folder is back; reindexing' : 'knowledge folder changed; reindexing',
    );
    try {
      await engine.reindexSoon({ automatic: true });
    } catch (error) {
      // The engine logged what to do; files arriving later are applied then.
      if (error instanceof EveryDocumentGoneError) {
        refused = stamp;
        return next();
      }
      if (error instanceof ReindexPausedError)
        return logger.warn(
          { rolledBack: engine.rolledBack },
          'knowledge folder is back; not reindexing while a rolled-back index serves (/reindex update applies it)',
        );
      // Gone again, or another process is writing the index: look again later.
      if (error instanceof KnowledgeFolderError || error instanceof ReindexBusyError) return next();
      logger.error(
        { err: error },
        'reindex after the knowledge folder came back failed; the saved index still serves',
      );
    }
  };
  next();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
