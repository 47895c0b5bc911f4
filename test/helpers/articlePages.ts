/** Web pages for the ingest tests: articles as news sites publish them, and pages that are no article. */

export const TRAM_PARAGRAPHS = [
  'The Grodno tram depot stopped all 14 routes on Monday after drivers walked out over three months of unpaid wages, the city transport authority said.',
  'Drivers gathered outside the depot gates at dawn. Several said they had not been paid since before the election.',
  '“We will not go back until every driver is paid,” said Alena Kavalchuk, who has driven the number 3 line for eleven years.',
  'The authority said the wages would be paid by Friday and blamed a delay in transfers from the regional budget. It did not say how many drivers had joined the strike.',
  'Commuters crowded onto buses and shared taxis, and some factories in the north of the city let workers start late.',
];

const nav = `<header><nav><ul>
  <li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li>
  <li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>`;
const footer = `<footer><p>© 2020 Example News. All rights reserved.</p>
  <ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li></ul></footer>`;

export interface ArticleOptions {
  title?: string;
  head?: string;
  paragraphs?: readonly string[];
  /** Inserted between the headline and the first paragraph. */
  byline?: string;
}

/** A news article page: site chrome around an <article> of paragraphs, metadata in <head>. */
export function articlePage({
  title = 'Grodno tram drivers walk out over unpaid wages',
  head = '',
  paragraphs = TRAM_PARAGRAPHS,
  byline = '',
}: ArticleOptions = {}): string {
  return `<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>${title} | Example News</title>
${head}
</head><body>
${nav}
<main><article>
<h1>${title}</h1>
${byline}
${paragraphs.map((p) => `<p>${p}</p>`).join('')}
<aside><h3>Read more</h3><ul><li><a href="/a">Minsk metro closes stations</a></li><li><a href="/b">Protest in Brest</a></li></ul></aside>
</article></main>
${footer}
<script>window.analytics = { page: 'article' };</script>
</body></html>`;
}

export const TRAM_META = `
<meta property="og:site_name" content="Example News">
<meta property="og:title" content="Grodno tram drivers walk out over unpaid wages">
<meta name="author" content="Maria Sokol">
<meta property="article:published_time" content="2020-09-14T08:30:00+03:00">
<link rel="canonical" href="https://news.example/2020/09/grodno-trams">`;

/** The same story in Russian, for the legacy-encoding tests. */
export const CYRILLIC_PARAGRAPHS = [
  'Трамвайное депо Гродно в понедельник остановило все 14 маршрутов после того, как водители отказались выходить на линию из-за невыплаченной за три месяца зарплаты, сообщило городское управление транспорта.',
  'Водители собрались у ворот депо на рассвете. Некоторые сказали, что им не платили с самых выборов.',
  '«Мы не вернёмся, пока каждому водителю не заплатят», — сказала Алёна Ковальчук, которая одиннадцать лет водит трамвай третьего маршрута.',
  'В управлении пообещали выплатить зарплату до пятницы и объяснили задержку переводами из областного бюджета. Сколько водителей присоединилось к забастовке, там не сказали.',
];

/**
 * A Cyrillic article without any charset declaration of its own (`declare` adds one). KOI8-R has no
 * « » nor dashes: `paragraphs` can leave out those that hold them.
 */
export function cyrillicPage(declare = '', paragraphs = CYRILLIC_PARAGRAPHS): string {
  return `<!DOCTYPE html>
<html lang="ru"><head>${declare}
<title>Водители трамваев в Гродно бастуют из-за долгов по зарплате</title>
<meta property="og:site_name" content="Гродненские новости">
</head><body>
<nav><a href="/">Главная</a> <a href="/news">Новости</a></nav>
<article><h1>Водители трамваев в Гродно бастуют из-за долгов по зарплате</h1>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article></body></html>`;
}

/** A page whose article the browser builds with JavaScript: nothing to read without running it. */
export const JS_SHELL_PAGE = `<!DOCTYPE html><html><head><title>Example News</title>
<script src="/static/app.js" defer></script></head>
<body><noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div>
<script>window.__STATE__ = {"article": {"id": 42}};</script></body></html>`;

/** A section front: headlines linking to articles, a few words each. */
export function listingPage(headlines = 30): string {
  const items = Array.from(
    { length: headlines },
    (_, i) =>
      `<li><h3><a href="/2020/09/story-${i}">Story number ${i} about the protests in Minsk and the regions today</a></h3><span>2 hours ago</span></li>`,
  ).join('\n');
  return `<!DOCTYPE html><html><head><title>World news | Example News</title></head><body>
${nav}<main><h1>World</h1><ul class="stories">${items}</ul></main>${footer}</body></html>`;
}

/** A subscriber-only article: the first lines, then the wall. */
export const PAYWALL_PAGE = `<!DOCTYPE html><html><head><title>Inside the Grodno tram strike | Example News</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Inside the Grodno tram strike","isAccessibleForFree":"False","hasPart":{"@type":"WebPageElement","isAccessibleForFree":"False","cssSelector":".paywalled"}}</script>
</head><body>${nav}<article><h1>Inside the Grodno tram strike</h1>
<p>Drivers at the Grodno depot say the unpaid wages are only the start of their grievances.</p>
<div class="paywalled"><p>Subscribe to continue reading this article.</p><p><a href="/subscribe">Subscribe now</a></p></div>
</article>${footer}</body></html>`;
