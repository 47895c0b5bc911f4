/**
 * What the review queue keeps of a feed item: what the moderators see (ReviewPreview) and where its
 * page came from, so Approve can rebuild the exact document from the kept page.
 */

import type { ArticlePreview, PreparedArticle } from '../ingest/articleDocument.js';
import { type FetchedPage, type PageOrigin, pageOrigin } from '../ingest/safeFetch.js';
import type { MergedItem, ReviewPreview } from '../state/reviewQueue.js';

export interface FeedReviewPreview extends ReviewPreview {
  /** The article as add-url previews it (articlePreview.ts renders it). */
  article: ArticlePreview;
  /** The feed's name (or URL) it came from. */
  feed: string;
  page: PageOrigin;
}

export function feedReviewPreview(
  prepared: PreparedArticle,
  page: FetchedPage,
  feed: string,
): FeedReviewPreview {
  const article = prepared.preview;
  return {
    title: article.title,
    outlet: article.outlet,
    published: article.published,
    url: article.url ?? page.finalUrl,
    passages: article.passages,
    firstPassage: article.firstPassage ?? '',
    article,
    feed,
    page: pageOrigin(page),
  };
}

/**
 * The page origin of a stored preview; null for one that lacks it (then the page is fetched again).
 * One kept before fetch times were recorded was fetched just before it was queued, at `queuedAt`.
 */
export function storedPageOrigin(preview: ReviewPreview, queuedAt: string): PageOrigin | null {
  const page = preview.page as Partial<PageOrigin> | undefined;
  if (!page || typeof page.finalUrl !== 'string' || typeof page.url !== 'string') return null;
  return {
    url: page.url,
    finalUrl: page.finalUrl,
    redirects: Array.isArray(page.redirects) ? page.redirects.map(String) : [],
    status: typeof page.status === 'number' ? page.status : 200,
    contentType: typeof page.contentType === 'string' ? page.contentType : 'text/html',
    charset: typeof page.charset === 'string' ? page.charset : 'utf-8',
    fetchedAt: typeof page.fetchedAt === 'string' ? page.fetchedAt : queuedAt,
  };
}

/** The article preview of a stored item, rebuilt from the required fields when it lacks one. */
export function articleOf(preview: ReviewPreview): ArticlePreview {
  const article = preview.article as ArticlePreview | undefined;
  if (article && typeof article.title === 'string' && Array.isArray(article.inferred)) return article;
  return {
    file: '',
    title: preview.title,
    outlet: preview.outlet,
    author: null,
    published: preview.published,
    url: preview.url,
    inferred: [],
    passages: preview.passages,
    firstPassage: preview.firstPassage || null,
    words: 0,
  };
}

/** The feed items merged into a stored item (ReviewQueue.merge), oldest first. */
export function mergedOf(preview: ReviewPreview): MergedItem[] {
  if (!Array.isArray(preview.merged)) return [];
  return (preview.merged as Partial<MergedItem>[]).filter(
    (m): m is MergedItem => typeof m?.feed === 'string' && typeof m.itemKey === 'string',
  );
}
