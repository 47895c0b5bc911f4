/**
 * Adds an approved feed item to the knowledge the way add-url does: the kept page read again
 * (extractArticle, prepareArticleDocument), placed (placeArticle: duplicate check, safe name, snapshot),
 * then marked applied. The caller reindexes. An item that is already in the knowledge — a crash after
 * its file was written, or someone added the article meanwhile — is marked applied too, so a restart
 * never adds it twice nor loses it.
 */

import { prepareArticleDocument } from '../ingest/articleDocument.js';
import { decodeHtml } from '../ingest/decodeHtml.js';
import type { Duplicate, KnownDocument } from '../ingest/duplicates.js';
import { extractArticle } from '../ingest/extractArticle.js';
import { placeArticle } from '../ingest/placeArticle.js';
import { type FetchedPage, safeFetch } from '../ingest/safeFetch.js';
import type { UploadDecision } from '../knowledge/uploadTarget.js';
import type { ReviewItem, ReviewQueue } from '../state/reviewQueue.js';
import { readReviewPage, removeReviewPage } from './reviewPages.js';
import { storedPageOrigin } from './reviewPreview.js';

export interface ApplyDeps {
  knowledgeDir: string;
  dataDir: string;
  allowPrivate: boolean;
  reviews: Pick<ReviewQueue, 'markApplied'>;
  /** The documents the served index holds now. */
  known(): Promise<readonly KnownDocument[]>;
}

export type ApplyResult =
  | { kind: 'added'; file: string; passages: number }
  | { kind: 'duplicate'; duplicate: Duplicate }
  | { kind: 'refused'; decision: Extract<UploadDecision, { kind: 'refuse' }> };

/** The item's page as kept at review time, else fetched again (a page that was never kept). */
async function itemPage(item: ReviewItem, deps: ApplyDeps): Promise<FetchedPage> {
  const origin = storedPageOrigin(item.preview);
  const bytes = await readReviewPage(deps.dataDir, item.id);
  if (origin && bytes) {
    const { html } = decodeHtml(bytes, origin.contentType);
    return { ...origin, html, bytes };
  }
  return safeFetch(item.url, { allowPrivate: deps.allowPrivate });
}

/** Throws IngestError when the page can no longer be read into an article (nothing is marked then). */
export async function applyReview(item: ReviewItem, deps: ApplyDeps): Promise<ApplyResult> {
  const page = await itemPage(item, deps);
  const article = await extractArticle(page.html, page.finalUrl);
  const prepared = await prepareArticleDocument(article);
  const placed = await placeArticle({
    knowledgeDir: deps.knowledgeDir,
    dataDir: deps.dataDir,
    prepared,
    page,
    known: await deps.known(),
    replace: false,
  });
  await deps.reviews.markApplied(item.id);
  await removeReviewPage(deps.dataDir, item.id);
  if (placed.kind === 'duplicate') return { kind: 'duplicate', duplicate: placed.duplicate };
  if (placed.kind === 'refused') return { kind: 'refused', decision: placed.decision };
  return { kind: 'added', file: placed.file, passages: prepared.preview.passages };
}
