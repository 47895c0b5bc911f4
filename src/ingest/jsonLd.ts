/** The article a page describes in JSON-LD (schema.org NewsArticle and kin), read defensively. */

import type { DomDocument } from './dom.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface JsonLdArticle {
  headline: string | null;
  datePublished: string | null;
  /** Names of the authors, in order. */
  authors: string[];
  publisher: string | null;
  /** False when the page marks the article as not free to read (a paywall). */
  free: boolean;
}

/** A script this large is no page's metadata; it is not parsed. */
const MAX_SCRIPT_CHARS = 1_000_000;

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const asList = (value: Json | undefined): Json[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

function types(node: JsonObject): string[] {
  return asList(node['@type']).filter((t): t is string => typeof t === 'string');
}

/** Article, NewsArticle, ReportageNews, BlogPosting, LiveBlogPosting, Report and the other CreativeWorks of news. */
function isArticle(node: JsonObject): boolean {
  return types(node).some((t) => /(?:Article|BlogPosting|Report|ReportageNews)$/.test(t));
}

/** Every object of every JSON-LD script, @graph members and array items included. */
function jsonLdNodes(doc: DomDocument): JsonObject[] {
  const nodes: JsonObject[] = [];
  const scripts = doc.querySelectorAll('script');
  for (let i = 0; i < scripts.length; i++) {
    const script = scripts[i]!;
    const type = script.getAttribute('type')?.split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/ld+json') continue;
    const text = (script.textContent ?? '').trim().replace(/^<!\[CDATA\[|\]\]>$/g, '');
    if (text.length > MAX_SCRIPT_CHARS) continue;
    let parsed: Json;
    try {
      parsed = JSON.parse(text) as Json;
    } catch {
      continue;
    }
    for (const item of asList(parsed)) {
      if (!isObject(item)) continue;
      nodes.push(item);
      for (const member of asList(item['@graph'])) if (isObject(member)) nodes.push(member);
    }
  }
  return nodes;
}

const text = (value: Json | undefined): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/** A name given as a string, an object with a name, or a reference (@id) to such an object. */
function nameOf(value: Json, byId: Map<string, JsonObject>): string | null {
  if (typeof value === 'string') return text(value);
  if (!isObject(value)) return null;
  const node = typeof value['@id'] === 'string' && !value.name ? (byId.get(value['@id']) ?? value) : value;
  return text(node.name);
}

function isFalse(value: Json | undefined): boolean {
  return value === false || (typeof value === 'string' && value.trim().toLowerCase() === 'false');
}

export function readJsonLdArticle(doc: DomDocument): JsonLdArticle | null {
  const nodes = jsonLdNodes(doc);
  const article = nodes.find(isArticle);
  if (!article) return null;
  const byId = new Map<string, JsonObject>();
  for (const node of nodes) if (typeof node['@id'] === 'string') byId.set(node['@id'], node);
  const authors = asList(article.author)
    .map((author) => nameOf(author, byId))
    .filter((name): name is string => name !== null);
  const publisher = asList(article.publisher)
    .map((p) => nameOf(p, byId))
    .find((name) => name !== null);
  return {
    headline: text(article.headline) ?? text(article.name),
    datePublished: text(article.datePublished),
    authors,
    publisher: publisher ?? null,
    free: !isFalse(article.isAccessibleForFree),
  };
}
