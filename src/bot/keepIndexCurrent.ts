import type { Logger } from 'pino';
import type { BotConfig } from '../config/botConfig.js';
import { type Engine, ReindexBusyError } from '../engine/engine.js';
import { watchKnowledge } from '../knowledge/watchKnowledge.js';

/** How often the bot checks DATA_DIR/current for an index another process saved (a CLI reindex or rollback). */
const FOLLOW_MS = 2000;
/** When another process holds the index lock, a watched change is retried this often, this many times. */
const RETRY_MS = 5000;
const RETRIES = 12;

/**
 * Keeps the served index current while the bot runs: it follows indexes saved by other processes
 * and, with KNOWLEDGE_WATCH, reindexes after edits to the knowledge folder. Returns a stop function.
 */
export function keepIndexCurrent(
  engine: Engine,
  config: Pick<BotConfig, 'knowledgeDir' | 'knowledgeWatch' | 'watchDebounceMs'>,
  logger: Logger,
): () => void {
  const follow = setInterval(() => void engine.followSaved(), FOLLOW_MS);
  follow.unref();
  let retry: NodeJS.Timeout | undefined;

  const reindexForWatch = async (files: string[], attempt: number): Promise<void> => {
    if (engine.rolledBack) {
      logger.warn(
        { files, rolledBack: engine.rolledBack },
        'knowledge folder changed; not reindexing while a rolled-back index serves (/reindex update applies it)',
      );
      return;
    }
    logger.info({ files, trigger: 'watch' }, 'knowledge folder changed; reindexing');
    try {
      await engine.reindexSoon();
    } catch (error) {
      if (error instanceof ReindexBusyError && attempt < RETRIES) {
        logger.warn(
          { reason: error.message, retryInMs: RETRY_MS },
          'watched change waits for the index lock',
        );
        clearTimeout(retry);
        retry = setTimeout(() => void reindexForWatch(files, attempt + 1), RETRY_MS);
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
    ? watchKnowledge(config.knowledgeDir, (files) => void reindexForWatch(files, 0), {
        debounceMs: config.watchDebounceMs,
        logger,
      })
    : null;
  if (watcher)
    logger.info(
      { dir: config.knowledgeDir, debounceMs: config.watchDebounceMs },
      'watching the knowledge folder',
    );
  return () => {
    clearInterval(follow);
    clearTimeout(retry);
    watcher?.close();
  };
}
