import type { ReindexReport } from '../../engine/reindexReport.js';
import type { BotContext } from '../botContext.js';
import { UserError } from '../userError.js';

/**
 * Reindexes after a change to the folder, after any reindex already running (which may have
 * scanned before the change). A failure says the change is made and the next reindex picks it up.
 */
export async function reindexAfterChange(ctx: Pick<BotContext, 'engine' | 'logger'>): Promise<ReindexReport> {
  try {
    return await ctx.engine.reindexSoon();
  } catch (error) {
    const why = (error as Error).message;
    ctx.logger.error({ err: error }, 'reindex after a knowledge change failed');
    throw new UserError(
      `The file was changed, but the reindex did not run (${why}). Run \`/reindex update\` to pick the change up.`,
      'busy',
    );
  }
}
