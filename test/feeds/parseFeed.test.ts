import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeXml } from '../../src/feeds/decodeXml.js';
import { FeedError } from '../../src/feeds/errors.js';
import { parseFeed } from '../../src/feeds/parseFeed.js';
import { INLINE_CHARS, parseFeedOffThread } from '../../src/feeds/parseFeedOffThread.js';
import { cpuMs } from '../helpers/cpuTime.js';
import { atom, MALFORMED_FEED, rss } from '../helpers/feedServer.js';
import { encodeSingleByte } from '../helpers/pageServer.js';

const ITEMS = [
  {
    guid: 'news-2',
    link: 'https://news.example/2020/09/grodno-trams',
    title: 'Grodno trams stop & drivers <strike>',
    published: 'Mon, 14 Sep 2020 08:30:00 +0300',
  },
  {
    guid: 'news-1',
    link: '/2020/09/minsk-metro',
    title: 'Minsk metro',
    published: 'Sun, 13 Sep 2020 18:00:00 +0300',
  },
];

const refused = (pattern: RegExp) => (error: unknown) => {
  assert.ok(error instanceof FeedError, String(error));
  assert.match(error.message, pattern);
  return true;
};

test('RSS 2.0: title, and each item with guid, link (relative ones resolved), CDATA title and date', () => {
  const feed = parseFeed(rss('Example News', ITEMS), 'https://news.example/rss');
  assert.equal(feed.format, 'rss');
  assert.equal(feed.title, 'Example News');
  assert.deepEqual(feed.items, [
    {
      guid: 'news-2',
      link: 'https://news.example/2020/09/grodno-trams',
      title: 'Grodno trams stop & drivers <strike>',
      published: 'Mon, 14 Sep 2020 08:30:00 +0300',
    },
    {
      guid: 'news-1',
      link: 'https://news.example/2020/09/minsk-metro',
      title: 'Minsk metro',
      published: 'Sun, 13 Sep 2020 18:00:00 +0300',
    },
  ]);
});

test('Atom: entry id, the alternate link (not the enclosure), title and published date', () => {
  const feed = parseFeed(
    atom('Atom News', [{ ...ITEMS[0]!, guid: 'urn:1', published: '2020-09-14T08:30:00Z' }]),
    'https://atom.example/feed',
  );
  assert.equal(feed.format, 'atom');
  assert.equal(feed.title, 'Atom News');
  assert.deepEqual(feed.items, [
    {
      guid: 'urn:1',
      link: 'https://news.example/2020/09/grodno-trams',
      title: 'Grodno trams stop & drivers <strike>',
      published: '2020-09-14T08:30:00Z',
    },
  ]);
});

test('an RSS guid that is a permalink stands in for a missing link; other schemes are no link', () => {
  const xml = `<rss version="2.0"><channel><title>T</title>
    <item><guid>https://news.example/only-guid</guid></item>
    <item><guid isPermaLink="false">tag:x</guid><link>javascript:alert(1)</link></item>
    <item><title>12345</title><guid isPermaLink="false">00123</guid></item>
  </channel></rss>`;
  const { items } = parseFeed(xml, 'https://news.example/rss');
  assert.deepEqual(
    items.map((i) => [i.guid, i.link, i.title]),
    [
      ['https://news.example/only-guid', 'https://news.example/only-guid', null],
      ['tag:x', null, null],
      ['00123', null, '12345'],
    ],
  );
});

test('RSS 1.0 (RDF) items are read too', () => {
  const xml = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
    <channel rdf:about="https://r.example/"><title>RDF News</title></channel>
    <item rdf:about="https://r.example/a"><title>A</title><link>https://r.example/a</link><dc:date>2020-09-14</dc:date></item>
  </rdf:RDF>`;
  const feed = parseFeed(xml, 'https://r.example/rss');
  assert.equal(feed.title, 'RDF News');
  assert.deepEqual(feed.items, [
    { guid: null, link: 'https://r.example/a', title: 'A', published: '2020-09-14' },
  ]);
});

test('malformed XML, a web page and other XML are refused with what they are', () => {
  assert.throws(
    () => parseFeed(MALFORMED_FEED, 'https://x.example/'),
    refused(/^the feed is not well-formed XML \(line \d+: .+\)$/),
  );
  assert.throws(
    () => parseFeed('<!DOCTYPE html><html><body><p>Hello</p></body></html>', 'https://x.example/'),
    refused(/sends a web page, not an RSS or Atom feed/),
  );
  assert.throws(
    () => parseFeed('<?xml version="1.0"?><svg></svg>', 'https://x.example/'),
    refused(/an XML document of <svg>, not an RSS or Atom feed/),
  );
  assert.throws(() => parseFeed('', 'https://x.example/'), FeedError);
});

test('entity expansion is bounded: a billion-laughs feed is refused, not expanded', () => {
  const lol = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${'b'.repeat(i + 1)} "${`&${i === 0 ? 'a' : 'b'.repeat(i)};`.repeat(10)}">`).join('')}]>
    <rss version="2.0"><channel><title>&bbbbbbbbb;</title></channel></rss>`;
  let title: string | null = null;
  const { ms } = cpuMs(() => {
    try {
      title = parseFeed(lol, 'https://x.example/').title;
    } catch (error) {
      assert.ok(error instanceof FeedError, String(error));
    }
  });
  assert.ok(
    ((title as string | null)?.length ?? 0) < 2_000_000,
    'the title did not expand to 10^10 characters',
  );
  assert.ok(ms < 1000, `took ${Math.round(ms)} ms of CPU`);
});

test('a feed in windows-1251 is decoded as its XML declaration says', () => {
  const xml = `<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>Новости Гродно</title></channel></rss>`;
  const bytes = encodeSingleByte(xml, 'windows-1251');
  assert.equal(
    parseFeed(decodeXml(bytes, 'application/rss+xml').text, 'https://x.example/').title,
    'Новости Гродно',
  );
  // The header's charset wins over the declaration.
  assert.equal(
    decodeXml(Buffer.from('<?xml version="1.0" encoding="koi8-r"?><a/>'), 'text/xml; charset=utf-8').charset,
    'utf-8',
  );
});

test('a large feed is parsed in a worker thread, to the same result, and its errors are the same', async (t) => {
  const items = Array.from({ length: 120 }, (_, i) => ({
    guid: `g${i}`,
    link: `https://news.example/${i}`,
    title: `Story ${i}`,
    published: 'Mon, 14 Sep 2020 08:30:00 +0300',
  }));
  const xml = rss('Large', items).replace(/A summary\./g, 'A summary. '.repeat(400));
  assert.ok(xml.length > INLINE_CHARS, `${xml.length} chars`);
  let longestGap = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
  }, 5);
  try {
    assert.deepEqual(
      await parseFeedOffThread(xml, 'https://news.example/rss'),
      parseFeed(xml, 'https://news.example/rss'),
    );
  } finally {
    clearInterval(ticker);
  }
  await assert.rejects(
    parseFeedOffThread(MALFORMED_FEED, 'https://x.example/', 10),
    refused(/not well-formed XML/),
  );
  t.diagnostic(
    `${xml.length} chars parsed off the event loop; longest event-loop gap ${longestGap.toFixed(0)} ms`,
  );
});
