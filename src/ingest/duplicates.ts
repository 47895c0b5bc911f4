/**
 * Whether an article is in the knowledge already: a document with the same canonical URL (http/https,
 * www., utm_ tracking and a trailing slash aside; sameDocument.ts), or with the same text (textKey.ts).
 * An article read off a page goes by its page's own URLs only (articleUrls): what a page claims to be
 * its address on another site never makes it another site's document, nor replaces one.
 */

import { canonicalUrl } from '../knowledge/sameDocument.js';
import type { SearchState } from '../search/searchState.js';
import { TimeSlicer } from '../util/yieldToEventLoop.js';
import { sameSite } from './site.js';
import { textKey } from './textKey.js';

export interface KnownDocument {
  id: string;
  file: string;
  title: string;
  url: string | null;
  textKey: string;
}

export interface Duplicate {
  /** What matched: the URL (the article's canonical one, or any URL it was found at), or the text. */
  by: 'url' | 'text';
  existing: KnownDocument;
}

export interface DuplicateCandidate {
  /** Every URL the article goes by (articleUrls for one read off a page). */
  urls: readonly (string | null | undefined)[];
  textKey: string;
}

/**
 * The URLs of an article read off a page: its own (`url`: the URL it was found at, its canonical URL
 * on the same site, or the moderator's), the URL it was found at, and the address asked for unless a
 * redirect left that site.
 */
export function articleUrls(url: string | null, page: { url: string; finalUrl: string }): string[] {
  const asked = sameSite(page.url, page.finalUrl) ? [page.url] : [];
  return [...(url ? [url] : []), page.finalUrl, ...asked];
}

/** Text keys by document id and file hash: a document's key is computed once per version of it. */
let keyCache = new Map<string, string>();

/**
 * The index's documents as duplicate detection needs them. A text key is rebuilt from the document's
 * passages (about 1 s for 100k passages the first time): time-sliced, so the bot keeps answering.
 */
export async function knownDocuments(
  state: Pick<SearchState, 'documents' | 'passages'>,
): Promise<KnownDocument[]> {
  const slicer = new TimeSlicer();
  const cache = new Map<string, string>();
  const known: KnownDocument[] = [];
  for (const doc of state.documents.values()) {
    const cacheKey = `${doc.id}\n${doc.hash}`;
    let key = keyCache.get(cacheKey);
    if (key === undefined) {
      await slicer.maybeYield();
      key = textKey(...doc.passageIds.map((id) => state.passages.get(id)?.text ?? ''));
    }
    cache.set(cacheKey, key);
    known.push({ id: doc.id, file: doc.file, title: doc.meta.title, url: doc.meta.url, textKey: key });
  }
  keyCache = cache;
  return known;
}

/**
 * The document `candidate` duplicates, by URL first, then by text; null when none. `except` (the id of
 * the document a replace is for) is left out.
 */
export function findDuplicate(
  known: readonly KnownDocument[],
  candidate: DuplicateCandidate,
  except?: string,
): Duplicate | null {
  const byUrl = findUrlDuplicate(known, candidate.urls, except);
  if (byUrl) return byUrl;
  const byText = known.find((doc) => doc.id !== except && doc.textKey === candidate.textKey);
  return byText ? { by: 'text', existing: byText } : null;
}

/** The document already known under one of `urls` (compared canonically), before any text is read. */
export function findUrlDuplicate(
  known: readonly KnownDocument[],
  candidateUrls: DuplicateCandidate['urls'],
  except?: string,
): Duplicate | null {
  const urls = new Set(candidateUrls.filter((url): url is string => !!url).map(canonicalUrl));
  const byUrl = known.find((doc) => doc.id !== except && doc.url !== null && urls.has(canonicalUrl(doc.url)));
  return byUrl ? { by: 'url', existing: byUrl } : null;
}
