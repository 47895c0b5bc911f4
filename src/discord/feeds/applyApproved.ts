/**
 * An approved feed item into the knowledge (applyReview: add-url's path), the index brought up to date,
 * and the outcome as a line for the review message. A page that can no longer be read leaves the item
 * approved but not applied: it is tried again at the next start.
 */

import { applyReview } from '../../feeds/applyReview.js';
import { IngestError } from '../../ingest/ingestError.js';
import type { ReviewItem } from '../../state/reviewQueue.js';
import type { BotContext } from '../botContext.js';
import { namedDocument } from '../knowledge/articleRefusal.js';
import { uploadRefusal } from '../knowledge/uploadRefusal.js';
import { escapeForDiscord, inlineCode } from '../send/escape.js';

export type ApplyContext = Pick<BotContext, 'engine' | 'knowledge' | 'config' | 'logger' | 'state'>;

export async function applyApproved(item: ReviewItem, ctx: ApplyContext): Promise<string> {
  let result: Awaited<ReturnType<typeof applyReview>>;
  try {
    result = await applyReview(item, {
      knowledgeDir: ctx.config.knowledgeDir,
      dataDir: ctx.config.dataDir,
      allowPrivate: ctx.config.feeds.allowPrivate,
      reviews: ctx.state.reviews,
      known: () => ctx.knowledge.knownDocuments(),
    });
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    ctx.logger.warn(
      { item: item.id, reason: error.message },
      'approved feed item could not be added; retried at the next start',
    );
    return `not added: ${escapeForDiscord(error.message)}; it is tried again when the bot restarts`;
  }
  if (result.kind === 'duplicate')
    return `already in the knowledge as ${namedDocument(result.duplicate.existing)}`;
  if (result.kind === 'refused') return `not added: ${uploadRefusal(result.decision)}`;
  try {
    await ctx.engine.reindexSoon();
  } catch (error) {
    ctx.logger.error({ err: error, item: item.id }, 'reindex after an approved feed item failed');
    return `added as ${inlineCode(result.file)}, but the reindex did not run; \`/reindex update\` picks it up`;
  }
  ctx.logger.info(
    { item: item.id, file: result.file, passages: result.passages },
    'feed item added to the knowledge',
  );
  return `added as ${inlineCode(result.file)} (${result.passages} passages)`;
}
