/**
 * A news page's HTML to its article: Readability (Mozilla's reader view) picks the article out of the
 * page's chrome, its paragraphs are read from their block elements (blockParagraphs.ts), and the
 * metadata from the page's meta tags and JSON-LD (pageMetadata.ts). Readability scores paragraphs by
 * their length, so on a brief of a sentence or two it may pick the footer: then the page's own
 * article markup (<article>, <main>…, its chrome left out) is read instead when it holds a full
 * sentence. Synchronous and CPU-bound: callers run it in a worker (extractArticle.ts).
 */

import { Readability } from '@mozilla/readability';
import type { MetadataField } from '../types.js';
import { BRIEF_WORDS, holdsFullSentence, noArticleReason, proseWords } from './articleVerdict.js';
import { type BlockText, blockParagraphs } from './blockParagraphs.js';
import { type DomDocument, type DomElement, parsePage } from './dom.js';
import { IngestError } from './errors.js';
import { cleanAuthor, readPageMetadata, type Sourced } from './pageMetadata.js';

export interface ExtractedArticle {
  /** Null when the page gives none: the knowledge loader then takes the first line. */
  title: string | null;
  outlet: string;
  /** The outlet the page claims to be when that is not its site's (then `outlet` is the site). */
  outletClaim: string | null;
  author: string | null;
  /** YYYY-MM-DD. */
  published: string | null;
  /** The canonical URL when it is on the page's own site, else the URL the page was found at. */
  url: string;
  language: string | null;
  /** The article's paragraphs, verbatim (whitespace normalised within each). */
  paragraphs: string[];
  /** Words of prose (paragraphs that are not mostly links). */
  words: number;
  /** Every field read from the page rather than given by a moderator: all of them are inferred. */
  inferred: MetadataField[];
  /** Where on the page each field was found ("og:site_name", "host", "JSON-LD datePublished"…). */
  sources: Partial<Record<MetadataField, string>>;
}

/** Where a page marks up its article itself, in the order they are trusted. */
const ARTICLE_MARKUP = ['[itemprop="articleBody"]', 'article', 'main', '[role="main"]'];

/** The page's own article markup, read before Readability rewrites the document; null when it has none. */
function markedArticle(doc: DomDocument): BlockText | null {
  for (const selector of ARTICLE_MARKUP) {
    const element = doc.querySelector(selector);
    if (element) return blockParagraphs(element, { withoutChrome: true });
  }
  return null;
}

/** Readability's article, unless it is short with no full sentence while the page's own markup holds one. */
function chosenArticle(readability: BlockText | null, marked: BlockText | null): BlockText | null {
  if (!marked || !holdsFullSentence(marked)) return readability;
  if (readability && (proseWords(readability.paragraphs) >= BRIEF_WORDS || holdsFullSentence(readability)))
    return readability;
  return marked;
}

const SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' :: ', ' · '];

/** "Headline | Outlet" → "Headline" when the part after the separator is one of the outlet's `names`. */
function withoutOutlet(title: string, ...names: (string | null)[]): string {
  for (const name of names) {
    if (!name) continue;
    for (const separator of SEPARATORS) {
      const suffix = `${separator}${name}`;
      if (title.length > suffix.length && title.toLowerCase().endsWith(suffix.toLowerCase()))
        return title.slice(0, -suffix.length).trim();
    }
  }
  return title;
}

export function extractFromHtml(html: string, finalUrl: string): ExtractedArticle {
  const doc = parsePage(html);
  // Read before Readability, which rewrites the document as it goes.
  const meta = readPageMetadata(doc, finalUrl);
  const page: BlockText = doc.body ? blockParagraphs(doc.body) : { paragraphs: [], chars: 0, linkChars: 0 };
  const firstHeading = doc.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() || null;
  const marked = markedArticle(doc);

  const parsed = new Readability<DomElement>(doc as never, {
    serializer: (node) => node as unknown as DomElement,
  }).parse();
  const article = chosenArticle(parsed?.content ? blockParagraphs(parsed.content) : null, marked);
  const reason = noArticleReason(page, article, meta.paywalled);
  if (reason || !article) throw new IngestError('no-article', reason ?? 'the page has no article');

  const rawTitle = parsed?.title?.replace(/\s+/g, ' ').trim() || firstHeading;
  const fields: [MetadataField, Sourced | null][] = [
    [
      'title',
      rawTitle
        ? { value: withoutOutlet(rawTitle, meta.outlet.value, meta.outletClaim), from: 'page title' }
        : null,
    ],
    ['outlet', meta.outlet],
    ['author', meta.author ?? sourcedByline(parsed?.byline)],
    ['published', meta.published],
    ['url', meta.url],
    ['language', meta.language],
  ];
  const found = fields.filter((f): f is [MetadataField, Sourced] => f[1] !== null);
  const paragraphs = article.paragraphs.map((p) => p.text);
  return {
    title: found.find(([f]) => f === 'title')?.[1].value ?? null,
    outlet: meta.outlet.value,
    outletClaim: meta.outletClaim,
    author: found.find(([f]) => f === 'author')?.[1].value ?? null,
    published: meta.published?.value ?? null,
    url: meta.url.value,
    language: meta.language?.value ?? null,
    paragraphs,
    words: proseWords(article.paragraphs),
    inferred: found.map(([field]) => field),
    sources: Object.fromEntries(found.map(([field, s]) => [field, s.from])),
  };
}

function sourcedByline(byline: string | null | undefined): Sourced | null {
  const author = cleanAuthor(byline);
  return author ? { value: author, from: 'byline' } : null;
}
