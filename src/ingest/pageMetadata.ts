/**
 * What a news page says about itself: outlet, author, publication date, canonical URL and language,
 * from its meta tags and JSON-LD (the title comes from Readability, which weighs the same sources).
 * Each value says where it came from. Two are checked against where the page was found, as anyone can
 * write a page: its outlet (pageOutlet.ts) and its canonical URL, taken only on the page's own site.
 */

import { findDate, isIsoDate } from '../knowledge/dates.js';
import { attribute, type DomDocument } from './dom.js';
import { type JsonLdArticle, readJsonLdArticle } from './jsonLd.js';
import { pageOutlet } from './pageOutlet.js';
import { sameSite } from './site.js';

export interface Sourced {
  value: string;
  /** Where on the page: "og:site_name", "JSON-LD datePublished", "host", … */
  from: string;
}

export interface PageMetadata {
  outlet: Sourced;
  /** The outlet the page claims to be, when that names another site than its own (pageOutlet.ts). */
  outletClaim: string | null;
  author: Sourced | null;
  published: Sourced | null;
  url: Sourced;
  language: Sourced | null;
  /** The page marks its article as not free to read (JSON-LD isAccessibleForFree: false). */
  paywalled: boolean;
  jsonLd: JsonLdArticle | null;
}

/** Longer than this, an "author" is a sentence or a list of tags, not a name. */
const MAX_AUTHOR_LENGTH = 120;
const LANGUAGE = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;

/** Meta tags giving the publication date, most specific first (after article:published_time). */
const DATE_META_NAMES = [
  'date',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'publication_date',
  'dc.date',
  'dc.date.issued',
  'dc.date.created',
  'dcterms.date',
  'dcterms.issued',
  'dcterms.created',
  'sailthru.date',
  'parsely-pub-date',
  'article.published',
];

type MetaKey = 'name' | 'property' | 'itemprop';

/** Each page's meta tags, read in one pass: a selector query walks the whole page, and this is asked ~25 times. */
const metaIndexes = new WeakMap<DomDocument, Map<string, string>>();

/** `${key}\n${value}` (the value lower-cased) → the content of the first such tag that has one. */
function metaIndex(doc: DomDocument): Map<string, string> {
  let index = metaIndexes.get(doc);
  if (index) return index;
  index = new Map();
  const tags = doc.querySelectorAll('meta');
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    const content = attribute(tag, 'content');
    if (!content) continue;
    for (const key of ['name', 'property', 'itemprop'] as const) {
      // Attribute values are matched in any case ("DC.date", "Author").
      const value = tag.getAttribute(key)?.trim().toLowerCase();
      if (value === undefined) continue;
      const entry = `${key}\n${value}`;
      if (!index.has(entry)) index.set(entry, content);
    }
  }
  metaIndexes.set(doc, index);
  return index;
}

function meta(doc: DomDocument, key: MetaKey, value: string): string | null {
  return metaIndex(doc).get(`${key}\n${value}`) ?? null;
}

const sourced = (value: string | null, from: string): Sourced | null => (value ? { value, from } : null);

export function readPageMetadata(doc: DomDocument, finalUrl: string): PageMetadata {
  const jsonLd = readJsonLdArticle(doc);
  const claims = [
    sourced(meta(doc, 'property', 'og:site_name'), 'og:site_name'),
    sourced(jsonLd?.publisher ?? null, 'JSON-LD publisher'),
    sourced(meta(doc, 'name', 'application-name'), 'application-name'),
  ].filter((claim): claim is Sourced => claim !== null);
  const { outlet, claim } = pageOutlet(claims, finalUrl);
  return {
    outlet,
    outletClaim: claim,
    author: readAuthor(doc, jsonLd),
    published: readPublished(doc, jsonLd),
    url: readCanonical(doc, finalUrl),
    language: readLanguage(doc),
    paywalled: jsonLd !== null && !jsonLd.free,
    jsonLd,
  };
}

/** A byline as a name: "By " dropped, spaces normalised; a URL (a profile page) or a sentence is no name. */
export function cleanAuthor(raw: string | null | undefined): string | null {
  const name = (raw ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^by\s+/i, '');
  if (!name || name.length > MAX_AUTHOR_LENGTH || /^https?:\/\//i.test(name) || /^[\w.-]+\.\w+\//.test(name))
    return null;
  return name;
}

function readAuthor(doc: DomDocument, jsonLd: JsonLdArticle | null): Sourced | null {
  return (
    sourced(cleanAuthor(meta(doc, 'name', 'author')), 'meta author') ??
    sourced(cleanAuthor(meta(doc, 'property', 'article:author')), 'article:author') ??
    sourced(cleanAuthor(jsonLd?.authors.join(', ')), 'JSON-LD author') ??
    sourced(cleanAuthor(meta(doc, 'name', 'dc.creator')), 'dc.creator')
  );
}

/** A date as YYYY-MM-DD: the day the page wrote, not converted to another time zone. */
export function isoDay(value: string | null): string | null {
  if (!value) return null;
  const v = value.trim();
  const prefix = /^(\d{4})-(\d{2})-(\d{2})(?![\d])/.exec(v)?.[0];
  if (prefix) return isIsoDate(prefix) ? prefix : null;
  const compact = /^(\d{4})(\d{2})(\d{2})(?:$|T)/.exec(v);
  if (compact) {
    const day = `${compact[1]}-${compact[2]}-${compact[3]}`;
    return isIsoDate(day) ? day : null;
  }
  return findDate(v.slice(0, 100));
}

function readPublished(doc: DomDocument, jsonLd: JsonLdArticle | null): Sourced | null {
  const candidates: [string | null, string][] = [
    [meta(doc, 'property', 'article:published_time'), 'article:published_time'],
    [jsonLd?.datePublished ?? null, 'JSON-LD datePublished'],
    ...DATE_META_NAMES.map((name): [string | null, string] => [meta(doc, 'name', name), `meta ${name}`]),
    [meta(doc, 'itemprop', 'datepublished'), 'itemprop datePublished'],
    [attribute(doc.querySelector('time[itemprop="datePublished"]'), 'datetime'), 'time datePublished'],
  ];
  for (const [value, from] of candidates) {
    const day = isoDay(value);
    if (day) return { value: day, from };
  }
  return null;
}

/**
 * <link rel="canonical">, else og:url, else the URL the page was found at (without utm_ tracking). A
 * canonical URL on another site is a claim the page cannot make, and one naming the site's front page
 * for an article deeper in it is a site's mistake: both are passed over.
 */
function readCanonical(doc: DomDocument, finalUrl: string): Sourced {
  const candidates: [string | null, string][] = [
    [canonicalLink(doc), 'link rel=canonical'],
    [meta(doc, 'property', 'og:url'), 'og:url'],
  ];
  const final = new URL(finalUrl);
  for (const [href, from] of candidates) {
    if (!href || !URL.canParse(href, finalUrl)) continue;
    const url = new URL(href, finalUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
    if (!sameSite(url.href, finalUrl) || (url.pathname === '/' && final.pathname !== '/')) continue;
    url.hash = '';
    return { value: url.href, from };
  }
  for (const key of [...final.searchParams.keys()])
    if (key.toLowerCase().startsWith('utm_')) final.searchParams.delete(key);
  final.hash = '';
  return { value: final.href, from: 'final URL' };
}

function canonicalLink(doc: DomDocument): string | null {
  const links = doc.querySelectorAll('link[rel][href]');
  for (let i = 0; i < links.length; i++) {
    const rel = links[i]!.getAttribute('rel')?.toLowerCase().split(/\s+/) ?? [];
    if (rel.includes('canonical')) return attribute(links[i]!, 'href');
  }
  return null;
}

function readLanguage(doc: DomDocument): Sourced | null {
  const lang =
    attribute(doc.documentElement, 'lang') ?? meta(doc, 'property', 'og:locale')?.replace('_', '-');
  return lang && LANGUAGE.test(lang) ? { value: lang, from: 'html lang' } : null;
}
