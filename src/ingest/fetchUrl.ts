/** A URL we may fetch: http or https, no credentials, a web port. Checked for the first URL and each redirect. */

import { IngestError } from './errors.js';

/** Ports browsers refuse to fetch from (the Fetch standard's "bad ports"): mail, shell, file services. */
const BAD_PORTS = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104,
  109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515,
  526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049,
  3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6697, 10080,
]);

/** `what` names the URL in messages: "the address", "a redirect". */
export function parseFetchUrl(text: string, what = 'the address'): URL {
  const trimmed = text.trim();
  if (!URL.canParse(trimmed)) throw new IngestError('bad-url', `${what} is not a web address`);
  const url = new URL(trimmed);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new IngestError(
      'bad-scheme',
      `${what} starts with ${url.protocol}: only http:// and https:// pages can be fetched`,
    );
  if (url.username || url.password)
    throw new IngestError('credentials', `${what} carries a user name or password; leave them out`);
  if (url.port && BAD_PORTS.has(Number(url.port)))
    throw new IngestError('bad-port', `${what} uses port ${url.port}, which is not a web port`);
  url.hash = '';
  return url;
}

/** The host as the resolver takes it: an IPv6 literal without its brackets. */
export function hostOf(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}
