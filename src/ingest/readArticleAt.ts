/**
 * The one way an article is read by its address (npm run add-url, /knowledge add url:, a feed item,
 * an approved feed item): the page fetched safely (or the copy kept of it), its article read off it in
 * a worker, and made into the knowledge file it would be, with its preview. Nothing is written: the
 * caller shows the preview, then adds it (src/intake/addArticle.ts).
 */

import type { UploadOptions } from '../knowledge/uploadMeta.js';
import type { Log } from '../log/log.js';
import { type PreparedArticle, prepareArticleDocument } from './articleDocument.js';
import { extractArticle } from './extractArticle.js';
import { type FetchedPage, type SafeFetchOptions, safeFetch } from './safeFetch.js';
import { readingPage } from './unreadablePage.js';

export interface ReadArticle {
  page: FetchedPage;
  prepared: PreparedArticle;
  /** How long the fetch, and the reading of the article, took. */
  fetchMs: number;
  extractMs: number;
}

export interface ReadArticleOptions extends Pick<SafeFetchOptions, 'allowPrivate' | 'signal'> {
  /** The moderator's metadata, over what the page says. */
  options?: UploadOptions;
  /** The page as fetched before (a feed item's kept page): read again instead of fetched. */
  page?: FetchedPage;
  /** Where an unexpected error is logged (the caller is told only UNREADABLE_PAGE). */
  log: Log;
}

/** Throws IngestError with the reason (blocked address, too large, too slow, no article…). */
export function readArticleAt(
  url: string,
  { options, page: kept, log, ...fetch }: ReadArticleOptions,
): Promise<ReadArticle> {
  return readingPage(url, log, async () => {
    const started = performance.now();
    const page = kept ?? (await safeFetch(url, fetch));
    const fetched = performance.now();
    const article = await extractArticle(page.html, page.finalUrl);
    const prepared = await prepareArticleDocument(article, options);
    return { page, prepared, fetchMs: fetched - started, extractMs: performance.now() - fetched };
  });
}
