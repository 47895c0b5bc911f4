import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { IngestError } from '../../src/ingest/errors.js';
import { extractArticle } from '../../src/ingest/extractArticle.js';
import { extractFromHtml } from '../../src/ingest/extractFromHtml.js';
import {
  articlePage,
  CYRILLIC_PARAGRAPHS,
  cyrillicPage,
  JS_SHELL_PAGE,
  listingPage,
  PAYWALL_PAGE,
  TRAM_META,
  TRAM_PARAGRAPHS,
} from '../helpers/articlePages.js';

const URL_FOUND = 'https://www.news.example/2020/09/14/grodno-trams?utm_source=feed&id=7';

test('paragraphs come from block elements: Readability’s textContent glues them, ours do not', () => {
  const html = articlePage({ head: TRAM_META });
  const glued = new Readability(parseHTML(html).document).parse()?.textContent ?? '';
  assert.ok(glued.includes('election.“We'), 'the library’s text runs paragraphs together');
  const article = extractFromHtml(html, URL_FOUND);
  assert.deepEqual(article.paragraphs, TRAM_PARAGRAPHS);
  assert.ok(!article.paragraphs.some((p) => p.includes('election.“We')));
});

test('words stay verbatim; whitespace is normalised within a paragraph; a <br> starts a line', () => {
  const paragraphs = [
    'The  <a href="/osce">OSCE</a>\n   chair <em>offered</em>&nbsp;to&nbsp;mediate, and Lukashenka’s office said it would “study” the offer.',
    'Opposition figures in Minsk welcomed the elec\u00ADtion monitors’ report on Tuesday.<br>It found the count was not credible.',
  ];
  const html = articlePage({
    paragraphs: [
      ...paragraphs,
      '<blockquote><p>First quoted paragraph of the statement by the opposition council.</p><p>Second quoted paragraph, which says the council will keep meeting.</p></blockquote>',
      '<ul><li>One list item that reads as a full sentence about the vote.</li><li>Another list item naming the three observers who stayed.</li></ul>',
      ...TRAM_PARAGRAPHS,
    ],
  });
  const article = extractFromHtml(html, URL_FOUND);
  assert.equal(
    article.paragraphs[0],
    'The OSCE chair offered to mediate, and Lukashenka’s office said it would “study” the offer.',
  );
  assert.equal(
    article.paragraphs[1],
    'Opposition figures in Minsk welcomed the election monitors’ report on Tuesday.\nIt found the count was not credible.',
  );
  assert.deepEqual(article.paragraphs.slice(2, 6), [
    'First quoted paragraph of the statement by the opposition council.',
    'Second quoted paragraph, which says the council will keep meeting.',
    'One list item that reads as a full sentence about the vote.',
    'Another list item naming the three observers who stayed.',
  ]);
});

test('metadata from meta tags: title, outlet, author, date (the day the page wrote), canonical URL, all inferred', () => {
  const article = extractFromHtml(articlePage({ head: TRAM_META }), URL_FOUND);
  assert.equal(article.title, 'Grodno tram drivers walk out over unpaid wages', 'the claimed name cut off');
  // "Example News" does not name news.example (its name is "news", as "BBC News" would have it).
  assert.equal(article.outlet, 'news.example');
  assert.equal(article.outletClaim, 'Example News');
  assert.equal(article.author, 'Maria Sokol');
  assert.equal(article.published, '2020-09-14');
  assert.equal(article.url, 'https://news.example/2020/09/grodno-trams');
  assert.equal(article.language, 'en');
  assert.deepEqual(article.inferred, ['title', 'outlet', 'author', 'published', 'url', 'language']);
  assert.deepEqual(article.sources, {
    title: 'page title',
    outlet: 'host',
    author: 'meta author',
    published: 'article:published_time',
    url: 'link rel=canonical',
    language: 'html lang',
  });
});

test('metadata from JSON-LD: authors, datePublished, publisher as the outlet, references in a @graph', () => {
  const jsonLd = {
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'Organization', '@id': '#org', name: 'Grodno Daily' },
      { '@type': 'Person', '@id': '#p1', name: 'Ivan Petrov' },
      {
        '@type': ['NewsArticle'],
        headline: 'Grodno tram drivers walk out over unpaid wages',
        datePublished: '2020-09-15T23:10:00-04:00',
        author: [{ '@id': '#p1' }, { '@type': 'Person', name: 'Olga Ivanova' }],
        publisher: { '@id': '#org' },
      },
    ],
  };
  const head = `<script type="application/ld+json">${JSON.stringify(jsonLd)}</script>
    <link rel="canonical" href="/2020/09/grodno-trams-ld">`;
  const article = extractFromHtml(articlePage({ head }), 'https://www.grodnodaily.example/2020/09/15/x');
  assert.equal(article.author, 'Ivan Petrov, Olga Ivanova');
  assert.equal(article.published, '2020-09-15');
  assert.equal(article.outlet, 'Grodno Daily');
  assert.equal(article.outletClaim, null);
  assert.equal(article.url, 'https://www.grodnodaily.example/2020/09/grodno-trams-ld');
  assert.deepEqual(
    [article.sources.author, article.sources.published, article.sources.outlet],
    ['JSON-LD author', 'JSON-LD datePublished', 'JSON-LD publisher'],
  );
});

test('without metadata: the host is the outlet, the URL found (no utm_) the URL, a DC.date meta the date', () => {
  const head =
    '<meta name="DC.date" content="2020-09-16"><link rel="canonical" href="https://www.news.example/">';
  const article = extractFromHtml(
    articlePage({ head, byline: '<p class="byline">By Anna Kovaleva</p>' }),
    URL_FOUND,
  );
  assert.equal(article.outlet, 'news.example');
  assert.equal(article.sources.outlet, 'host');
  assert.equal(article.published, '2020-09-16');
  assert.equal(
    article.url,
    'https://www.news.example/2020/09/14/grodno-trams?id=7',
    'a front-page canonical is passed over',
  );
  assert.equal(article.sources.url, 'final URL');
  assert.equal(article.author, 'Anna Kovaleva');
  assert.equal(article.sources.author, 'byline');
});

test('a page on any host claiming another outlet and its URL: the host is the outlet, the claim a claim, the URL its own', () => {
  const head = `<meta property="og:site_name" content="Reuters">
    <meta property="og:url" content="https://www.reuters.com/world/x">
    <link rel="canonical" href="https://www.reuters.com/world/x">`;
  const article = extractFromHtml(articlePage({ head }), 'http://127.0.0.1:8080/story?utm_source=feed');
  assert.equal(article.outlet, '127.0.0.1');
  assert.equal(article.outletClaim, 'Reuters');
  assert.equal(article.url, 'http://127.0.0.1:8080/story');
  assert.deepEqual([article.sources.outlet, article.sources.url], ['host', 'final URL']);
  assert.ok(article.inferred.includes('outlet'), 'the outlet from the host is inferred too');
});

test('a page whose own site its claim names keeps it, and its canonical URL on the same site', () => {
  const head = `<meta property="og:site_name" content="BBC News">
    <link rel="canonical" href="https://www.bbc.co.uk/news/world-europe-54084785">`;
  const article = extractFromHtml(
    articlePage({ head }),
    'https://m.bbc.co.uk/news/world-europe-54084785?at_medium=rss',
  );
  assert.equal(article.outlet, 'BBC News');
  assert.equal(article.outletClaim, null);
  assert.equal(article.url, 'https://www.bbc.co.uk/news/world-europe-54084785');
  assert.deepEqual([article.sources.outlet, article.sources.url], ['og:site_name', 'link rel=canonical']);
  const named = extractFromHtml(
    articlePage({
      head: '<meta property="og:site_name" content="Home"><meta name="application-name" content="Reuters">',
    }),
    'https://www.reuters.com/world/x',
  );
  assert.equal(named.outlet, 'Reuters', 'a later claim that names the site, when the first does not');
  assert.equal(named.sources.outlet, 'application-name');
});

test('a Cyrillic article keeps its words', () => {
  const article = extractFromHtml(cyrillicPage(), 'https://grodno.example/news/1');
  assert.equal(article.outlet, 'grodno.example');
  assert.equal(article.outletClaim, 'Гродненские новости');
  assert.equal(article.language, 'ru');
  for (const paragraph of CYRILLIC_PARAGRAPHS) assert.ok(article.paragraphs.includes(paragraph));
});

const noArticle = (reason: RegExp) => (error: unknown) =>
  error instanceof IngestError && error.kind === 'no-article' && reason.test(error.message);

test('a page with no article is refused with the reason: a JavaScript shell, a listing, a paywall, a stub', () => {
  assert.throws(
    () => extractFromHtml(JS_SHELL_PAGE, URL_FOUND),
    noArticle(/almost no text .* until JavaScript runs/),
  );
  assert.throws(
    () => extractFromHtml(listingPage(), URL_FOUND),
    noArticle(/mostly links .*index or listing page/),
  );
  assert.throws(() => extractFromHtml(PAYWALL_PAGE, URL_FOUND), noArticle(/behind a paywall/));
  // Captions and headlines, not one full sentence (a brief with one is an article: below).
  const stub = articlePage({
    paragraphs: ['Photos: the Grodno tram depot on Monday morning', 'Video: drivers at the depot gates'],
  });
  assert.throws(
    () => extractFromHtml(stub, URL_FOUND),
    noArticle(/too little article text \(\d+ words and not one full sentence\)/),
  );
});

test('a brief is an article when it holds one full sentence, even where Readability picks the footer', () => {
  const brief = extractFromHtml(articlePage({ paragraphs: TRAM_PARAGRAPHS.slice(0, 2) }), URL_FOUND);
  assert.deepEqual(brief.paragraphs, TRAM_PARAGRAPHS.slice(0, 2));
  assert.equal(brief.words, 44);
  // One sentence is too short for Readability, which takes the copyright footer: the <article> is read.
  const sentence = 'Grodno tram drivers walked out on Monday over unpaid wages.';
  const one = extractFromHtml(articlePage({ paragraphs: [sentence] }), URL_FOUND);
  assert.deepEqual(one.paragraphs, ['Grodno tram drivers walk out over unpaid wages', sentence]);
  const bare = extractFromHtml(`<html><body><p>${sentence}</p></body></html>`, URL_FOUND);
  assert.deepEqual(bare.paragraphs, [sentence], 'a bare page with a sentence is no JavaScript shell');
});

/** About 5 MB of article: the same paragraphs, numbered, over and over. */
function fiveMegabytePage(): string {
  const paragraphs: string[] = [];
  let size = 0;
  for (let i = 0; size < 5 * 1024 * 1024 - 20_000; i++) {
    const p = `${i}. ${TRAM_PARAGRAPHS.join(' ')}`;
    paragraphs.push(p);
    size += p.length + 7;
  }
  return articlePage({ head: TRAM_META, paragraphs });
}

test('a 5 MB page is read in a worker: the event loop keeps turning meanwhile', async (t) => {
  const html = fiveMegabytePage();
  await extractArticle(articlePage(), URL_FOUND); // the worker started and warm
  let ticks = 0;
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    ticks++;
  }, 5);
  const started = performance.now();
  const article = await extractArticle(html, URL_FOUND);
  const ms = performance.now() - started;
  clearInterval(ticker);
  t.diagnostic(
    `5 MB page: ${Math.round(ms)} ms in the worker, ${ticks} ticks, longest block ${longest.toFixed(1)} ms`,
  );
  assert.ok(article.paragraphs.length > 7000);
  // Read on the main thread, it would be one block of over a second, and next to no ticks. (The longest
  // block is reported, not asserted: on a busy shared machine it varies with other processes' load.)
  assert.ok(ticks >= 20, `the main thread turned ${ticks} times`);
});

test('a page that takes too long to read stops its worker; the next page is read by a new one', async () => {
  await assert.rejects(
    extractArticle(fiveMegabytePage(), URL_FOUND, { timeoutMs: 50 }),
    (error) =>
      error instanceof IngestError && error.kind === 'extraction-failed' && /over 50 ms/.test(error.message),
  );
  const article = await extractArticle(articlePage({ head: TRAM_META }), URL_FOUND);
  assert.equal(article.title, 'Grodno tram drivers walk out over unpaid wages');
});

test('the worker hands back a refusal as the same IngestError', async () => {
  await assert.rejects(extractArticle(listingPage(), URL_FOUND), noArticle(/listing page/));
});
