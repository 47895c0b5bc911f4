/**
 * One conditional request for a feed through safeFetch (every address checked, 10 s, 5 MB): the
 * validators of the last answer go out as If-None-Match / If-Modified-Since, and a 304 comes back as
 * "not modified" without a body. A feed that arrives is decoded and parsed.
 */

import { IngestError } from '../ingest/errors.js';
import { safeFetch } from '../ingest/safeFetch.js';
import { decodeXml } from './decodeXml.js';
import { FeedError } from './errors.js';
import type { ParsedFeed } from './parseFeed.js';
import { parseFeedOffThread } from './parseFeedOffThread.js';

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type FetchedFeed =
  | { kind: 'not-modified'; validators: Validators; bytes: 0 }
  | { kind: 'feed'; feed: ParsedFeed; validators: Validators; bytes: number };

export interface FetchFeedOptions {
  allowPrivate: boolean;
  /** The last answer's validators; none for a first request (or to force a full one). */
  validators?: Validators;
  signal?: AbortSignal;
}

const ACCEPT = {
  header:
    'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1',
  mediaTypes: 'any' as const,
  notModified: true,
};

function conditionalHeaders(validators: Validators | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (validators?.etag) headers['if-none-match'] = validators.etag;
  if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
  return headers;
}

/** Throws FeedError with the reason when the feed cannot be fetched or read. */
export async function fetchFeed(url: string, options: FetchFeedOptions): Promise<FetchedFeed> {
  let page: Awaited<ReturnType<typeof safeFetch>>;
  try {
    page = await safeFetch(url, {
      allowPrivate: options.allowPrivate,
      headers: conditionalHeaders(options.validators),
      accept: ACCEPT,
      what: 'feed',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof IngestError) throw new FeedError(error.message, { cause: error });
    throw error;
  }
  const validators = page.validators ?? { etag: null, lastModified: null };
  if (page.status === 304) {
    // A 304 may leave out validators that still hold.
    const kept = {
      etag: validators.etag ?? options.validators?.etag ?? null,
      lastModified: validators.lastModified ?? options.validators?.lastModified ?? null,
    };
    return { kind: 'not-modified', validators: kept, bytes: 0 };
  }
  const { text } = decodeXml(page.bytes, page.contentType);
  return {
    kind: 'feed',
    feed: await parseFeedOffThread(text, page.finalUrl),
    validators,
    bytes: page.bytes.length,
  };
}
