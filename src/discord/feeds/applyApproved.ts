/**
 * An approved feed item into the knowledge (applyReview: add-url's path, reindex included), and the
 * outcome as a line for the review message. A page that can no longer be read leaves the item
 * approved but not applied: it is tried again at the next start.
 */

import { applyReview } from '../../feeds/applyReview.js';
import { IngestError } from '../../ingest/errors.js';
import type { ReviewItem } from '../../state/reviewQueue.js';
import type { BotContext } from '../botContext.js';
import { namedDocument, occupiedReason } from '../knowledge/addRefusal.js';
import { escapeForDiscord, inlineCode } from '../send/escape.js';

export type ApplyContext = Pick<BotContext, 'engine' | 'knowledge' | 'config' | 'logger' | 'state'>;

function triedAgainLater(item: ReviewItem, reason: string, ctx: ApplyContext): string {
  ctx.logger.warn(
    { item: item.id, reason },
    'approved feed item could not be added; retried at the next start',
  );
  return `not added: ${escapeForDiscord(reason)}; it is tried again when the bot restarts`;
}

export async function applyApproved(item: ReviewItem, ctx: ApplyContext): Promise<string> {
  let added: Awaited<ReturnType<typeof applyReview>>;
  try {
    added = await applyReview(item, {
      config: ctx.config,
      engine: ctx.engine,
      allowPrivate: ctx.config.feeds.allowPrivate,
      reviews: ctx.state.reviews,
      logger: ctx.logger,
    });
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    return triedAgainLater(item, error.message, ctx);
  }
  if (added.kind === 'duplicate')
    return `already in the knowledge as ${namedDocument(added.duplicate.existing)}`;
  if (added.kind === 'occupied') return `not added: ${occupiedReason(added.decision)}`;
  if (added.kind === 'changed-meanwhile')
    return triedAgainLater(
      item,
      `a file named ${added.file} appeared in the knowledge folder meanwhile; try again`,
      ctx,
    );
  if (added.reindex.kind === 'failed') {
    ctx.logger.error(
      { err: added.reindex.error, item: item.id },
      'reindex after an approved feed item failed',
    );
    return `added as ${inlineCode(added.file)}, but the reindex did not run; \`/reindex update\` picks it up`;
  }
  ctx.logger.info(
    { item: item.id, file: added.file, passages: added.passages },
    'feed item added to the knowledge',
  );
  return `added as ${inlineCode(added.file)} (${added.passages} passages)`;
}
