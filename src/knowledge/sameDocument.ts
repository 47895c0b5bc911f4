/**
 * Whether two documents are the same article, for `/knowledge add replace:true`: the same canonical URL
 * when both have one, else the same title (case, accents, quotes and spacing aside). A file name alone
 * never makes two documents the same: names come from titles, and different titles can slug alike.
 */

import { foldText } from '../text/fold.js';

export interface DocumentIdentity {
  title: string;
  url: string | null;
}

export function sameDocument(a: DocumentIdentity, b: DocumentIdentity): boolean {
  if (a.url && b.url) return canonicalUrl(a.url) === canonicalUrl(b.url);
  return titleKey(a.title) === titleKey(b.title);
}

/** http and https, www., a fragment, utm_ tracking and a trailing slash do not make another article. */
export function canonicalUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return url.trim();
  }
  const host = parsed.host.replace(/^www\./, '');
  const params = [...parsed.searchParams].filter(([key]) => !key.toLowerCase().startsWith('utm_'));
  const query = new URLSearchParams(params).toString();
  const pathname = parsed.pathname.length > 1 ? parsed.pathname.replace(/\/+$/, '') : '';
  return `${host}${pathname}${query ? `?${query}` : ''}`;
}

function titleKey(title: string): string {
  return foldText(title).replace(/\s+/g, ' ').trim();
}
