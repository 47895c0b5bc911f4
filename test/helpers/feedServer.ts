/** Feeds for the feed tests: RSS 2.0, Atom, malformed XML, and a feed whose items change, with ETag / Last-Modified. */

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PageHandler } from './pageServer.js';

export interface FeedEntry {
  guid: string;
  link: string;
  title: string;
  published: string;
}

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function rss(title: string, items: readonly FeedEntry[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>${esc(title)}</title>
<link>https://news.example/</link>
<atom:link href="https://news.example/rss" rel="self" type="application/rss+xml"/>
<description>Latest news</description>
${items
  .map(
    (i) => `<item>
  <title><![CDATA[${i.title}]]></title>
  <link>${esc(i.link)}</link>
  <guid isPermaLink="false">${esc(i.guid)}</guid>
  <pubDate>${i.published}</pubDate>
  <description>&lt;p&gt;A summary.&lt;/p&gt;</description>
</item>`,
  )
  .join('\n')}
</channel>
</rss>`;
}

export function atom(title: string, items: readonly FeedEntry[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title type="text">${esc(title)}</title>
<id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
<updated>2020-09-14T10:00:00Z</updated>
<link rel="self" href="https://atom.example/feed"/>
${items
  .map(
    (i) => `<entry>
  <title type="html">${esc(i.title)}</title>
  <link rel="alternate" type="text/html" href="${esc(i.link)}"/>
  <link rel="enclosure" href="https://atom.example/audio.mp3"/>
  <id>${esc(i.guid)}</id>
  <published>${i.published}</published>
  <updated>${i.published}</updated>
</entry>`,
  )
  .join('\n')}
</feed>`;
}

export const MALFORMED_FEED = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Broken</title>
<item><title>One</title><link>https://news.example/one</link></item>
<item><title>Two</title><link>https://news.example/two</link>
</channel></rss>`;

/** What a conditional feed handler saw: each request's validators and what it answered. */
export interface FeedRequest {
  ifNoneMatch: string | null;
  ifModifiedSince: string | null;
  status: number;
  bytes: number;
}

/**
 * A feed whose body the test changes with set(); each version has its own ETag and Last-Modified, and
 * a request carrying the current one gets 304 with no body.
 */
export function changingFeed(
  first: string,
  contentType = 'application/rss+xml; charset=utf-8',
): { handler: PageHandler; set(body: string): void; requests: FeedRequest[] } {
  let body = first;
  let version = 1;
  let modified = new Date('2020-09-14T10:00:00Z');
  const requests: FeedRequest[] = [];
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const etag = `"v${version}"`;
    const lastModified = modified.toUTCString();
    const ifNoneMatch = (req.headers['if-none-match'] as string | undefined) ?? null;
    const ifModifiedSince = (req.headers['if-modified-since'] as string | undefined) ?? null;
    const fresh = ifNoneMatch !== null ? ifNoneMatch === etag : ifModifiedSince === lastModified;
    const record = { ifNoneMatch, ifModifiedSince };
    if (fresh) {
      requests.push({ ...record, status: 304, bytes: 0 });
      res.writeHead(304, { etag, 'last-modified': lastModified });
      res.end();
      return;
    }
    const bytes = Buffer.from(body);
    requests.push({ ...record, status: 200, bytes: bytes.length });
    res.writeHead(200, { 'content-type': contentType, etag, 'last-modified': lastModified });
    res.end(bytes);
  };
  return {
    handler,
    requests,
    set(next) {
      body = next;
      version++;
      modified = new Date(modified.getTime() + 60_000);
    },
  };
}
