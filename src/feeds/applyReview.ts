/**
 * Adds an approved feed item to the knowledge the way add-url does: the kept page read again
 * (extractArticle, prepareArticleDocument), added (addArticle: duplicate check, safe name, snapshot,
 * reindex), then marked applied. An item that is already in the knowledge — a crash after its file
 * was written, or someone added the article meanwhile — is marked applied too, so a restart never
 * adds it twice nor loses it.
 */

import { prepareArticleDocument } from '../ingest/articleDocument.js';
import { decodeHtml } from '../ingest/decodeHtml.js';
import { extractArticle } from '../ingest/extractArticle.js';
import { type FetchedPage, safeFetch } from '../ingest/safeFetch.js';
import { addArticle } from '../intake/addArticle.js';
import type { AddReport } from '../intake/addReport.js';
import type { IntakeDeps } from '../intake/intakeDeps.js';
import type { ArticleRefusal } from '../intake/refusal.js';
import type { ReviewItem, ReviewQueue } from '../state/reviewQueue.js';
import { readReviewPage, removeReviewPage } from './reviewPages.js';
import { storedPageOrigin } from './reviewPreview.js';

export interface ApplyDeps extends IntakeDeps {
  allowPrivate: boolean;
  reviews: Pick<ReviewQueue, 'markApplied'>;
}

/** The item's page as kept at review time, else fetched again (a page that was never kept). */
async function itemPage(item: ReviewItem, deps: ApplyDeps): Promise<FetchedPage> {
  const origin = storedPageOrigin(item.preview, item.createdAt);
  const bytes = await readReviewPage(deps.config.dataDir, item.id);
  if (origin && bytes) {
    const { html } = decodeHtml(bytes, origin.contentType);
    return { ...origin, html, bytes };
  }
  return safeFetch(item.url, { allowPrivate: deps.allowPrivate });
}

/**
 * Throws IngestError when the page can no longer be read into an article; a file that took the
 * article's name meanwhile is returned unmarked too: both are tried again at the next start.
 */
export async function applyReview(item: ReviewItem, deps: ApplyDeps): Promise<AddReport | ArticleRefusal> {
  const page = await itemPage(item, deps);
  const article = await extractArticle(page.html, page.finalUrl);
  const prepared = await prepareArticleDocument(article);
  const added = await addArticle({ prepared, page, replace: false }, deps);
  if (added.kind === 'changed-meanwhile') return added;
  await deps.reviews.markApplied(item.id);
  await removeReviewPage(deps.config.dataDir, item.id);
  return added;
}
