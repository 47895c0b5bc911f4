/**
 * A URL's site: its registrable domain (bbc.co.uk for news.bbc.co.uk), the part of a host one owner
 * registers, by the public suffix list (private suffixes too, so user.github.io is its user's site).
 * An IP address or a host with no registrable part (localhost, an intranet name) is its own site.
 */

import { parse } from 'tldts';

export interface Site {
  /** The registrable domain, else the host: what is shown when a page's own claim is not taken. */
  domain: string;
  /**
   * The domain without its public suffix ("bbc"), as ASCII (an international name stays in its xn--
   * form, so no look-alike letters can spell another name); null for an IP address or localhost.
   */
  name: string | null;
}

export function siteOf(url: string): Site {
  const { hostname } = new URL(url);
  const parsed = parse(hostname, { allowPrivateDomains: true });
  if (parsed.isIp || !parsed.domain || !parsed.domainWithoutSuffix) return { domain: hostname, name: null };
  return { domain: parsed.domain, name: parsed.domainWithoutSuffix };
}

/** Whether two URLs are on the same site: one owner's, whatever the subdomain or scheme. */
export function sameSite(a: string, b: string): boolean {
  return siteOf(a).domain === siteOf(b).domain;
}
