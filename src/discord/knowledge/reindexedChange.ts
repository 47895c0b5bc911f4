import type { ReindexReport } from '../../engine/reindexReport.js';
import type { ReindexOutcome } from '../../intake/reindexAfterChange.js';
import type { BotContext } from '../botContext.js';
import { UserError } from '../errors.js';

/** The report of the reindex after a moderator's change; a failure says the change is made and the next reindex picks it up. */
export function reindexedChange(outcome: ReindexOutcome, ctx: Pick<BotContext, 'logger'>): ReindexReport {
  if (outcome.kind === 'ran') return outcome.report;
  ctx.logger.error({ err: outcome.error }, 'reindex after a knowledge change failed');
  throw new UserError(
    `The file was changed, but the reindex did not run (${outcome.error.message}). Run \`/reindex update\` to pick the change up.`,
    'busy',
  );
}
