import { ReindexBusyError } from '../../engine/engine.js';
import type { ReindexReport } from '../../engine/reindexReport.js';
import type { BotContext } from '../botContext.js';
import { UserError } from '../userError.js';

export const KNOWLEDGE_BUSY = 'A reindex is running right now. Try again in a moment; nothing was changed.';

/** Refuses before touching the folder when a reindex runs (its scan could see a half-made change). */
export function refuseWhileReindexing(ctx: Pick<BotContext, 'engine'>): void {
  if (ctx.engine.isReindexing) throw new UserError(KNOWLEDGE_BUSY, 'busy');
}

/** Reindexes after a change to the folder; a failure says the change is made and the next reindex picks it up. */
export async function reindexAfterChange(ctx: Pick<BotContext, 'engine' | 'logger'>): Promise<ReindexReport> {
  try {
    return await ctx.engine.reindex();
  } catch (error) {
    const why = error instanceof ReindexBusyError ? 'another reindex was running' : (error as Error).message;
    ctx.logger.error({ err: error }, 'reindex after a knowledge change failed');
    throw new UserError(
      `The file was changed, but the reindex did not run (${why}). Run \`/reindex\` to pick the change up.`,
      'busy',
    );
  }
}
