/**
 * Adds an approved feed item to the knowledge the way add-url does: the kept page read again
 * (readArticleAt), added (addArticle: duplicate check, safe name, snapshot,
 * reindex), then marked applied. An item that is already in the knowledge — a crash after its file
 * was written, or someone added the article meanwhile — is marked applied too, so a restart never
 * adds it twice nor loses it.
 */

import { decodeHtml } from '../ingest/decodeHtml.js';
import { readArticleAt } from '../ingest/readArticleAt.js';
import type { FetchedPage } from '../ingest/safeFetch.js';
import { addArticle } from '../intake/addArticle.js';
import type { AddReport } from '../intake/addReport.js';
import type { IntakeDeps } from '../intake/intakeDeps.js';
import type { ArticleRefusal } from '../intake/refusal.js';
import type { Log } from '../log/log.js';
import type { ReviewItem, ReviewQueue } from '../state/reviewQueue.js';
import { readReviewPage, removeReviewPage } from './reviewPages.js';
import { storedPageOrigin } from './reviewPreview.js';

export interface ApplyDeps extends IntakeDeps {
  allowPrivate: boolean;
  reviews: Pick<ReviewQueue, 'markApplied'>;
  logger: Log;
}

/** The item's page as kept at review time; undefined for one that was never kept (it is fetched again). */
async function keptPage(item: ReviewItem, deps: ApplyDeps): Promise<FetchedPage | undefined> {
  const origin = storedPageOrigin(item.preview, item.createdAt);
  const bytes = await readReviewPage(deps.config.dataDir, item.id);
  if (!origin || !bytes) return undefined;
  const { html } = decodeHtml(bytes, origin.contentType);
  return { ...origin, html, bytes };
}

/**
 * Throws IngestError when the page can no longer be read into an article; a file that took the
 * article's name meanwhile is returned unmarked too: both are tried again at the next start.
 */
export async function applyReview(item: ReviewItem, deps: ApplyDeps): Promise<AddReport | ArticleRefusal> {
  const { page, prepared } = await readArticleAt(item.url, {
    allowPrivate: deps.allowPrivate,
    page: await keptPage(item, deps),
    log: deps.logger,
  });
  const added = await addArticle({ prepared, page, replace: false }, deps);
  if (added.kind === 'changed-meanwhile') return added;
  await deps.reviews.markApplied(item.id);
  await removeReviewPage(deps.config.dataDir, item.id);
  return added;
}
