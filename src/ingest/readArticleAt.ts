/**
 * The one way an article enters by its address (npm run add-url, /knowledge add url:): the page fetched
 * safely, its article read off it in a worker, and made into the knowledge file it would be, with its
 * preview. Nothing is written: the caller shows the preview, then adds it (src/intake/addArticle.ts).
 */

import type { UploadOptions } from '../knowledge/uploadMeta.js';
import { type PreparedArticle, prepareArticleDocument } from './articleDocument.js';
import { extractArticle } from './extractArticle.js';
import { type FetchedPage, type SafeFetchOptions, safeFetch } from './safeFetch.js';

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
}

/** Throws IngestError with the reason (blocked address, too large, too slow, no article…). */
export async function readArticleAt(
  url: string,
  { options, ...fetch }: ReadArticleOptions = {},
): Promise<ReadArticle> {
  const started = performance.now();
  const page = await safeFetch(url, fetch);
  const fetched = performance.now();
  const article = await extractArticle(page.html, page.finalUrl);
  const prepared = await prepareArticleDocument(article, options);
  return { page, prepared, fetchMs: fetched - started, extractMs: performance.now() - fetched };
}
