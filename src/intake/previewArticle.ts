import type { FetchConfig } from '../config/fetchConfig.js';
import type { KnowledgeReader } from '../engine/knowledgeReader.js';
import type { ArticlePreview } from '../ingest/articleDocument.js';
import { findUrlDuplicate, type KnownDocument } from '../ingest/duplicates.js';
import { IngestError } from '../ingest/errors.js';
import { parseFetchUrl } from '../ingest/fetchUrl.js';
import { type ReadArticle, readArticleAt } from '../ingest/readArticleAt.js';
import { type UploadOptions, uploadOptionsProblem } from '../knowledge/uploadMeta.js';
import type { Log } from '../log/log.js';
import type { ArticleToAdd } from './addArticle.js';
import { articleTarget } from './placeArticle.js';
import type { Refusal } from './refusal.js';

/** An address to preview, with the moderator's metadata, checked without fetching anything. */
export interface ArticleRequest {
  kind: 'article';
  url: URL;
  options: UploadOptions;
  replace: boolean;
}

export interface PreviewedArticle {
  kind: 'preview';
  /** What Add adds: the front end keeps it until the moderator chooses. */
  article: ArticleToAdd;
  /** What the moderator is shown, under the file it would be written as. */
  preview: ArticlePreview;
  /** The document with the article's URL that Add would replace (replace asked for), else null. */
  replaces: KnownDocument | null;
  /** How long the fetch, and the reading of the article, took. */
  fetchMs: number;
  extractMs: number;
}

/** What can be refused at once, before a front end waits for the page: the options and the address. */
export function checkArticleRequest(
  url: string,
  options: UploadOptions,
  replace: boolean,
): ArticleRequest | Refusal {
  const problem = uploadOptionsProblem(options);
  if (problem) return { kind: 'bad-option', problem };
  try {
    return { kind: 'article', url: parseFetchUrl(url), options, replace };
  } catch (error) {
    if (error instanceof IngestError) return { kind: 'unusable', reason: error.message };
    throw error;
  }
}

/**
 * The article at the address fetched and read, and checked against the knowledge: its preview, or why
 * it would not be added. Nothing is written; addArticle adds what this returns.
 */
export async function previewArticle(
  { url, options, replace }: ArticleRequest,
  deps: {
    engine: { readonly knowledge: Pick<KnowledgeReader, 'knownDocuments'> };
    fetch: FetchConfig;
    logger: Log;
  },
): Promise<PreviewedArticle | Refusal> {
  const known = await deps.engine.knowledge.knownDocuments();
  // A URL the knowledge has is refused before fetching anything.
  const byUrl = replace ? null : findUrlDuplicate(known, [url.href]);
  if (byUrl) return { kind: 'duplicate', duplicate: byUrl };
  let read: ReadArticle;
  try {
    read = await readArticleAt(url.href, {
      allowPrivate: deps.fetch.allowPrivate,
      options,
      log: deps.logger,
    });
  } catch (error) {
    if (error instanceof IngestError) return { kind: 'unusable', reason: error.message };
    throw error;
  }
  const {
    page: { html: _html, ...page },
    prepared,
    fetchMs,
    extractMs,
  } = read;
  const target = articleTarget(known, prepared, page, replace);
  if (target.kind === 'duplicate') return target;
  const preview = { ...prepared.preview, file: target.file };
  return {
    kind: 'preview',
    article: { prepared, page, replace },
    preview,
    replaces: target.replaces,
    fetchMs,
    extractMs,
  };
}
