import type { BotConfig } from '../config/botConfig.js';
import type { Engine } from '../engine/engine.js';
import { EveryDocumentGoneError, ReindexBusyError, ReindexPausedError } from '../engine/errors.js';
import type { IndexCoordination } from '../engine/indexCoordination.js';
import { watchKnowledge } from '../knowledge/watchKnowledge.js';
import type { Log } from '../log/log.js';
import { syncWhenKnowledgeReturns } from './syncWhenKnowledgeReturns.js';

/** How often the bot checks DATA_DIR/current for an index another process saved (a CLI reindex or rollback). */
const FOLLOW_MS = 2000;
/** When another process holds the index lock, a watched change is retried this often until it is free. */
const RETRY_MS = 5000;

/**
 * Every replica: serves the indexes other processes save (a command-line reindex or rollback, another
 * replica's /reindex) as soon as one is announced, and by polling DATA_DIR/current as the fallback.
 * Returns a stop function.
 */
export function followSavedIndexes(engine: Engine, coordination: IndexCoordination): () => void {
  const follow = setInterval(() => void engine.followSaved(), FOLLOW_MS);
  follow.unref();
  const stopListening = coordination.listen(() => void engine.followSaved());
  return () => {
    clearInterval(follow);
    stopListening();
  };
}

/**
 * One replica (the leader): with KNOWLEDGE_WATCH, reindexes after edits to the knowledge folder; and
 * a folder missing at start is synced once it is back. Returns a stop function.
 */
export function watchKnowledgeFolder(
  engine: Engine,
  config: Pick<BotConfig, 'knowledgeDir' | 'knowledgeWatch' | 'watchDebounceMs'>,
  logger: Log,
): () => void {
  let retry: NodeJS.Timeout | undefined;

  const warnPaused = (files: string[]) =>
    logger.warn(
      { files, rolledBack: engine.rolledBack },
      'knowledge folder changed; not reindexing while a rolled-back index serves (/reindex update applies it)',
    );

  const reindexForWatch = async (files: string[], retrying: boolean): Promise<void> => {
    if (engine.rolledBack) return warnPaused(files);
    if (!retrying) logger.info({ files, trigger: 'watch' }, 'knowledge folder changed; reindexing');
    try {
      await engine.reindexSoon({ automatic: true });
    } catch (error) {
      // A rollback made meanwhile, here or from the command line, holds: the change waits for a moderator.
      if (error instanceof ReindexPausedError) return warnPaused(files);
      // An emptied folder waits for a moderator; the engine logged what to do.
      if (error instanceof EveryDocumentGoneError) return;
      if (error instanceof ReindexBusyError) {
        if (!retrying)
          logger.warn(
            { reason: error.message, retryEveryMs: RETRY_MS },
            'watched change waits for the index lock',
          );
        clearTimeout(retry);
        retry = setTimeout(() => void reindexForWatch(files, true), RETRY_MS);
        retry.unref();
        return;
      }
      logger.error(
        { err: error, files },
        'reindex after a watched change failed; the previous index still serves',
      );
    }
  };

  const watcher = config.knowledgeWatch
    ? watchKnowledge(config.knowledgeDir, (files) => void reindexForWatch(files, false), {
        debounceMs: config.watchDebounceMs,
        logger,
      })
    : null;
  if (watcher)
    logger.info(
      { dir: config.knowledgeDir, debounceMs: config.watchDebounceMs },
      'watching the knowledge folder',
    );
  // Watch mode reindexes by itself once a missing folder is back.
  const stopWaiting =
    engine.knowledgeUnavailable && !watcher
      ? syncWhenKnowledgeReturns(engine, config.knowledgeDir, logger)
      : () => {};
  return () => {
    clearTimeout(retry);
    watcher?.close();
    stopWaiting();
  };
}
